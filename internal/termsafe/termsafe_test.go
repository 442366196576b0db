package termsafe

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineAndText(t *testing.T) {
	tests := []struct {
		in, line, text string
	}{
		{"Ana Ruiz", "Ana Ruiz", "Ana Ruiz"},
		{"café – naïve 日本", "café – naïve 日本", "café – naïve 日本"},
		{`C:\sites\blog`, `C:\sites\blog`, `C:\sites\blog`},
		{"\x1b[2J\x1b[Hcleared", `\x1b[2J\x1b[Hcleared`, `\x1b[2J\x1b[Hcleared`},
		{"\x1b]52;c;ZXZpbA==\x07", `\x1b]52;c;ZXZpbA==\x07`, `\x1b]52;c;ZXZpbA==\x07`},
		{"a\x00b\x7fc", `a\x00b\x7fc`, `a\x00b\x7fc`},
		{"\u009b31m red", `\u009b31m red`, `\u009b31m red`},
		{"fake\rline", `fake\x0dline`, `fake\x0dline`},
		{"two\nlines\tand a tab", `two\x0alines\x09and a tab`, "two\nlines\tand a tab"},
		{"abc\u202egpj.exe", `abc\u202egpj.exe`, `abc\u202egpj.exe`},
		{"\u2066x\u2069 \u200e\u200f\u061c", `\u2066x\u2069 \u200e\u200f\u061c`, `\u2066x\u2069 \u200e\u200f\u061c`},
		{"line\u2028sep", `line\u2028sep`, `line\u2028sep`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`, `bad \xff\xfe utf-8`},
		{"a real \uFFFD stays", "a real \uFFFD stays", "a real \uFFFD stays"},
		{"\xe2\x80", `\xe2\x80`, `\xe2\x80`},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.line {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := Text(tt.in); got != tt.text {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := "title: \x1b[31mred\u202e\nnext line\n"
	n, err := w.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "title: \\x1b[31mred\\u202e\nnext line\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}

// FuzzLine checks that nothing Line returns can act on a terminal, and
// that text without such characters is left alone.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\u202e", "\xff", "a\nb\tc", "\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Text(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("%q gives invalid UTF-8 %q", s, out)
			}
			for _, r := range out {
				if Escaped(r) && r != '\n' && r != '\t' {
					t.Fatalf("%q gives %q, which holds %U", s, out, r)
				}
			}
		}
		if strings.IndexFunc(Line(s), func(r rune) bool { return r == '\n' || r == '\t' }) >= 0 {
			t.Fatalf("Line(%q) keeps a tab or newline", s)
		}
		if utf8.ValidString(s) && strings.IndexFunc(s, Escaped) < 0 && Line(s) != s {
			t.Fatalf("Line(%q) = %q changes safe text", s, Line(s))
		}
	})
}

func TestJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":"plain café"}`, `{"a":"plain café"}`},
		{"{\"a\":\"\\u001b[2J\u202e\u009b\u2066\"}", `{"a":"\u001b[2J\u202e\u009b\u2066"}`},
		{"[\"\u200f\"]\n", "[\"\\u200f\"]\n"},
	}
	for _, tt := range tests {
		got := JSON([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("JSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var a, b any
		if json.Unmarshal([]byte(tt.in), &a) != nil || json.Unmarshal(got, &b) != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("JSON(%q) = %q reads back as %v, want %v", tt.in, got, b, a)
		}
	}
}

func TestBidi(t *testing.T) {
	for r, want := range map[rune]bool{
		'\u202e': true, '\u202a': true, '\u2066': true, '\u2069': true, '\u200e': true, '\u200f': true, '\u061c': true,
		'a': false, '\u05d0': false, '\u2028': false, '\x1b': false, '\u2070': false, '\u202f': false,
	} {
		if Bidi(r) != want {
			t.Errorf("Bidi(%U) = %v, want %v", r, !want, want)
		}
	}
}

package comments

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateField(t *testing.T) {
	name := Field{Label: "name", Max: 100}
	body := Field{Label: "comment", Max: 10000, Multiline: true}
	tests := []struct {
		f     Field
		value string
		want  string // the error, "" for none
	}{
		{name, "Ana Ruiz", ""},
		{name, "Zoë Ñúñez 日本", ""},
		{name, "", ""},
		{name, "Ana\x1b[2J", `The name holds the control character \x1b (character 4); remove it and send the comment again.`},
		{name, "Ana\x00", `The name holds the control character \x00 (character 4); remove it and send the comment again.`},
		{name, "Ana\nRuiz", `The name holds the control character \x0a (character 4); remove it and send the comment again.`},
		{name, "Ana\tRuiz", `The name holds the control character \x09 (character 4); remove it and send the comment again.`},
		{name, "é\u009bx", `The name holds the control character \u009b (character 2); remove it and send the comment again.`},
		{name, "Ana \xff", "The name is not UTF-8 text (byte 0xff at byte 5); send the form from a page in UTF-8, or type the text again."},
		{name, strings.Repeat("é", 100), ""},
		{name, strings.Repeat("é", 101), "The name is 101 characters long; keep it to at most 100 characters."},
		{body, "Two\n\nparagraphs\tand a tab.", ""},
		{body, "A line\rover another", `The comment holds the control character \x0d (character 7); remove it and send the comment again.`},
		{body, "\x7f", `The comment holds the control character \x7f (character 1); remove it and send the comment again.`},
		{body, "caf\xc3", "The comment is not UTF-8 text (byte 0xc3 at byte 4); send the form from a page in UTF-8, or type the text again."},
		{body, strings.Repeat("a", 10001), "The comment is 10,001 characters long; keep it to at most 10,000 characters."},
		{body, "a real \uFFFD is text", ""},
		{name, "Ann\u202Egnp.exe", `The name holds the bidirectional text control \u202e (character 4); remove it and send the comment again.`},
		{body, "Right\u2067to left", `The comment holds the bidirectional text control \u2067 (character 6); remove it and send the comment again.`},
		{name, "\u05d0\u05d1 \u0627\u0644", ""},
		{Field{Label: "x"}, strings.Repeat("a", 1e6), ""},
	}
	for _, tt := range tests {
		err := ValidateField(tt.f, tt.value)
		got := ""
		if err != nil {
			got = err.Error()
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Label != tt.f.Label {
				t.Errorf("ValidateField(%q): %T %v, want a *FieldError of %s", tt.value, err, err, tt.f.Label)
			}
		}
		if got != tt.want {
			t.Errorf("ValidateField(%s, %q) = %q, want %q", tt.f.Label, tt.value, got, tt.want)
		}
	}
}

func TestNormalizeNewlines(t *testing.T) {
	for in, want := range map[string]string{"a\r\nb\r\n": "a\nb\n", "a\rb": "a\rb", "a\n\r\nb": "a\n\nb"} {
		if got := NormalizeNewlines(in); got != want {
			t.Errorf("NormalizeNewlines(%q) = %q, want %q", in, got, want)
		}
	}
}

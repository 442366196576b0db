package compile

import (
	"bytes"
	"testing"
)

// plainInputs are strings with every character an escaper treats
// specially.
var plainInputs = []string{
	"", "plain", "a < b && c > d", `"quoted" and 'single'`, "\x00nul", "tab\tnew\nline\r",
	"javascript:alert(1)", "https://example.org/a b?q=ü&x=<y>#frag", "mailto:ana@example.org",
	"/relative/path/", "//host/path", "data:text/html,<b>", "\u2028\u2029", "\xff\xfe invalid",
	"`${template}`", "\ufdd0\uffff", "&amp; already", "%zz %41", "(paren)'", "=equals ",
	"a" + escSpecials + "\xff",
}

// TestPlainEscapersMatchEscapers holds each plain-string escaper to what
// the escaper of its name does with one string.
func TestPlainEscapersMatchEscapers(t *testing.T) {
	for name, plain := range plainEscapers {
		esc, ok := escaper(name)
		if !ok {
			t.Errorf("%s has a plain form but is not an escaper", name)
			continue
		}
		for _, in := range plainInputs {
			if got, want := plain(in), esc(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
	}
	for name := range plainWriters {
		if plainEscapers[name] == nil {
			t.Errorf("%s has a writer but no plain form", name)
		}
		for _, in := range plainInputs {
			checkPlainWriter(t, name, in)
		}
	}
}

// checkPlainWriter holds the writer of the escaper name to the escaper.
func checkPlainWriter(t *testing.T, name, in string) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("before|")
	plainWriters[name](&b, in)
	esc, _ := escaper(name)
	if got, want := b.String(), "before|"+esc(in); got != want {
		t.Errorf("writer of %s(%q) wrote %q, want %q", name, in, got, want)
	}
}

func FuzzPlainEscapers(f *testing.F) {
	for _, in := range plainInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for name, plain := range plainEscapers {
			esc, _ := escaper(name)
			if got, want := plain(in), esc(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
		for name := range plainWriters {
			checkPlainWriter(t, name, in)
		}
	})
}

package comments

import (
	"regexp"
	"testing"
)

// prefilters pairs each pattern with the test that lets it run.
var prefilters = []struct {
	name string
	re   *regexp.Regexp
	may  func(string) bool
}{
	{"dotWords", dotWords, mayHaveDotWords},
	{"spacedScheme", spacedScheme, mayHaveScheme},
	{"scriptScheme", scriptScheme, mayHaveScheme},
	{"dataScheme", dataScheme, mayHaveScheme},
	{"cssScript", cssScript, mayHaveScheme},
	{"bareURL", bareURL, mayHaveBareURL},
	{"bbcodeURL", bbcodeURL, mayHaveBBCode},
	{"bbcodeTag", bbcodeTag, mayHaveBBCode},
	{"tagText", tagText, mayHaveTag},
}

// checkPrefilters fails when a pattern matches s and its prefilter says
// it cannot.
func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	for _, p := range prefilters {
		if p.re.MatchString(s) && !p.may(s) {
			t.Errorf("%s matches %q, but its prefilter skips it", p.name, s)
		}
	}
}

func TestPrefilters(t *testing.T) {
	for _, s := range []string{
		"example dot com", "example DoT com", "example[.]com", "example (dot) org", "example <.> net",
		"example . com", "example\t.\tcom", "HTTPS://example.com", "hxxp://example.com", "h t t p s : / / x",
		"WWW.example.com", "Www.Example.com", "java\tscript:alert(1)", "JaVaScRiPt:x", "data:text/html,x",
		"DATA : image/svg+xml", "a: expression(alert(1))", "-moz-binding: url(x)", "behavior:url(x)",
		"[url=http://x]y[/url]", "[URL]x[/URL]", "[/url]", "< script>", "</ IFRAME", "plain prose. Nothing else.",
	} {
		checkPrefilters(t, s)
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"example dot com", "WWW.x.org", "[url]x[/url]", "< svg", "javascript :x", "a . b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPrefilters(t, s) })
}

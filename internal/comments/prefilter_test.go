package comments

import (
	"regexp"
	"testing"

	"golang.org/x/text/unicode/norm"
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

// testWords is a word list with letters that fold outside ASCII (k, s,
// sigma), a phrase and a word with any ending.
var testWords = []string{"kick", "spam*", "payday loan", "σοφία", "ǅemal"}

// checkPrefilters fails when a pattern matches s and its prefilter says
// it cannot, or when a word list's pattern finds a word in s that find
// does not return.
func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	for _, p := range prefilters {
		if p.re.MatchString(s) && !p.may(s) {
			t.Errorf("%s matches %q, but its prefilter skips it", p.name, s)
		}
	}
	wl, err := newWordList(testWords)
	if err != nil {
		t.Fatal(err)
	}
	if wl.re.MatchString(norm.NFKC.String(s)) && len(wl.find(s)) == 0 {
		t.Errorf("the word list matches %q, but find skips it", s)
	}
}

func TestPrefilters(t *testing.T) {
	for _, s := range []string{
		"example dot com", "example DoT com", "example[.]com", "example (dot) org", "example <.> net",
		"example . com", "example\t.\tcom", "HTTPS://example.com", "hxxp://example.com", "h t t p s : / / x",
		"WWW.example.com", "Www.Example.com", "java\tscript:alert(1)", "JaVaScRiPt:x", "data:text/html,x",
		"DATA : image/svg+xml", "a: expression(alert(1))", "-moz-binding: url(x)", "behavior:url(x)",
		"[url=http://x]y[/url]", "[URL]x[/URL]", "[/url]", "< script>", "</ IFRAME", "plain prose. Nothing else.",
		"KICK", "\u212Aick", "ſpammer", "SPAM", "PayDay   Loan", "ΣΟΦΊΑ", "ςοφία", "ǄEMAL", "ǆemal",
	} {
		checkPrefilters(t, s)
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"example dot com", "WWW.x.org", "[url]x[/url]", "< svg", "javascript :x", "a . b", "Kick", "ΣΟΦΊΑ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPrefilters(t, s) })
}

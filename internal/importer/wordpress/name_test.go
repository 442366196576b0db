package wordpress

import "testing"

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"ana>":           "ana",
		" <Jozef  K.> ":  "Jozef K.",
		"Ana Ruiz":       "Ana Ruiz",
		">":              "",
		"jane&gt;":       "jane",
		"&lt;jane&gt;":   "jane",
		"Jane&nbsp;Doe":  "Jane Doe",
		"Jane\u00a0 Doe": "Jane Doe",
		"<b>Jane</b>":    "Jane",
		"jane\t>\n":      "jane",
		"Ana &amp; Bo":   "Ana & Bo",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q; want %q", in, got, want)
		}
	}
}

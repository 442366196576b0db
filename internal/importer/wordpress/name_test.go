package wordpress

import "testing"

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"ana>":          "ana",
		" <Jozef  K.> ": "Jozef K.",
		"Ana Ruiz":      "Ana Ruiz",
		">":             "",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q; want %q", in, got, want)
		}
	}
}

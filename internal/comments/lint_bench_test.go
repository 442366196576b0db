package comments

import (
	"testing"

	"github.com/blogen/blogen/internal/config"
)

// BenchmarkLint lints a comment of plain prose, as most are.
func BenchmarkLint(b *testing.B) {
	l, err := NewLinter(config.DefaultPolicy())
	if err != nil {
		b.Fatal(err)
	}
	body := []byte("We answered angry customers in public for a year, and the two-step reply you describe " +
		"cut our escalations by half. The hard part was getting legal to agree that a short, human answer " +
		"beats a perfect one that arrives a day later.\n\nThanks for writing this up.")
	for b.Loop() {
		l.Lint(body)
	}
}

package highlight

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// benchSources are the inputs of BenchmarkTokenise, by language.
var benchSources = []struct{ lang, path string }{
	{"go", "testdata/bench/sample.go"},
	{"python", "testdata/lexers/python/test_complex_file1.actual"},
	{"yaml", "testdata/lexers/yaml.actual"},
	{"js", "testdata/bench/sample.js"},
}

// BenchmarkTokenise tokenises a source file per language with chroma's
// lexer and with the fast one, and reports the time per rune.
func BenchmarkTokenise(b *testing.B) {
	for _, src := range benchSources {
		data, err := os.ReadFile(src.path)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		for _, impl := range []struct {
			name  string
			lexer chroma.Lexer
		}{{"chroma", lexers.Get(src.lang)}, {"fast", Get(src.lang)}} {
			b.Run(src.lang+"/"+impl.name, func(b *testing.B) {
				benchTokenise(b, impl.lexer, text)
			})
		}
	}
}

// benchTokenise tokenises text with lexer b.N times.
func benchTokenise(b *testing.B, lexer chroma.Lexer, text string) {
	if _, err := chroma.Tokenise(lexer, nil, text); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chroma.Tokenise(lexer, nil, text); err != nil {
			b.Fatal(err)
		}
	}
	runes := float64(utf8.RuneCountInString(text))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/runes, "ns/rune")
}

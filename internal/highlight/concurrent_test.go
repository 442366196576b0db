package highlight

import (
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// TestConcurrent tokenises with shared lexers from many goroutines, which
// also build the lexers' tables concurrently; run it with -race.
func TestConcurrent(t *testing.T) {
	// A new Registry builds new tables, from many goroutines at once.
	reg := NewRegistry(lexers.GlobalLexerRegistry)
	type job struct {
		lang string
		text string
		want []chroma.Token
	}
	var jobs []job
	for _, s := range benchSources {
		data, err := os.ReadFile(s.path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := chroma.Tokenise(Get(s.lang), nil, string(data))
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{s.lang, string(data), want})
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for k := range len(jobs) {
				j := jobs[(i+k)%len(jobs)]
				got, err := chroma.Tokenise(reg.Get(j.lang), nil, j.text)
				if err != nil {
					t.Error(err)
					return
				}
				if !slices.Equal(got, j.want) {
					t.Errorf("%s: tokens differ when lexing concurrently", j.lang)
				}
			}
		})
	}
	wg.Wait()
}

package highlight

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// TestRunawayMatchStopsLexing lexes text on which a rule backtracks
// without end: lexing stops at the first match that runs past the bound
// and the rest of the text comes back as one Text token.
func TestRunawayMatchStopsLexing(t *testing.T) {
	saved := matchTimeout
	matchTimeout = 50 * time.Millisecond
	t.Cleanup(func() { matchTimeout = saved })

	runaway := strings.Repeat("a", 40) + "!\n"
	tests := []struct {
		name string
		text string
		want []chroma.Token
	}{
		{
			name: "at the start",
			text: runaway,
			want: []chroma.Token{{Type: chroma.Text, Value: runaway}},
		},
		{
			name: "after tokens",
			text: "ab " + runaway,
			want: []chroma.Token{
				{Type: chroma.Keyword, Value: "ab"},
				{Type: chroma.TextWhitespace, Value: " "},
				{Type: chroma.Text, Value: runaway},
			},
		},
		{
			name: "never",
			text: "ab ab\n",
			want: []chroma.Token{
				{Type: chroma.Keyword, Value: "ab"},
				{Type: chroma.TextWhitespace, Value: " "},
				{Type: chroma.Keyword, Value: "ab"},
				{Type: chroma.TextWhitespace, Value: "\n"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A new lexer each time: its program is compiled with the
			// bound set above.
			lexer := NewRegistry(lexers.GlobalLexerRegistry).Fast(runawayLexer())
			got, err := chroma.Tokenise(lexer, nil, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokens\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// runawayLexer returns a lexer whose first rule, (a+)+b, backtracks
// exponentially on a run of a's with no b after it.
func runawayLexer() chroma.Lexer {
	return chroma.MustNewLexer(&chroma.Config{Name: "runaway"}, func() chroma.Rules {
		return chroma.Rules{"root": {
			{Pattern: `(a+)+b`, Type: chroma.Keyword},
			{Pattern: `\s+`, Type: chroma.TextWhitespace},
			{Pattern: `.`, Type: chroma.Error},
		}}
	})
}

// Package highlight tokenises source code for syntax highlighting several
// times faster than chroma, with exactly chroma's tokens.
//
// chroma's regex lexers try, at each position, every rule of the current
// state in turn until one matches. Each attempt is a regexp2 match that
// costs about a microsecond, failed or not, and a successful one allocates
// a good deal. A fast [Lexer] runs the same rules in the same order, with
// the same emitters and mutators, but:
//
//   - it skips the rules that cannot match at the position: from regexp2's
//     own parse of each pattern it works out which runes a match can start
//     with, and which few runes it can begin with, so that a rule such as
//     (break|case|continue)\b is not tried at every identifier;
//   - it matches simple patterns (\s+, [{}();], (if|for)\b, [a-z_]\w*)
//     itself, in a few comparisons, with the result regexp2 would give;
//   - it makes the tokens of rules that emit fixed token types directly,
//     without chroma's iterators;
//   - it lexes nested code (Using, UsingSelf, UsingByGroup) with fast
//     lexers too.
//
// The first rule that matches is therefore the one chroma picks, and the
// tokens are chroma's. The tests compare the two over chroma's own sample
// files and over fuzzed input.
//
// The one difference is the bound on a single match. chroma counts a
// match that takes more than 250 ms of wall time as none, which makes its
// tokens depend on the machine's load. A fast lexer allows a match five
// seconds, far beyond what any rule takes, and should a pattern
// backtrack that long it stops lexing and returns the rest of the text
// as one Text token, so that a runaway pattern costs seconds, not hours.
//
// Lexers that are not regex lexers (delegating lexers, for instance) are
// handed out unchanged, except chroma's Markdown lexer, a regex lexer that
// first splits off YAML front matter: its fast version does the same with
// fast lexers.
//
// Like chroma's, a lexer whose mutators rewrite its rules while lexing
// (Raku's) changes for every later use; the fast lexer then tries every
// rule of a changed state, as chroma does.
package highlight

import (
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Registry hands out fast lexers for the lexers of a chroma registry. It
// is safe for concurrent use.
type Registry struct {
	src      *chroma.LexerRegistry
	mu       sync.Mutex
	lexers   map[*chroma.RegexLexer]*Lexer
	wrappers map[chroma.Lexer]chroma.Lexer
}

// NewRegistry returns a Registry for the lexers of src.
func NewRegistry(src *chroma.LexerRegistry) *Registry {
	return &Registry{
		src:      src,
		lexers:   map[*chroma.RegexLexer]*Lexer{},
		wrappers: map[chroma.Lexer]chroma.Lexer{},
	}
}

// defaultRegistry serves chroma's global registry.
var defaultRegistry = NewRegistry(lexers.GlobalLexerRegistry)

// Get returns the lexer that chroma's lexers.Get returns for name, made
// fast, or nil when there is none.
func Get(name string) chroma.Lexer {
	return defaultRegistry.Get(name)
}

// Get returns the lexer that the chroma registry returns for name (by
// name, alias or file name), made fast, or nil when there is none.
func (r *Registry) Get(name string) chroma.Lexer {
	l := r.src.Get(name)
	if l == nil {
		return nil
	}
	return r.Fast(l)
}

// Fast returns the fast version of l, a lexer of the registry's chroma
// registry. Lexers other than *chroma.RegexLexer and chroma's Markdown
// lexer are returned unchanged. The fast version of a lexer is made once
// and shared.
func (r *Registry) Fast(l chroma.Lexer) chroma.Lexer {
	if regex, ok := l.(*chroma.RegexLexer); ok {
		return r.fastRegex(regex)
	}
	if reflect.TypeOf(l) == markdownType {
		return r.fastMarkdown(l)
	}
	return l
}

// fastRegex returns the fast version of a regex lexer.
func (r *Registry) fastRegex(regex *chroma.RegexLexer) *Lexer {
	r.mu.Lock()
	defer r.mu.Unlock()
	fast := r.lexers[regex]
	if fast == nil {
		fast = &Lexer{regex: regex, nested: r}
		fast.registry.Store(r.src)
		r.lexers[regex] = fast
	}
	return fast
}

// fastMarkdown returns the fast version of chroma's Markdown lexer l, or l
// itself if it does not wrap a regex lexer.
func (r *Registry) fastMarkdown(l chroma.Lexer) chroma.Lexer {
	body, ok := field[chroma.Lexer](reflect.ValueOf(l), "Lexer")
	regex, isRegex := body.(*chroma.RegexLexer)
	if !ok || !isRegex {
		return l
	}
	fastBody := r.fastRegex(regex)
	r.mu.Lock()
	defer r.mu.Unlock()
	fast := r.wrappers[l]
	if fast == nil {
		fast = &markdownLexer{outer: l, body: fastBody}
		r.wrappers[l] = fast
	}
	return fast
}

// fastIn returns the fast version of l, which was found in reg, or l
// itself when reg is not the registry r serves.
func (r *Registry) fastIn(reg *chroma.LexerRegistry, l chroma.Lexer) chroma.Lexer {
	if reg != r.src {
		return l
	}
	return r.Fast(l)
}

// Lexer is a chroma regex lexer with a faster Tokenise. Tokenise produces
// exactly the tokens of the underlying lexer's Tokenise. A Lexer is safe
// for concurrent use; its tables are built on first use.
type Lexer struct {
	regex    *chroma.RegexLexer
	nested   *Registry
	registry atomic.Pointer[chroma.LexerRegistry]

	once sync.Once
	prog *program
	err  error
}

var _ chroma.Lexer = (*Lexer)(nil)

// Config implements chroma.Lexer.
func (l *Lexer) Config() *chroma.Config {
	return l.regex.Config()
}

// SetRegistry implements chroma.Lexer: reg is the registry that Using
// rules look lexers up in. Like chroma's, it changes the lexer for every
// user.
func (l *Lexer) SetRegistry(reg *chroma.LexerRegistry) chroma.Lexer {
	l.registry.Store(reg)
	return l
}

// SetAnalyser implements chroma.Lexer; it sets the analyser of the
// underlying lexer.
func (l *Lexer) SetAnalyser(analyser func(text string) float32) chroma.Lexer {
	l.regex.SetAnalyser(analyser)
	return l
}

// AnalyseText implements chroma.Lexer.
func (l *Lexer) AnalyseText(text string) float32 {
	return l.regex.AnalyseText(text)
}

// String returns the name of the lexer.
func (l *Lexer) String() string {
	return l.regex.String()
}

// program returns the compiled program, building it on first use.
func (l *Lexer) program() (*program, error) {
	l.once.Do(func() {
		l.prog, l.err = compileProgram(l.regex, l.nested, l)
	})
	return l.prog, l.err
}

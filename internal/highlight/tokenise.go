package highlight

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// defaultOptions are the options chroma tokenises with when given none.
var defaultOptions = chroma.TokeniseOptions{State: "root", EnsureLF: true}

// Tokenise implements chroma.Lexer. It returns the tokens the underlying
// chroma lexer returns for text, and fails where it fails.
func (l *Lexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	prog, err := l.program()
	if err != nil {
		// The underlying lexer reports the same error, or, should only
		// the fast tables have failed to build, lexes the slow way.
		return l.regex.Tokenise(options, text)
	}
	if options == nil {
		options = &defaultOptions
	}
	if options.EnsureLF {
		text = ensureLF(text)
	}
	newlineAdded := false
	if !options.Nested && l.regex.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	runes := []rune(text)
	d := &driver{
		state: &chroma.LexerState{
			Lexer:          l.regex,
			Registry:       l.registry.Load(),
			Text:           runes,
			Stack:          []string{options.State},
			Rules:          prog.rules,
			MutatorContext: map[any]any{},
		},
		tables:       prog.tables,
		initial:      options.State,
		newlineAdded: newlineAdded,
	}
	if len(runes) == len(text) && len(text) > 0 {
		d.ascii, d.runes = text, runes
	}
	return d.next, nil
}

// asciiText returns the text being lexed when it is ASCII, so that rune
// positions are byte positions and the groups of a match can be sliced
// out of it, and "" otherwise.
func (d *driver) asciiText() string {
	if t := d.state.Text; len(t) == len(d.runes) && len(t) > 0 && &t[0] == &d.runes[0] {
		return d.ascii
	}
	return ""
}

// driver runs a lexer over one text. It is (*chroma.LexerState).Iterator
// with a faster rule search; it keeps itself what LexerState keeps in
// unexported fields.
type driver struct {
	state  *chroma.LexerState
	tables map[string]*stateTable
	// iterators is the stack of token iterators the emitters returned.
	iterators []chroma.Iterator
	// queue holds the tokens of the last match when its emitter is a
	// token type or tokenGroups, which the driver makes itself; queued
	// counts those handed out.
	queue  []chroma.Token
	queued int
	// initial is the state lexing starts in, and returns to after an
	// error at a newline.
	initial string
	// newlineAdded records that Tokenise appended a newline to the text,
	// which is then not lexed.
	newlineAdded bool
	// ascii is the text when it is all ASCII, and runes its runes, which
	// the lexer state holds unless a mutator replaced them.
	ascii string
	runes []rune
	// timedOut records that a rule's match ran past matchTimeout; the
	// rest of the text is then one Text token.
	timedOut bool
}

// next returns the next token, or chroma.EOF at the end.
func (d *driver) next() chroma.Token {
	l := d.state
	end := len(l.Text)
	if d.newlineAdded {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		if t, ok := d.pending(); ok {
			return t
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		index, rule, groups, named := d.match(rules)
		if d.timedOut {
			return d.rest(end)
		}
		if groups == nil {
			// As in Pygments: a newline that no rule matches resets the
			// lexer to its initial state, so that an unclosed string
			// spoils only its own line.
			if l.Text[l.Pos] == '\n' && l.State != d.initial {
				l.Stack = []string{d.initial}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		d.apply(index, rule, groups, named)
	}
	if t, ok := d.pending(); ok {
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// rest returns the text from the current position to end as one Text
// token and moves to the end of the text, after a match timed out.
func (d *driver) rest(end int) chroma.Token {
	l := d.state
	value := string(l.Text[l.Pos:end])
	l.Pos = len(l.Text)
	if value == "" {
		return chroma.EOF
	}
	return chroma.Token{Type: chroma.Text, Value: value}
}

// pending returns the next token of the queue or the iterator stack, if
// any. Like an iterator that returns it, a token of type Ignore is
// skipped, and one equal to EOF ends the tokens of its match.
func (d *driver) pending() (chroma.Token, bool) {
	for d.queued < len(d.queue) {
		t := d.queue[d.queued]
		d.queued++
		if t.Type == chroma.Ignore || t == chroma.EOF {
			continue
		}
		return t, true
	}
	for len(d.iterators) > 0 {
		n := len(d.iterators) - 1
		t := d.iterators[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			d.iterators = d.iterators[:n]
			continue
		}
		return t, true
	}
	return chroma.EOF, false
}

// apply records the match of rule, runs its mutator and pushes the tokens
// it emits.
func (d *driver) apply(index int, rule *chroma.CompiledRule, groups []string, named map[string]string) {
	l := d.state
	l.Rule = index
	l.Groups = groups
	l.NamedGroups = named
	l.Pos += utf8.RuneCountInString(groups[0])
	if rule.Mutator != nil {
		if err := rule.Mutator.Mutate(l); err != nil {
			panic(err)
		}
	}
	d.queue, d.queued = d.queue[:0], 0
	switch e := rule.Type.(type) {
	case nil:
	case chroma.TokenType:
		d.queue = append(d.queue, chroma.Token{Type: e, Value: l.Groups[0]})
	case *tokenGroups:
		d.queue = e.appendTokens(d.queue, l.Groups)
	default:
		d.iterators = append(d.iterators, e.Emit(l.Groups, l))
	}
}

// match returns the first of rules that matches at the current position,
// with its index and groups, or nil groups when none does.
func (d *driver) match(rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	l := d.state
	t := d.tables[l.State]
	if t == nil || !t.covers(rules) {
		for i, rule := range rules {
			if groups, named := d.matchAt(rule, true); groups != nil || d.timedOut {
				return i, rule, groups, named
			}
		}
		return 0, nil, nil, nil
	}
	r := l.Text[l.Pos]
	ascii := r >= 0 && r < utf8.RuneSelf
	for _, i := range t.candidates(r) {
		f := &t.filters[i]
		if !ascii && !f.start.mayStart(r) || !f.prefix.admits(l.Text, l.Pos) {
			continue
		}
		var groups []string
		var named map[string]string
		if f.direct != nil {
			groups, named = f.direct.match(l.Text, d.asciiText(), l.Pos, f.names)
		} else {
			groups, named = d.matchAt(rules[i], f.names)
		}
		if groups != nil || d.timedOut {
			return i, rules[i], groups, named
		}
	}
	return 0, nil, nil, nil
}

// matchAt returns the groups of a match of rule starting exactly at the
// current position, by number and, if names is set, by name, or nil when
// there is none. A match that runs past matchTimeout sets d.timedOut.
func (d *driver) matchAt(rule *chroma.CompiledRule, names bool) ([]string, map[string]string) {
	pos := d.state.Pos
	match, err := rule.Regexp.FindRunesMatchStartingAt(d.state.Text, pos)
	if err != nil {
		d.timedOut = true
		return nil, nil
	}
	if match == nil || match.RuneIndex != pos {
		return nil, nil
	}
	all := match.Groups()
	groups := make([]string, len(all))
	for i, g := range all {
		groups[i] = g.String()
	}
	if !names {
		return groups, nil
	}
	named := make(map[string]string, len(all))
	for i, g := range all {
		named[g.Name] = groups[i]
	}
	return groups, named
}

// ensureLF replaces "\r\n" and "\r" with "\n", as chroma does.
func ensureLF(text string) string {
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	buf := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' {
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		buf = append(buf, c)
	}
	return string(buf)
}

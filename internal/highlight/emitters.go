package highlight

import (
	"fmt"
	"reflect"

	"github.com/alecthomas/chroma/v2"
)

// A program has its own copy of a lexer's rules, and speedUpNested swaps
// some of chroma's emitters in it for faster ones that do exactly the
// same:
//
//   - Emitters that lex part of a match with another lexer (Using,
//     UsingSelf, UsingByGroup) call that lexer's Tokenise. The lexer they
//     find is chroma's own, so nested code would be lexed the slow way;
//     their replacements call the fast lexer.
//   - ByGroups builds an iterator for each group and one around them. When
//     every group becomes a token of a fixed type, its replacement lets the
//     driver make the tokens directly.
//
// chroma's emitter types are unexported, so they are recognised by type
// and read by reflection; an emitter that is not recognised is kept as it
// is.
var (
	usingSelfType    = reflect.TypeOf(chroma.UsingSelf(""))
	usingType        = reflect.TypeOf(chroma.Using(""))
	usingByGroupType = reflect.TypeOf(chroma.UsingByGroup(0, 0))
	byGroupsType     = reflect.TypeOf(chroma.ByGroups())
)

// Types of chroma's mutators that only move between states.
var (
	pushType     = reflect.TypeOf(chroma.Push())
	popType      = reflect.TypeOf(chroma.Pop(1))
	mutatorsType = reflect.TypeOf(chroma.Mutators())
)

// readsNames reports whether the emitter or the mutator of rule may read
// LexerState.NamedGroups. Building that map costs more than a simple
// match; the driver leaves it nil for a rule whose emitter and mutator
// are known not to read it. Nothing else can see it: the mutator and the
// emitter run right after the match, and the driver hands out all the
// tokens an emitter returns before it matches again.
func readsNames(rule *chroma.CompiledRule) bool {
	return !namelessEmitter(rule.Type) || !namelessMutator(rule.Mutator)
}

// namelessEmitter reports whether e is known not to read NamedGroups.
func namelessEmitter(e chroma.Emitter) bool {
	switch e := e.(type) {
	case nil, chroma.TokenType, *tokenGroups, *usingSelf, *using:
		return true
	case *usingByGroup:
		return namelessEmitters(e.emitters)
	}
	v := reflect.ValueOf(e)
	if v.Type() != byGroupsType {
		return false
	}
	emitters, ok := field[chroma.Emitters](v, "Emitters")
	return ok && namelessEmitters(emitters)
}

// namelessEmitters reports whether all of emitters are nameless.
func namelessEmitters(emitters chroma.Emitters) bool {
	for _, e := range emitters {
		if !namelessEmitter(e) {
			return false
		}
	}
	return true
}

// namelessMutator reports whether m is known not to read NamedGroups.
func namelessMutator(m chroma.Mutator) bool {
	if m == nil {
		return true
	}
	v := reflect.ValueOf(m)
	switch v.Type() {
	case pushType, popType:
		return true
	case mutatorsType:
		mutators, ok := field[[]chroma.Mutator](v, "Mutators")
		if !ok {
			return false
		}
		for _, m := range mutators {
			if !namelessMutator(m) {
				return false
			}
		}
		return true
	}
	return false
}

// speedUpNested replaces the nested-lexer emitters of rules. self is the
// fast lexer the rules belong to; nested supplies fast lexers for the
// lexers that Using and UsingByGroup find in the registry.
func speedUpNested(rules chroma.CompiledRules, nested *Registry, self *Lexer) {
	done := map[*chroma.CompiledRule]bool{}
	for _, list := range rules {
		for _, rule := range list {
			if done[rule] {
				continue
			}
			done[rule] = true
			if e, ok := fastEmitter(rule.Type, nested, self); ok {
				rule.Type = e
			}
		}
	}
}

// fastEmitter returns the fast equivalent of e and true, or e and false
// when e has none.
func fastEmitter(e chroma.Emitter, nested *Registry, self *Lexer) (chroma.Emitter, bool) {
	if e == nil {
		return e, false
	}
	v := reflect.ValueOf(e)
	switch v.Type() {
	case usingSelfType:
		if state, ok := field[string](v, "State"); ok {
			return &usingSelf{lexer: self, state: state}, true
		}
	case usingType:
		if name, ok := field[string](v, "Lexer"); ok {
			return &using{name: name, nested: nested}, true
		}
	case usingByGroupType:
		return fastUsingByGroup(v, nested, self)
	case byGroupsType:
		emitters, ok := field[chroma.Emitters](v, "Emitters")
		if !ok {
			break
		}
		out, changed := fastEmitters(emitters, nested, self)
		if g, ok := newTokenGroups(out); ok {
			return g, true
		}
		if changed {
			return chroma.ByGroups(out...), true
		}
	}
	return e, false
}

// fastUsingByGroup returns the fast equivalent of the UsingByGroup
// emitter v.
func fastUsingByGroup(v reflect.Value, nested *Registry, self *Lexer) (chroma.Emitter, bool) {
	nameGroup, ok1 := field[int](v, "SublexerNameGroup")
	codeGroup, ok2 := field[int](v, "CodeGroup")
	emitters, ok3 := field[chroma.Emitters](v, "Emitters")
	if !ok1 || !ok2 || !ok3 {
		return v.Interface().(chroma.Emitter), false
	}
	out, _ := fastEmitters(emitters, nested, self)
	return &usingByGroup{nameGroup: nameGroup, codeGroup: codeGroup, emitters: out, nested: nested}, true
}

// fastEmitters returns a copy of emitters with each replaced by its fast
// equivalent, and whether any was.
func fastEmitters(emitters chroma.Emitters, nested *Registry, self *Lexer) (chroma.Emitters, bool) {
	out := make(chroma.Emitters, len(emitters))
	changed := false
	for i, e := range emitters {
		f, ok := fastEmitter(e, nested, self)
		out[i] = f
		changed = changed || ok
	}
	return out, changed
}

// field returns the exported field name of the struct v points to.
func field[T any](v reflect.Value, name string) (T, bool) {
	var zero T
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return zero, false
	}
	f := v.Elem().FieldByName(name)
	if !f.IsValid() || !f.CanInterface() {
		return zero, false
	}
	t, ok := f.Interface().(T)
	return t, ok
}

// nestedOptions are the options chroma's nested-lexer emitters tokenise
// with.
func nestedOptions(state string) *chroma.TokeniseOptions {
	return &chroma.TokeniseOptions{State: state, Nested: true}
}

// usingSelf is chroma.UsingSelf on the fast lexer.
type usingSelf struct {
	lexer *Lexer
	state string
}

// Emit implements chroma.Emitter.
func (u *usingSelf) Emit(groups []string, state *chroma.LexerState) chroma.Iterator {
	var lexer chroma.Lexer = state.Lexer
	if u.lexer.regex == state.Lexer {
		lexer = u.lexer
	}
	it, err := lexer.Tokenise(nestedOptions(u.state), groups[0])
	if err != nil {
		panic(err)
	}
	return it
}

// using is chroma.Using on fast lexers.
type using struct {
	name   string
	nested *Registry
}

// Emit implements chroma.Emitter.
func (u *using) Emit(groups []string, state *chroma.LexerState) chroma.Iterator {
	if state.Registry == nil {
		panic(fmt.Sprintf("no LexerRegistry available for Using(%q)", u.name))
	}
	lexer := state.Registry.Get(u.name)
	if lexer == nil {
		panic(fmt.Sprintf("no such lexer %q", u.name))
	}
	it, err := u.nested.fastIn(state.Registry, lexer).Tokenise(nestedOptions("root"), groups[0])
	if err != nil {
		panic(err)
	}
	return it
}

// usingByGroup is chroma.UsingByGroup on fast lexers.
type usingByGroup struct {
	nameGroup, codeGroup int
	emitters             chroma.Emitters
	nested               *Registry
}

// Emit implements chroma.Emitter.
func (u *usingByGroup) Emit(groups []string, state *chroma.LexerState) chroma.Iterator {
	if len(u.emitters) != len(groups)-1 {
		panic("UsingByGroup expects number of emitters to be the same as len(groups)-1")
	}
	sublexer := state.Registry.Get(groups[u.nameGroup])
	iterators := make([]chroma.Iterator, len(groups)-1)
	for i, group := range groups[1:] {
		switch {
		case i == u.codeGroup-1 && sublexer != nil:
			var err error
			iterators[i], err = u.nested.fastIn(state.Registry, sublexer).Tokenise(nil, groups[u.codeGroup])
			if err != nil {
				panic(err)
			}
		case u.emitters[i] != nil:
			iterators[i] = u.emitters[i].Emit([]string{group}, state)
		}
	}
	return chroma.Concaterator(iterators...)
}

// tokenGroups is chroma.ByGroups when each group is either a token of a
// fixed type or dropped.
type tokenGroups struct {
	types []chroma.TokenType
	// emit is false for the groups ByGroups has a nil emitter for.
	emit []bool
}

// newTokenGroups returns the tokenGroups for ByGroups(emitters...), if
// every emitter is a token type or nil.
func newTokenGroups(emitters chroma.Emitters) (*tokenGroups, bool) {
	g := &tokenGroups{types: make([]chroma.TokenType, len(emitters)), emit: make([]bool, len(emitters))}
	for i, e := range emitters {
		switch e := e.(type) {
		case nil:
		case chroma.TokenType:
			g.types[i], g.emit[i] = e, true
		default:
			return nil, false
		}
	}
	return g, true
}

// appendTokens appends the tokens of groups to out. Like ByGroups, it
// makes a single error token when the groups do not fit the types.
func (g *tokenGroups) appendTokens(out []chroma.Token, groups []string) []chroma.Token {
	if len(g.types) != len(groups)-1 {
		return append(out, chroma.Token{Type: chroma.Error, Value: groups[0]})
	}
	for i, t := range g.types {
		if g.emit[i] {
			out = append(out, chroma.Token{Type: t, Value: groups[i+1]})
		}
	}
	return out
}

// Emit implements chroma.Emitter. As with ByGroups, a token equal to
// chroma.EOF ends only its own group.
func (g *tokenGroups) Emit(groups []string, _ *chroma.LexerState) chroma.Iterator {
	tokens := g.appendTokens(nil, groups)
	return func() chroma.Token {
		for len(tokens) > 0 {
			t := tokens[0]
			tokens = tokens[1:]
			if t != chroma.EOF {
				return t
			}
		}
		return chroma.EOF
	}
}

package highlight

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// matchTimeout bounds the wall time of one rule's match. chroma gives a
// match 250 ms and counts one that runs longer as no match, so that on a
// loaded machine, where a goroutine may wait that long for a core, the
// tokens of ordinary code change from one build to the next. No rule
// takes a millisecond on chroma's sample files; the bound is there for a
// pattern that backtracks without end, and lexing then stops (see
// driver.rest).
var matchTimeout = 5 * time.Second

// program is a lexer's rules compiled for the fast driver: chroma's own
// compiled rules, rebuilt from the raw rules the way chroma builds them,
// plus a candidate table for every state.
type program struct {
	rules  chroma.CompiledRules
	tables map[string]*stateTable
}

// stateTable lists, for the rune at the current position, the rules of
// one state that may match there, in their original order.
type stateTable struct {
	// rules is a copy of the state's rules in program.rules when the
	// table was built. The driver checks that the state still has these
	// rules before it trusts the table.
	rules []*chroma.CompiledRule
	// filters holds the filter of each rule.
	filters []ruleFilter
	// index lists the rules that may start with each ASCII rune.
	index *runeIndex
	// other lists the rules that may start with a rune beyond ASCII; the
	// driver checks their start sets before it tries them.
	other []int
}

// compileProgram builds the program of lexer.
func compileProgram(lexer *chroma.RegexLexer, nested *Registry, self *Lexer) (*program, error) {
	raw, err := lexer.Rules()
	if err != nil {
		return nil, fmt.Errorf("%s: rules: %w", lexer.Config().Name, err)
	}
	rules, err := compileRules(raw, ruleFlags(lexer.Config()))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", lexer.Config().Name, err)
	}
	if err := mutateRules(rules); err != nil {
		return nil, fmt.Errorf("%s: %w", lexer.Config().Name, err)
	}
	if err := validateEmitters(rules); err != nil {
		return nil, fmt.Errorf("%s: %w", lexer.Config().Name, err)
	}
	speedUpNested(rules, nested, self)
	return &program{rules: rules, tables: buildTables(rules)}, nil
}

// ruleFlags returns the inline flags chroma gives every rule of a lexer
// with config.
func ruleFlags(config *chroma.Config) string {
	flags := ""
	if !config.NotMultiline {
		flags += "m"
	}
	if config.CaseInsensitive {
		flags += "i"
	}
	if config.DotAll {
		flags += "s"
	}
	return flags
}

// rulePattern returns the pattern chroma compiles for a rule.
func rulePattern(pattern, flags string) string {
	pattern = "(?:" + pattern + ")"
	if flags != "" {
		pattern = "(?" + flags + ")" + pattern
	}
	return `\G` + pattern
}

// compileRules compiles every raw rule as chroma does. The raw rules are
// left untouched: each compiled rule is a new value, so the lexer
// mutators below change only this copy.
func compileRules(raw chroma.Rules, flags string) (chroma.CompiledRules, error) {
	out := chroma.CompiledRules{}
	for state, rules := range raw {
		out[state] = nil
		for i, rule := range rules {
			re, err := regexp2.Compile(rulePattern(rule.Pattern, flags))
			if err != nil {
				return nil, fmt.Errorf("failed to compile rule %s.%d: %w", state, i, err)
			}
			re.MatchTimeout = matchTimeout
			out[state] = append(out[state], &chroma.CompiledRule{Rule: rule, Regexp: re})
		}
	}
	return out, nil
}

// mutateRules applies the lexer mutators (Include, Combined, ...) the way
// chroma does when it compiles a lexer: one at a time, starting over after
// each, since a mutator may add or remove rules.
func mutateRules(rules chroma.CompiledRules) error {
	for {
		state, index, m := nextLexerMutator(rules)
		if m == nil {
			return nil
		}
		if err := m.MutateLexer(rules, state, index); err != nil {
			return fmt.Errorf("mutate rule %s.%d: %w", state, index, err)
		}
	}
}

// nextLexerMutator returns the first rule with a LexerMutator, or a nil
// mutator when no rule has one.
func nextLexerMutator(rules chroma.CompiledRules) (string, int, chroma.LexerMutator) {
	for state, list := range rules {
		for i, rule := range list {
			if m, ok := rule.Mutator.(chroma.LexerMutator); ok {
				return state, i, m
			}
		}
	}
	return "", 0, nil
}

// validateEmitters runs the checks of validating emitters such as
// ByGroups, as chroma does after the mutators.
func validateEmitters(rules chroma.CompiledRules) error {
	for state, list := range rules {
		for _, rule := range list {
			v, ok := rule.Type.(chroma.ValidatingEmitter)
			if !ok {
				continue
			}
			if err := v.ValidateEmitter(rule); err != nil {
				return fmt.Errorf("%s: %s: %w", state, rule.Pattern, err)
			}
		}
	}
	return nil
}

// buildTables builds the candidate table of every state.
func buildTables(rules chroma.CompiledRules) map[string]*stateTable {
	filters := map[*chroma.CompiledRule]ruleFilter{}
	tables := make(map[string]*stateTable, len(rules))
	for state, list := range rules {
		tables[state] = buildTable(list, filters)
	}
	return tables
}

// buildTable builds the candidate table of one state. filters caches rule
// filters, since included rules appear in many states.
func buildTable(rules []*chroma.CompiledRule, filters map[*chroma.CompiledRule]ruleFilter) *stateTable {
	t := &stateTable{rules: slices.Clone(rules), filters: make([]ruleFilter, len(rules))}
	for i, rule := range rules {
		f, ok := filters[rule]
		if !ok {
			f = analyseRule(rule.Regexp.String())
			f.names = readsNames(rule)
			filters[rule] = f
		}
		t.filters[i] = f
		if f.start.mayStartNonASCII() {
			t.other = append(t.other, i)
		}
	}
	t.index = newRuneIndex(len(rules), func(i int, r rune) bool {
		return t.filters[i].start.mayStart(r)
	})
	return t
}

// candidates returns the indices of the rules that may start a match
// with r. The caller must still check each rule's prefix filter, and for a
// rune beyond ASCII its start set.
func (t *stateTable) candidates(r rune) []int {
	if r >= 0 && r < utf8.RuneSelf {
		return t.index.ascii(r)
	}
	return t.other
}

// covers reports whether rules are still the rules the table was built
// for. Some lexers' mutators (Raku's) replace rules while lexing; the
// driver then tries every rule, as chroma does.
func (t *stateTable) covers(rules []*chroma.CompiledRule) bool {
	return slices.Equal(rules, t.rules)
}

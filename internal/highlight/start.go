package highlight

import (
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// startSet is a conservative description of the runes a match of one rule
// can start with. A rule whose start set does not contain the rune at the
// current position cannot match there, so the rule need not be tried. When
// in doubt the set contains everything.
type startSet struct {
	// any means a match may start with any rune: the rule can match the
	// empty string, or its pattern uses a construct the analysis does not
	// follow.
	any bool
	// ascii has bit r set when a match may start with the ASCII rune r.
	ascii [2]uint64
	// atoms describe the set for runes beyond ASCII.
	atoms []startAtom
}

// atomKind tells what a startAtom matches.
type atomKind uint8

const (
	atomOne    atomKind = iota // the rune ch
	atomNotOne                 // any rune but ch
	atomSet                    // a rune of set
)

// startAtom is one single-rune matcher a match may start with.
type startAtom struct {
	kind atomKind
	ch   rune
	set  *syntax.CharSet
	// ascii has bit r set when the atom matches the ASCII rune r.
	ascii [2]uint64
}

// anyStart is the start set of a rule that may start with anything.
var anyStart = startSet{any: true}

// newAtom returns the atom of the given kind, with its ASCII bitmap.
func newAtom(kind atomKind, ch rune, set *syntax.CharSet) startAtom {
	a := startAtom{kind: kind, ch: ch, set: set}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if a.slowContains(r) {
			a.ascii[r>>6] |= 1 << (r & 63)
		}
	}
	return a
}

// contains reports whether the atom matches r, exactly as regexp2 does.
func (a *startAtom) contains(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return a.ascii[r>>6]&(1<<(r&63)) != 0
	}
	return a.slowContains(r)
}

// slowContains is contains without the ASCII bitmap.
func (a *startAtom) slowContains(r rune) bool {
	switch a.kind {
	case atomOne:
		return r == a.ch
	case atomNotOne:
		return r != a.ch
	default:
		return a.set.CharIn(r)
	}
}

// mayContainNonASCII reports whether the atom may match a rune beyond
// ASCII. It errs on the side of true.
func (a *startAtom) mayContainNonASCII() bool {
	switch a.kind {
	case atomOne:
		return a.ch >= utf8.RuneSelf
	case atomNotOne:
		return true
	default:
		return !a.set.Analyze().ContainsOnlyAscii
	}
}

// newStartSet returns the start set made of atoms.
func newStartSet(atoms []startAtom) startSet {
	s := startSet{atoms: atoms}
	for _, a := range atoms {
		s.ascii[0] |= a.ascii[0]
		s.ascii[1] |= a.ascii[1]
	}
	return s
}

// mayStart reports whether a match may start with r.
func (s *startSet) mayStart(r rune) bool {
	if s.any {
		return true
	}
	if r >= 0 && r < utf8.RuneSelf {
		return s.ascii[r>>6]&(1<<(r&63)) != 0
	}
	for i := range s.atoms {
		if s.atoms[i].slowContains(r) {
			return true
		}
	}
	return false
}

// mayStartNonASCII reports whether a match may start with a rune beyond
// ASCII. It errs on the side of true.
func (s *startSet) mayStartNonASCII() bool {
	if s.any {
		return true
	}
	for i := range s.atoms {
		if s.atoms[i].mayContainNonASCII() {
			return true
		}
	}
	return false
}

// ruleFilter tells which positions a rule may match at, and matches
// simple rules without regexp2.
type ruleFilter struct {
	start  startSet
	prefix *prefixFilter
	direct *directMatcher
	// names says that the rule's emitter or mutator may read the named
	// groups.
	names bool
}

// analyseRule parses pattern as regexp2 does when it compiles it with no
// options, and returns its filter. A pattern that does not parse may
// match anywhere.
func analyseRule(pattern string) ruleFilter {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil || tree.Options&syntax.RightToLeft != 0 {
		return ruleFilter{start: anyStart}
	}
	return ruleFilter{
		start:  treeStartSet(tree.Root),
		prefix: treePrefix(tree.Root),
		direct: newDirectMatcher(tree),
	}
}

// treeStartSet returns the start set of the matches of root.
func treeStartSet(root *syntax.RegexNode) startSet {
	atoms, nullable, ok := nodeStart(root, nil)
	if !ok || nullable {
		return anyStart
	}
	return newStartSet(atoms)
}

// nodeStart appends to atoms the single-rune matchers that a match of n
// can start with. nullable reports that n can match the empty string, in
// which case whatever follows n can start the match too. ok is false when
// the analysis gives up on n.
//
// The tree comes from regexp2's own parser, so character classes, case
// folding (already expanded into sets by the parser) and escapes such as
// \w and \s mean exactly what they mean to the matcher.
func nodeStart(n *syntax.RegexNode, atoms []startAtom) (_ []startAtom, nullable, ok bool) {
	if isZeroWidth(n.T) {
		// A lookaround only narrows what may follow, in either direction,
		// so ignoring it keeps the set conservative.
		return atoms, true, true
	}
	if n.Options&syntax.RightToLeft != 0 {
		return atoms, false, false
	}
	switch n.T {
	case syntax.NtOne:
		return append(atoms, newAtom(atomOne, n.Ch, nil)), false, true
	case syntax.NtNotone:
		return append(atoms, newAtom(atomNotOne, n.Ch, nil)), false, true
	case syntax.NtSet:
		return setAtom(n.Set, atoms, false)
	case syntax.NtMulti:
		if len(n.Str) == 0 {
			return atoms, true, true
		}
		return append(atoms, newAtom(atomOne, n.Str[0], nil)), false, true
	case syntax.NtOneloop, syntax.NtOnelazy, syntax.NtOneloopatomic:
		return append(atoms, newAtom(atomOne, n.Ch, nil)), n.M == 0, true
	case syntax.NtNotoneloop, syntax.NtNotonelazy, syntax.NtNotoneloopatomic:
		return append(atoms, newAtom(atomNotOne, n.Ch, nil)), n.M == 0, true
	case syntax.NtSetloop, syntax.NtSetlazy, syntax.NtSetloopatomic:
		return setAtom(n.Set, atoms, n.M == 0)
	case syntax.NtNothing:
		return atoms, false, true
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic:
		if len(n.Children) != 1 {
			return atoms, false, false
		}
		return nodeStart(n.Children[0], atoms)
	case syntax.NtLoop, syntax.NtLazyloop:
		if len(n.Children) != 1 {
			return atoms, false, false
		}
		atoms, nullable, ok = nodeStart(n.Children[0], atoms)
		return atoms, nullable || n.M == 0, ok
	case syntax.NtAlternate:
		return alternateStart(n.Children, atoms)
	case syntax.NtConcatenate:
		return concatStart(n.Children, atoms)
	default:
		// Backreferences, conditionals and anything unknown.
		return atoms, false, false
	}
}

// isZeroWidth reports whether nodes of type t match the empty string and
// only test the text around the position: anchors, word boundaries and
// lookarounds.
func isZeroWidth(t syntax.NodeType) bool {
	switch t {
	case syntax.NtEmpty, syntax.NtBol, syntax.NtEol, syntax.NtBoundary,
		syntax.NtNonboundary, syntax.NtBeginning, syntax.NtStart, syntax.NtEndZ,
		syntax.NtEnd, syntax.NtECMABoundary, syntax.NtNonECMABoundary,
		syntax.NtUpdateBumpalong, syntax.NtPosLook, syntax.NtNegLook:
		return true
	}
	return false
}

// setAtom appends the atom for set.
func setAtom(set *syntax.CharSet, atoms []startAtom, nullable bool) ([]startAtom, bool, bool) {
	if set == nil {
		return atoms, false, false
	}
	return append(atoms, newAtom(atomSet, 0, set)), nullable, true
}

// alternateStart is nodeStart for an alternation of children.
func alternateStart(children []*syntax.RegexNode, atoms []startAtom) ([]startAtom, bool, bool) {
	nullable := false
	for _, c := range children {
		var cn, ok bool
		atoms, cn, ok = nodeStart(c, atoms)
		if !ok {
			return atoms, false, false
		}
		nullable = nullable || cn
	}
	return atoms, nullable, true
}

// concatStart is nodeStart for a concatenation of children: a match starts
// with what the first child starts with, and also with what the next one
// starts with as long as every child before it can match the empty string.
func concatStart(children []*syntax.RegexNode, atoms []startAtom) ([]startAtom, bool, bool) {
	for _, c := range children {
		var nullable, ok bool
		atoms, nullable, ok = nodeStart(c, atoms)
		if !ok {
			return atoms, false, false
		}
		if !nullable {
			return atoms, false, true
		}
	}
	return atoms, true, true
}

package highlight

import (
	"strconv"

	"github.com/dlclark/regexp2/v2/syntax"
)

// Most matches in a text are whitespace, punctuation, operators, keywords
// and identifiers, found by rules such as \s+, [{}();,], (if|for|func)\b
// or ([a-zA-Z_]\w*)(\s*)(\(). A regexp2 match costs about a microsecond,
// mostly in allocations, while such a pattern is a few comparisons. A
// direct matcher matches patterns of this kind itself, with exactly the
// result of regexp2, which is a backtracking matcher.
//
// The patterns it takes are made of single-rune matchers (literals,
// classes, the dot), repetitions of a single rune, anchors, word
// boundaries, single-rune lookarounds, capture groups and alternations.
// Alternations are expanded: the matcher lists the sequences that their
// choices give, in the order a backtracking matcher tries them (first
// alternative first, the leftmost alternation varying slowest), and the
// first sequence that matches gives the match. Within a sequence, a
// repetition either never gives back runes (regexp2's parser makes a
// repetition atomic when what follows cannot start with what it repeats,
// and a fixed count or the end of the pattern leave no choice), or it is
// the one repetition of the sequence that backtracks, trying its counts
// in the order regexp2 does. Since a backtracking matcher varies such a
// repetition more slowly than the alternations after it, a pattern with
// an alternation after a backtracking repetition is left to regexp2.

// stepKind tells what a step of a sequence does.
type stepKind uint8

const (
	stepRunes       stepKind = iota // between min and max runes matching atom, greedily, never giving back
	stepLoop                        // between min and max repetitions of body, backtracking
	stepStart                       // \G: where matching started
	stepLineStart                   // ^ in multiline mode
	stepLineEnd                     // $ in multiline mode
	stepTextStart                   // \A, or ^ in single-line mode
	stepTextEnd                     // \z
	stepTextEndZ                    // \Z, or $ in single-line mode
	stepBoundary                    // \b
	stepNonBoundary                 // \B
	stepBehind                      // (?<=x): the rune before matches atom
	stepNotBehind                   // (?<!x): the rune before does not
	stepAhead                       // (?=...): the text at the position matches one of ahead
	stepNotAhead                    // (?!...): the text at the position matches none
	stepOpen                        // start of capture group n
	stepClose                       // end of capture group n
)

// step is one element of a sequence.
type step struct {
	kind     stepKind
	atom     startAtom
	min, max int
	// lazy makes a backtracking repetition try its counts from the
	// smallest up.
	lazy bool
	// body is what a backtracking repetition repeats, one rune at a time.
	body []step
	// ahead are the runes a lookahead looks for, one sequence for each
	// alternative.
	ahead [][]step
	group int
}

const (
	// maxSequences caps the sequences of a direct matcher.
	maxSequences = 256
	// maxGroups caps the capture groups of a direct matcher.
	maxGroups = 16
)

// directMatcher matches a simple pattern without regexp2.
type directMatcher struct {
	// sequences are tried in order; the first that matches wins.
	sequences [][]step
	// index tells which sequences may match at an ASCII rune.
	index *runeIndex
	// names are the names of the capture groups, group 0 first.
	names []string
}

// runner is the state of one match.
type runner struct {
	text  []rune
	start int
	caps  []int
}

// match returns the groups of the match at pos, by number and, if names
// is set, by name, or nil when there is none. ascii is text as a string
// when it is all ASCII, or "".
func (m *directMatcher) match(text []rune, ascii string, pos int, names bool) ([]string, map[string]string) {
	var bounds [2 * maxGroups]int
	r := runner{text: text, start: pos, caps: bounds[:2*len(m.names)]}
	if items, ok := m.index.items(text, pos); ok {
		for _, i := range items {
			if r.try(m.sequences[i], pos) {
				return m.groups(text, ascii, r.caps, names)
			}
		}
		return nil, nil
	}
	for _, seq := range m.sequences {
		if r.try(seq, pos) {
			return m.groups(text, ascii, r.caps, names)
		}
	}
	return nil, nil
}

// try reports whether seq matches at pos, starting with no groups set.
func (r *runner) try(seq []step, pos int) bool {
	for i := range r.caps {
		r.caps[i] = -1
	}
	_, ok := r.run(seq, pos)
	return ok
}

// firstAtom returns the atom that matches the first rune of every match
// of seq, or nil if there is none.
func firstAtom(seq []step) *startAtom {
	for i := range seq {
		switch s := &seq[i]; s.kind {
		case stepRunes:
			if s.min == 0 {
				return nil
			}
			return &s.atom
		case stepLoop:
			if s.min == 0 {
				return nil
			}
			return firstAtom(s.body)
		case stepOpen, stepClose, stepStart, stepLineStart, stepLineEnd, stepTextStart,
			stepTextEnd, stepTextEndZ, stepBoundary, stepNonBoundary, stepBehind,
			stepNotBehind, stepAhead, stepNotAhead:
			// Zero-width: the first rune is that of what follows.
		default:
			return nil
		}
	}
	return nil
}

// groups returns the groups that caps delimit, sliced out of ascii when
// the text is ASCII.
func (m *directMatcher) groups(text []rune, ascii string, caps []int, names bool) ([]string, map[string]string) {
	groups := make([]string, len(m.names))
	for i := range groups {
		start, end := caps[2*i], caps[2*i+1]
		switch {
		case start < 0 || end < start:
		case ascii != "":
			groups[i] = ascii[start:end]
		default:
			groups[i] = string(text[start:end])
		}
	}
	if !names {
		return groups, nil
	}
	named := make(map[string]string, len(m.names))
	for i, name := range m.names {
		named[name] = groups[i]
	}
	return groups, named
}

// run matches seq at pos and returns where the match ends.
func (r *runner) run(seq []step, pos int) (int, bool) {
	for i := range seq {
		s := &seq[i]
		switch s.kind {
		case stepRunes:
			n := 0
			for n < s.max && pos < len(r.text) && s.atom.contains(r.text[pos]) {
				n++
				pos++
			}
			if n < s.min {
				return 0, false
			}
		case stepLoop:
			return r.loop(s, seq[i+1:], pos)
		case stepOpen:
			r.caps[2*s.group] = pos
		case stepClose:
			r.caps[2*s.group+1] = pos
		default:
			if !r.holds(s, pos) {
				return 0, false
			}
		}
	}
	return pos, true
}

// loop matches the backtracking repetition s followed by rest at pos.
func (r *runner) loop(s *step, rest []step, pos int) (int, bool) {
	n := 0
	for n < s.max && r.bodyAt(s.body, pos+n) {
		n++
	}
	if n < s.min {
		return 0, false
	}
	for i := range n - s.min + 1 {
		count := n - i
		if s.lazy {
			count = s.min + i
		}
		r.lastRepetition(s.body, pos, count)
		if end, ok := r.run(rest, pos+count); ok {
			return end, true
		}
	}
	return 0, false
}

// bodyAt reports whether one repetition of body matches at pos.
func (r *runner) bodyAt(body []step, pos int) bool {
	_, ok := r.run(body, pos)
	return ok
}

// lastRepetition sets the groups inside a repetition of body as regexp2
// leaves them after count repetitions from pos: those of the last
// repetition, or unset.
func (r *runner) lastRepetition(body []step, pos, count int) {
	if count > 0 {
		r.run(body, pos+count-1)
		return
	}
	for i := range body {
		if body[i].kind == stepOpen || body[i].kind == stepClose {
			r.caps[2*body[i].group] = -1
			r.caps[2*body[i].group+1] = -1
		}
	}
}

// holds reports whether the zero-width assertion s holds at pos, as
// regexp2 decides it.
func (r *runner) holds(s *step, pos int) bool {
	text := r.text
	switch s.kind {
	case stepStart:
		return pos == r.start
	case stepLineStart:
		return pos == 0 || text[pos-1] == '\n'
	case stepLineEnd:
		return pos == len(text) || text[pos] == '\n'
	case stepTextStart:
		return pos == 0
	case stepTextEnd:
		return pos == len(text)
	case stepTextEndZ:
		return pos == len(text) || pos == len(text)-1 && text[pos] == '\n'
	case stepBoundary:
		return isBoundary(text, pos)
	case stepNonBoundary:
		return !isBoundary(text, pos)
	case stepBehind:
		return pos > 0 && s.atom.contains(text[pos-1])
	case stepNotBehind:
		return pos == 0 || !s.atom.contains(text[pos-1])
	case stepAhead:
		return r.anyAt(s.ahead, pos)
	case stepNotAhead:
		return !r.anyAt(s.ahead, pos)
	}
	return false
}

// anyAt reports whether one of seqs matches at pos.
func (r *runner) anyAt(seqs [][]step, pos int) bool {
	for _, seq := range seqs {
		if r.bodyAt(seq, pos) {
			return true
		}
	}
	return false
}

// isBoundary reports whether pos is a word boundary, as regexp2's \b.
func isBoundary(text []rune, pos int) bool {
	return (pos > 0 && syntax.IsWordChar(text[pos-1])) != (pos < len(text) && syntax.IsWordChar(text[pos]))
}

// newDirectMatcher returns a direct matcher for tree, or nil when the
// pattern is not simple enough.
func newDirectMatcher(tree *syntax.RegexTree) *directMatcher {
	if tree.Options&(syntax.RightToLeft|syntax.ECMAScript|syntax.RE2) != 0 ||
		tree.Caplist != nil || tree.Capnumlist != nil || tree.Captop < 1 || tree.Captop > maxGroups {
		return nil
	}
	seqs, ok := expand(tree.Root, true, nil)
	if !ok {
		return nil
	}
	for _, seq := range seqs {
		if loops(seq) > 1 {
			// Nested backtracking could take far longer than regexp2
			// allows itself (it gives up after 250 ms).
			return nil
		}
	}
	m := &directMatcher{sequences: seqs, names: make([]string, tree.Captop)}
	for i := range m.names {
		m.names[i] = strconv.Itoa(i)
	}
	m.index = indexFirstAtoms(len(seqs), func(i int) *startAtom { return firstAtom(seqs[i]) })
	return m
}

// anyLoops reports whether a sequence of seqs has a backtracking
// repetition.
func anyLoops(seqs [][]step) bool {
	for _, seq := range seqs {
		if loops(seq) > 0 {
			return true
		}
	}
	return false
}

// loops counts the backtracking repetitions of seq.
func loops(seq []step) int {
	n := 0
	for i := range seq {
		if seq[i].kind == stepLoop {
			n++
		}
	}
	return n
}

// expand returns the sequences of n in the order a backtracking matcher
// tries them. atEnd says that nothing follows n in the pattern; next is
// the node that follows n in its concatenation, if any.
func expand(n *syntax.RegexNode, atEnd bool, next *syntax.RegexNode) ([][]step, bool) {
	if n.T == syntax.NtPosLook || n.T == syntax.NtNegLook {
		s, ok := lookaround(n)
		return [][]step{{s}}, ok
	}
	if n.Options&syntax.RightToLeft != 0 {
		return nil, false
	}
	switch n.T {
	case syntax.NtConcatenate:
		return expandConcat(n.Children, atEnd, next)
	case syntax.NtAlternate:
		var out [][]step
		for _, c := range n.Children {
			seqs, ok := expand(c, atEnd, next)
			if !ok || len(out)+len(seqs) > maxSequences {
				return nil, false
			}
			out = append(out, seqs...)
		}
		return out, true
	case syntax.NtCapture:
		return expandCapture(n, atEnd, next)
	case syntax.NtGroup:
		if len(n.Children) != 1 {
			return nil, false
		}
		return expand(n.Children[0], atEnd, next)
	case syntax.NtAtomic:
		return expandAtomic(n, atEnd, next)
	case syntax.NtLoop, syntax.NtLazyloop:
		s, ok := backtrackingLoop(n)
		return [][]step{{s}}, ok
	}
	s, ok := leafSteps(n, atEnd, next)
	return [][]step{s}, ok
}

// expandConcat returns the sequences of a concatenation followed by next.
func expandConcat(children []*syntax.RegexNode, atEnd bool, next *syntax.RegexNode) ([][]step, bool) {
	out := [][]step{nil}
	for i, c := range children {
		last := i == len(children)-1
		after := next
		if !last {
			after = children[i+1]
		}
		seqs, ok := expand(c, atEnd && last, after)
		if !ok || len(out)*len(seqs) > maxSequences || len(seqs) > 1 && anyLoops(out) {
			// A backtracking repetition varies more slowly than the
			// alternations after it; expanding those first would try
			// the matches in a different order.
			return nil, false
		}
		joined := make([][]step, 0, len(out)*len(seqs))
		for _, head := range out {
			for _, tail := range seqs {
				joined = append(joined, append(head[:len(head):len(head)], tail...))
			}
		}
		out = joined
	}
	return out, true
}

// expandCapture returns the sequences of a capture group.
func expandCapture(n *syntax.RegexNode, atEnd bool, next *syntax.RegexNode) ([][]step, bool) {
	if len(n.Children) != 1 || n.M < 0 || n.M >= maxGroups {
		return nil, false
	}
	seqs, ok := expand(n.Children[0], atEnd, next)
	if !ok {
		return nil, false
	}
	out := make([][]step, len(seqs))
	for i, s := range seqs {
		seq := make([]step, 0, len(s)+2)
		seq = append(seq, step{kind: stepOpen, group: n.M})
		seq = append(seq, s...)
		out[i] = append(seq, step{kind: stepClose, group: n.M})
	}
	return out, true
}

// expandAtomic returns the sequences of an atomic group, which keeps the
// first way its content matches. That is what the sequences give when
// nothing follows, or when the content has a single way to match.
func expandAtomic(n *syntax.RegexNode, atEnd bool, next *syntax.RegexNode) ([][]step, bool) {
	if len(n.Children) != 1 {
		return nil, false
	}
	seqs, ok := expand(n.Children[0], atEnd, next)
	if !ok || !atEnd && (len(seqs) > 1 || loops(seqs[0]) > 0) {
		return nil, false
	}
	return seqs, true
}

// backtrackingLoop returns the step of a repetition of a group that
// matches one rune.
func backtrackingLoop(n *syntax.RegexNode) (step, bool) {
	if len(n.Children) != 1 {
		return step{}, false
	}
	seqs, ok := expand(n.Children[0], false, nil)
	if !ok || len(seqs) != 1 || !oneRune(seqs[0]) {
		return step{}, false
	}
	return step{kind: stepLoop, body: seqs[0], min: n.M, max: n.N, lazy: n.T == syntax.NtLazyloop}, true
}

// oneRune reports whether seq always consumes exactly one rune.
func oneRune(seq []step) bool {
	runes := 0
	for _, s := range seq {
		switch s.kind {
		case stepLoop:
			return false
		case stepRunes:
			if s.min != 1 || s.max != 1 {
				return false
			}
			runes++
		}
	}
	return runes == 1
}

// leafSteps returns the steps of a node that is neither a group, a
// concatenation, an alternation nor a lookaround.
func leafSteps(n *syntax.RegexNode, atEnd bool, next *syntax.RegexNode) ([]step, bool) {
	if k, ok := assertionKinds[n.T]; ok {
		return []step{{kind: k}}, true
	}
	switch n.T {
	case syntax.NtEmpty:
		return nil, true
	case syntax.NtOne, syntax.NtNotone, syntax.NtSet:
		return []step{{atom: nodeAtom(n), min: 1, max: 1}}, true
	case syntax.NtMulti:
		steps := make([]step, len(n.Str))
		for i, r := range n.Str {
			steps[i] = step{atom: newAtom(atomOne, r, nil), min: 1, max: 1}
		}
		return steps, true
	case syntax.NtOneloopatomic, syntax.NtNotoneloopatomic, syntax.NtSetloopatomic:
		return []step{{atom: nodeAtom(n), min: n.M, max: n.N}}, true
	case syntax.NtOneloop, syntax.NtNotoneloop, syntax.NtSetloop,
		syntax.NtOnelazy, syntax.NtNotonelazy, syntax.NtSetlazy:
		return runeLoop(n, atEnd, next), true
	}
	return nil, false
}

// assertionKinds maps zero-width node types to their steps.
var assertionKinds = map[syntax.NodeType]stepKind{
	syntax.NtStart:       stepStart,
	syntax.NtBol:         stepLineStart,
	syntax.NtEol:         stepLineEnd,
	syntax.NtBeginning:   stepTextStart,
	syntax.NtEnd:         stepTextEnd,
	syntax.NtEndZ:        stepTextEndZ,
	syntax.NtBoundary:    stepBoundary,
	syntax.NtNonboundary: stepNonBoundary,
}

// runeLoop returns the step of a repetition of one rune that may
// backtrack. A greedy one that cannot give back a rune to any effect
// needs no backtracking: one of a fixed count, one at the end of the
// pattern, or one followed by $ that does not match a newline (so $
// fails at every position inside it).
func runeLoop(n *syntax.RegexNode, atEnd bool, next *syntax.RegexNode) []step {
	atom := nodeAtom(n)
	lazy := n.T == syntax.NtOnelazy || n.T == syntax.NtNotonelazy || n.T == syntax.NtSetlazy
	fixed := n.M == n.N ||
		!lazy && (atEnd || next != nil && next.T == syntax.NtEol && !atom.contains('\n'))
	if fixed {
		return []step{{atom: atom, min: n.M, max: n.N}}
	}
	body := []step{{atom: atom, min: 1, max: 1}}
	return []step{{kind: stepLoop, body: body, min: n.M, max: n.N, lazy: lazy}}
}

// lookaround returns the step of a lookahead for literal runes and
// classes, or of a lookbehind for one rune.
func lookaround(n *syntax.RegexNode) (step, bool) {
	if len(n.Children) != 1 {
		return step{}, false
	}
	c := n.Children[0]
	negated := n.T == syntax.NtNegLook
	if c.Options&syntax.RightToLeft != 0 {
		if c.T != syntax.NtOne && c.T != syntax.NtNotone && c.T != syntax.NtSet {
			return step{}, false
		}
		if negated {
			return step{kind: stepNotBehind, atom: nodeAtom(c)}, true
		}
		return step{kind: stepBehind, atom: nodeAtom(c)}, true
	}
	ahead, ok := expand(c, false, nil)
	if !ok {
		return step{}, false
	}
	for _, seq := range ahead {
		if !onlyRunes(seq) {
			return step{}, false
		}
	}
	if negated {
		return step{kind: stepNotAhead, ahead: ahead}, true
	}
	return step{kind: stepAhead, ahead: ahead}, true
}

// onlyRunes reports whether seq is single runes and nothing else.
func onlyRunes(seq []step) bool {
	for _, s := range seq {
		if s.kind != stepRunes || s.min != 1 || s.max != 1 {
			return false
		}
	}
	return true
}

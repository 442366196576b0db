package highlight

import (
	"slices"

	"github.com/dlclark/regexp2/v2/syntax"
)

// The start set rules out a rule by the first rune alone. Keyword rules
// such as (break|case|continue|...)\b start with a letter and so remain
// candidates at every identifier, where a failed attempt costs more than
// most successful ones. A prefix filter looks a few runes further: it is
// a list of paths, each the first runes a match may consume, and a rule is
// tried only if the text at the position fits one of them.

const (
	// prefixLen is the most runes a path looks at.
	prefixLen = 4
	// maxPaths caps the paths of a rule, and of every step on the way;
	// a pattern with more is analysed again with shorter paths.
	maxPaths = 128
)

// prefixPath is what the start of a match may look like.
type prefixPath struct {
	// atoms match the first runes of the match, one each.
	atoms []startAtom
	// lineStart means the match starts at the start of the text or after
	// a newline (a leading ^ in multiline mode); textStart, that it starts
	// at the start of the text.
	lineStart, textStart bool
	// open means the match may go on after atoms with anything. When it
	// is false, what the path describes ends after atoms and whatever
	// follows it in the pattern comes next.
	open bool
}

// prefixFilter is the prefix filter of a rule: a match must fit one of
// its paths. A nil filter admits every position.
type prefixFilter struct {
	paths []prefixPath
	index *runeIndex
}

// admits reports whether a match may start at pos in text.
func (f *prefixFilter) admits(text []rune, pos int) bool {
	if f == nil {
		return true
	}
	if items, ok := f.index.items(text, pos); ok {
		for _, i := range items {
			if f.paths[i].fits(text, pos) {
				return true
			}
		}
		return false
	}
	for i := range f.paths {
		if f.paths[i].fits(text, pos) {
			return true
		}
	}
	return false
}

// fits reports whether the text at pos fits the path.
func (p *prefixPath) fits(text []rune, pos int) bool {
	if pos+len(p.atoms) > len(text) {
		return false
	}
	if p.textStart && pos != 0 || p.lineStart && pos != 0 && text[pos-1] != '\n' {
		return false
	}
	for i := range p.atoms {
		if !p.atoms[i].contains(text[pos+i]) {
			return false
		}
	}
	return true
}

// treePrefix returns the prefix filter of the matches of root, or nil
// when the filter would admit everything anyway.
func treePrefix(root *syntax.RegexNode) *prefixFilter {
	for n := prefixLen; n > 0; n-- {
		a := prefixAnalysis{limit: n}
		if paths, ok := a.node(root); ok {
			return newPrefixFilter(paths)
		}
	}
	return nil
}

// newPrefixFilter returns the filter made of paths, or nil if one of them
// admits every position.
func newPrefixFilter(paths []prefixPath) *prefixFilter {
	for _, p := range paths {
		if len(p.atoms) == 0 && !p.lineStart && !p.textStart {
			return nil
		}
	}
	f := &prefixFilter{paths: paths}
	f.index = indexFirstAtoms(len(paths), func(i int) *startAtom {
		if len(paths[i].atoms) == 0 {
			return nil
		}
		return &paths[i].atoms[0]
	})
	return f
}

// prefixAnalysis computes prefix paths with at most limit atoms each.
// Every function returns ok false when there would be more than maxPaths
// paths.
type prefixAnalysis struct {
	limit int
}

// node returns the paths of the matches of n. Each match of n fits one of
// them.
func (a *prefixAnalysis) node(n *syntax.RegexNode) ([]prefixPath, bool) {
	switch {
	case n.T == syntax.NtBol:
		return []prefixPath{{lineStart: true}}, true
	case n.T == syntax.NtBeginning:
		return []prefixPath{{textStart: true}}, true
	case isZeroWidth(n.T):
		// Other anchors and lookarounds only narrow what may follow.
		return emptyPath, true
	case n.Options&syntax.RightToLeft != 0:
		// A right-to-left pattern.
		return openPath, true
	}
	switch n.T {
	case syntax.NtOne, syntax.NtNotone, syntax.NtSet:
		return []prefixPath{{atoms: []startAtom{nodeAtom(n)}}}, true
	case syntax.NtMulti:
		return a.multi(n.Str), true
	case syntax.NtOneloop, syntax.NtOnelazy, syntax.NtOneloopatomic,
		syntax.NtNotoneloop, syntax.NtNotonelazy, syntax.NtNotoneloopatomic,
		syntax.NtSetloop, syntax.NtSetlazy, syntax.NtSetloopatomic:
		return a.loop([]prefixPath{{atoms: []startAtom{nodeAtom(n)}}}, n.M, n.N)
	case syntax.NtNothing:
		return nil, true
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic:
		if len(n.Children) != 1 {
			return openPath, true
		}
		return a.node(n.Children[0])
	case syntax.NtLoop, syntax.NtLazyloop:
		if len(n.Children) != 1 {
			return openPath, true
		}
		child, ok := a.node(n.Children[0])
		if !ok {
			return nil, false
		}
		return a.loop(child, n.M, n.N)
	case syntax.NtAlternate:
		return a.alternate(n.Children)
	case syntax.NtConcatenate:
		return a.concat(n.Children)
	}
	// Backreferences, conditionals and anything unknown.
	return openPath, true
}

var (
	// emptyPath matches the empty string.
	emptyPath = []prefixPath{{}}
	// openPath matches anything.
	openPath = []prefixPath{{open: true}}
)

// nodeAtom returns the atom of a single-rune node or loop.
func nodeAtom(n *syntax.RegexNode) startAtom {
	switch {
	case n.IsOneFamily():
		return newAtom(atomOne, n.Ch, nil)
	case n.IsNotoneFamily():
		return newAtom(atomNotOne, n.Ch, nil)
	default:
		return newAtom(atomSet, 0, n.Set)
	}
}

// multi returns the path of the literal str.
func (a *prefixAnalysis) multi(str []rune) []prefixPath {
	n := min(len(str), a.limit)
	atoms := make([]startAtom, n)
	for i, r := range str[:n] {
		atoms[i] = newAtom(atomOne, r, nil)
	}
	return []prefixPath{{atoms: atoms, open: len(str) > n}}
}

// alternate returns the paths of an alternation.
func (a *prefixAnalysis) alternate(children []*syntax.RegexNode) ([]prefixPath, bool) {
	var out []prefixPath
	for _, c := range children {
		paths, ok := a.node(c)
		if !ok {
			return nil, false
		}
		if out, ok = addPaths(out, paths...); !ok {
			return nil, false
		}
	}
	return out, true
}

// concat returns the paths of a concatenation.
//
// A lookahead at the start, as in ^(?=\s|/) or (?=/), says what the
// match starts with without consuming it. Its paths are used instead of
// those of the rest of the concatenation when the rest alone would admit
// any text there.
func (a *prefixAnalysis) concat(children []*syntax.RegexNode) ([]prefixPath, bool) {
	acc := emptyPath
	for i, c := range children {
		if isLookahead(c) && allEmpty(acc) {
			return a.lookahead(acc, c.Children[0], children[i+1:])
		}
		paths, ok := a.node(c)
		if !ok {
			return nil, false
		}
		if acc, ok = a.join(acc, paths); !ok {
			return nil, false
		}
		if allOpen(acc) {
			break
		}
	}
	return acc, true
}

// lookahead returns the paths of acc followed by the lookahead of ahead
// and then by rest.
func (a *prefixAnalysis) lookahead(acc []prefixPath, ahead *syntax.RegexNode, rest []*syntax.RegexNode) ([]prefixPath, bool) {
	after, ok := a.concat(rest)
	if !ok {
		return nil, false
	}
	if !admitsAnything(after) {
		return a.join(acc, after)
	}
	paths, ok := a.node(ahead)
	if !ok {
		return nil, false
	}
	opened := make([]prefixPath, len(paths))
	for i, p := range paths {
		p.open = true
		opened[i] = p
	}
	return a.join(acc, opened)
}

// loop returns the paths of child repeated between min and max times.
func (a *prefixAnalysis) loop(child []prefixPath, minCount, maxCount int) ([]prefixPath, bool) {
	var out []prefixPath
	acc := emptyPath
	for i := 0; ; i++ {
		var closed []prefixPath
		var ok bool
		for _, p := range acc {
			if p.open {
				out, ok = addPaths(out, p)
			} else {
				closed, ok = addPaths(closed, p)
			}
			if !ok {
				return nil, false
			}
		}
		if i >= minCount {
			if out, ok = addPaths(out, closed...); !ok {
				return nil, false
			}
		}
		if i == maxCount || len(closed) == 0 {
			return out, true
		}
		if i > a.limit {
			// The child can match the empty string; stop here and let
			// anything follow.
			for _, p := range closed {
				p.open = true
				if out, ok = addPaths(out, p); !ok {
					return nil, false
				}
			}
			return out, true
		}
		if acc, ok = a.join(closed, child); !ok {
			return nil, false
		}
	}
}

// join returns the paths of heads followed by tails.
func (a *prefixAnalysis) join(heads, tails []prefixPath) ([]prefixPath, bool) {
	var out []prefixPath
	for _, h := range heads {
		if h.open {
			var ok bool
			if out, ok = addPaths(out, h); !ok {
				return nil, false
			}
			continue
		}
		for _, t := range tails {
			var ok bool
			if out, ok = addPaths(out, a.append(h, t)); !ok {
				return nil, false
			}
		}
	}
	return out, true
}

// append returns h followed by t, cut to the limit.
func (a *prefixAnalysis) append(h, t prefixPath) prefixPath {
	p := prefixPath{
		lineStart: h.lineStart || len(h.atoms) == 0 && t.lineStart,
		textStart: h.textStart || len(h.atoms) == 0 && t.textStart,
		open:      t.open,
	}
	p.atoms = append(slices.Clip(h.atoms), t.atoms...)
	if len(p.atoms) > a.limit {
		p.atoms = p.atoms[:a.limit:a.limit]
		p.open = true
	}
	return p
}

// addPaths adds paths to out, leaving out duplicates, and reports false
// when out grows beyond maxPaths.
func addPaths(out []prefixPath, paths ...prefixPath) ([]prefixPath, bool) {
	for _, p := range paths {
		if !slices.ContainsFunc(out, p.equal) {
			out = append(out, p)
		}
	}
	return out, len(out) <= maxPaths
}

// equal reports whether p and q are the same path.
func (p prefixPath) equal(q prefixPath) bool {
	return p.lineStart == q.lineStart && p.textStart == q.textStart && p.open == q.open &&
		slices.EqualFunc(p.atoms, q.atoms, func(a, b startAtom) bool {
			return a.kind == b.kind && a.ch == b.ch && a.set == b.set
		})
}

// isLookahead reports whether n is a positive lookahead.
func isLookahead(n *syntax.RegexNode) bool {
	return n.T == syntax.NtPosLook && len(n.Children) == 1 &&
		n.Children[0].Options&syntax.RightToLeft == 0
}

// allEmpty reports whether no path has atoms.
func allEmpty(paths []prefixPath) bool {
	for _, p := range paths {
		if len(p.atoms) > 0 {
			return false
		}
	}
	return true
}

// allOpen reports whether every path is open, so that nothing that
// follows can narrow them.
func allOpen(paths []prefixPath) bool {
	for _, p := range paths {
		if !p.open {
			return false
		}
	}
	return true
}

// admitsAnything reports whether some path lets any text through.
func admitsAnything(paths []prefixPath) bool {
	for _, p := range paths {
		if len(p.atoms) == 0 {
			return true
		}
	}
	return false
}

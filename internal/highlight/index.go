package highlight

import (
	"fmt"
	"unicode/utf8"
)

// minIndexed is the fewest items worth a runeIndex.
const minIndexed = 5

// runeIndex lists, for each ASCII rune, the items (rules of a state,
// paths of a prefix filter, sequences of a direct matcher) that may start
// with it, in their original order.
type runeIndex struct {
	byRune [utf8.RuneSelf]uint8
	lists  [][]int
}

// indexFirstAtoms indexes n items; first returns the atom that the i-th
// item starts with, or nil if it may start with anything. It returns nil
// for fewer than minIndexed items.
func indexFirstAtoms(n int, first func(i int) *startAtom) *runeIndex {
	if n < minIndexed {
		return nil
	}
	return newRuneIndex(n, func(i int, r rune) bool {
		a := first(i)
		return a == nil || a.contains(r)
	})
}

// newRuneIndex indexes n items; may reports whether the i-th item may
// start with r.
func newRuneIndex(n int, may func(i int, r rune) bool) *runeIndex {
	x := &runeIndex{}
	seen := map[string]uint8{}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		var list []int
		for i := range n {
			if may(i, r) {
				list = append(list, i)
			}
		}
		key := fmt.Sprint(list)
		index, ok := seen[key]
		if !ok {
			index = uint8(len(x.lists))
			seen[key] = index
			x.lists = append(x.lists, list)
		}
		x.byRune[r] = index
	}
	return x
}

// ascii returns the indices of the items that may start with the ASCII
// rune r.
func (x *runeIndex) ascii(r rune) []int {
	return x.lists[x.byRune[r]]
}

// items returns the indices of the items that may start with the rune at
// pos, and false when the index cannot tell (no index, a rune beyond
// ASCII, or the end of the text).
func (x *runeIndex) items(text []rune, pos int) ([]int, bool) {
	if x == nil || pos >= len(text) || text[pos] < 0 || text[pos] >= utf8.RuneSelf {
		return nil, false
	}
	return x.ascii(text[pos]), true
}

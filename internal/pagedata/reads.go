package pagedata

import "slices"

// Reads are the posts whose bodies (their HTML, summary or word count) one
// output read while it was made. With the rest of the site unchanged, an
// output whose posts' bodies are unchanged too comes
// out the same, so a later build can keep it without making it. A nil
// *Reads records nothing.
type Reads struct {
	posts []int
}

// Add notes that posts were read.
func (d *Reads) Add(posts ...int) {
	if d != nil {
		d.posts = append(d.posts, posts...)
	}
}

// Len is the number of reads noted so far.
func (d *Reads) Len() int {
	if d == nil {
		return 0
	}
	return len(d.posts)
}

// Since returns the posts recorded after the first n, sorted, each once.
func (d *Reads) Since(n int) []int {
	if d == nil {
		return nil
	}
	return sortedSet(d.posts[n:])
}

// List returns the posts recorded, sorted, each once.
func (d *Reads) List() []int {
	if d == nil {
		return nil
	}
	return sortedSet(d.posts)
}

// sortedSet returns the distinct values of s in order, in a slice of its
// own no longer than it needs: outputs and partials keep their lists for
// the whole build. It sorts s in place.
func sortedSet(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	n := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[i-1] {
			n++
		}
	}
	out := make([]int, 0, n)
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

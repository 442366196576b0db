//go:build race

package content

// Under the race detector, as in CI, every buffer given back is
// overwritten, so that a caller that kept part of one shows in the output
// of any whole-site test.
func init() { scribbleReleased = true }

//go:build race

package content

// scribbleReleased makes releaseRead overwrite each buffer it takes back,
// so that a caller that kept part of one shows in the output of any
// whole-site test. It is on under the race detector, as in CI.
const scribbleReleased = true

//go:build race

package markdown

// scribbleReleased makes putBuffer overwrite each buffer it takes back,
// so that tests catch a caller that kept part of one (see RenderFunc).
// It is on under the race detector, as in CI, so that such a caller shows
// in the output of any whole-site test.
const scribbleReleased = true

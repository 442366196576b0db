// Package dropin lets posts written for other generators build as their
// authors meant them. It rewrites, before Markdown sees a post:
//
//   - the Liquid tags common in Jekyll posts: {% highlight lang %} (a
//     fenced code block), {% raw %} (its text as it is), {% link path %}
//     and {% post_url name %} (the URL of that post), {{ site.baseurl }}
//     and {{ site.url }} (the site's base path);
//   - Hugo's built-in shortcodes: figure, highlight, ref and relref,
//     youtube, vimeo, x and tweet, gist. Embeds load nothing from a third
//     party: they are links to the video, post or gist (package embed),
//     which the reader follows, or plays in the page, if they want it;
//   - Zola's internal links, [text](@/path/to/post.md#anchor).
//
// Any other tag or shortcode is left as it is, visible in the page, and
// reported with its line. Fenced code blocks, lines indented as code and
// code spans are left alone, so posts that show these tags keep them.
package dropin

import (
	"bytes"
)

// Linker returns the URL of the post or page a reference names: a path
// of a content file ("2018-04-06-plans.md", "inside/notes.md",
// "_posts/2018-04-06-plans.md") or a Jekyll post name ("2018-04-06-plans").
type Linker func(ref string) (url string, ok bool)

// Problem is a tag or shortcode that was left as it is, at a line of the
// text (counted from 1).
type Problem struct {
	Line int
	Msg  string
}

// Options are what a conversion needs to know of the site.
type Options struct {
	Links Linker // nil resolves nothing
	// Base is the path of the site's base URL without its final slash,
	// "" for a site at the root of its host: what {{ site.baseurl }}
	// stands for.
	Base string
}

// MayConvert reports whether src holds anything Convert would change or
// report, cheaply, so that most posts skip Convert.
func MayConvert(src []byte) bool {
	return bytes.Contains(src, []byte("{%")) || bytes.Contains(src, []byte("{{")) || bytes.Contains(src, []byte("@/"))
}

// Convert returns src with the tags, shortcodes and links it knows
// rewritten, and the problems it found. When there is nothing to change
// it returns src itself.
func Convert(src []byte, opts Options) ([]byte, []Problem) {
	if !MayConvert(src) {
		return src, nil
	}
	c := &converter{src: src, opts: opts, line: 1}
	c.out.Grow(len(src) + 64)
	c.run()
	return c.out.Bytes(), c.problems
}

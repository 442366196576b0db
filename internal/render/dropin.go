package render

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/dropin"
	"github.com/blogen/blogen/internal/site"
)

// dropins converts what posts and pages written for other generators
// hold (package dropin) and keeps what it reported, once per file.
type dropins struct {
	links map[string]string // a reference to a post or page -> its URL
	base  string
	mu    sync.Mutex
	warn  map[string][]*diag.Error // by file
}

// newDropins indexes every post and page under the names other
// generators' links give them: the path below content/posts/ (Zola's
// @/path.md), below content/, the file name, and the file name without
// its extension (Jekyll's post_url).
func newDropins(s *site.Site) *dropins {
	d := &dropins{links: map[string]string{}, base: strings.TrimSuffix(s.RelURL("/"), "/"), warn: map[string][]*diag.Error{}}
	add := func(source, url string) {
		for _, ref := range refsOf(source) {
			if _, taken := d.links[ref]; !taken {
				d.links[ref] = url
			}
		}
	}
	for _, p := range s.Posts {
		add(p.Source, s.RelURL(p.URL))
	}
	for _, p := range s.Pages {
		add(p.Source, s.RelURL(p.URL))
	}
	return d
}

// refsOf lists the references that name a content file.
func refsOf(source string) []string {
	rel := strings.TrimPrefix(source, content.PostsDir+"/")
	name := path.Base(source)
	if name == "index.md" {
		name = path.Base(path.Dir(source)) + ".md"
	}
	return []string{source, rel, strings.TrimPrefix(source, "content/"), "_posts/" + name, name, strings.TrimSuffix(name, path.Ext(name))}
}

// lookup is the dropin.Linker of the site.
func (d *dropins) lookup(ref string) (string, bool) {
	ref = strings.TrimPrefix(strings.TrimPrefix(ref, "./"), "/")
	u, ok := d.links[ref]
	return u, ok
}

// convert converts the body of file, whose first line is line of the
// file, and notes the problems found the first time the file is
// converted.
func (d *dropins) convert(file string, line int, body []byte) []byte {
	if !dropin.MayConvert(body) {
		return body
	}
	out, problems := dropin.Convert(body, dropin.Options{Links: d.lookup, Base: d.base})
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, seen := d.warn[file]; !seen {
		msgs := make([]*diag.Error, 0, len(problems))
		for _, p := range problems {
			msgs = append(msgs, diag.Errorf(file, line+p.Line-1, "%s", p.Msg))
		}
		d.warn[file] = msgs
	}
	return out
}

// warnings returns every problem noted, by file and line.
func (d *dropins) warnings() []string {
	d.mu.Lock()
	var all []*diag.Error
	for _, msgs := range d.warn {
		all = append(all, msgs...)
	}
	d.mu.Unlock()
	slices.SortFunc(all, func(a, b *diag.Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg))
	})
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = e.Error()
	}
	return out
}

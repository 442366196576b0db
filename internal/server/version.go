package server

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"sync"
)

// version is one version of the site and the outputs rendered from it so
// far. A version never changes once served; a new one starts with an
// empty cache.
type version struct {
	id    string
	site  *Site
	cache sync.Map // output path -> *rendered
}

// rendered is one output, rendered once however many ask at the same
// time.
type rendered struct {
	once sync.Once
	data []byte
	ok   bool
	err  error
}

func newVersion(site *Site, id string) *version {
	if site.BasePath == "" {
		site.BasePath = "/"
	}
	return &version{id: id, site: site}
}

// output renders the output at p, or returns it from the cache. Outputs
// the site has not are not kept.
func (v *version) output(p string) ([]byte, bool, error) {
	e, ok := v.cache.Load(p)
	if !ok {
		e, _ = v.cache.LoadOrStore(p, &rendered{})
	}
	r := e.(*rendered)
	r.once.Do(func() { r.data, r.ok, r.err = v.site.Output(p) })
	if !r.ok && r.err == nil {
		v.cache.CompareAndDelete(p, r)
	}
	return r.data, r.ok, r.err
}

// response is what a GET of one path gets.
type response struct {
	status   int
	ctype    string
	body     []byte      // a generated output
	static   *StaticFile // or a static file
	location string      // or a redirect, from the site root
	err      error       // or an output that failed to render
}

// same reports whether two versions answer a page the same way.
func (r response) same(o response) bool {
	return r.status == o.status && r.location == o.location && bytes.Equal(r.body, o.body) &&
		(r.static == nil) == (o.static == nil) && (r.err == nil) == (o.err == nil)
}

// lookup answers the path p, from the site root ("/", "/about/",
// "/theme/style.css"): a generated output before a static file of the
// same path, as blogen build writes them.
func (v *version) lookup(p string) response {
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		return v.file(rel + "index.html")
	}
	if _, ok := v.find(rel + "/index.html"); ok {
		return response{status: 301, location: p + "/"}
	}
	return v.file(rel)
}

// file answers the output or static file out, or 404.
func (v *version) file(out string) response {
	if r, ok := v.find(out); ok {
		return r
	}
	return v.notFound()
}

func (v *version) find(out string) (response, bool) {
	data, ok, err := v.output(out)
	switch {
	case err != nil:
		return response{status: 500, err: err}, true
	case ok:
		return response{status: 200, ctype: contentType(out), body: data}, true
	}
	if f, ok := v.site.Static[out]; ok {
		return response{status: 200, ctype: contentType(out), static: &f}, true
	}
	return response{}, false
}

// notFound is the site's 404.html with status 404.
func (v *version) notFound() response {
	data, ok, err := v.output("404.html")
	if err != nil || !ok {
		return response{status: 404, ctype: contentType(".txt"), body: []byte("404 page not found\n")}
	}
	return response{status: 404, ctype: contentType("404.html"), body: data}
}

// sitePath turns a request path into a path from the site root: it
// rejects paths that try to leave the site, and strips the base path.
func (v *version) sitePath(p string) (string, bool) {
	p, ok := cleanPath(p)
	if !ok {
		return "", false
	}
	base := v.site.BasePath
	if base == "/" {
		return p, true
	}
	rest, ok := strings.CutPrefix(p, base)
	if !ok {
		return "", false
	}
	return "/" + rest, true
}

// cleanPath cleans a request path (already unescaped once), keeping a
// trailing slash. It rejects ".." segments, also when escaped once more,
// NULs and backslashes.
func cleanPath(p string) (string, bool) {
	again, err := url.PathUnescape(p)
	if err != nil {
		again = p
	}
	for _, s := range []string{p, again} {
		if strings.ContainsAny(s, "\x00\\") || !strings.HasPrefix(s, "/") {
			return "", false
		}
		for seg := range strings.SplitSeq(s, "/") {
			if seg == ".." {
				return "", false
			}
		}
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c, true
}

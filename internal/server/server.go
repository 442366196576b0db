// Package server is the HTTP handler of blogen serve.
//
// A Server serves one version of the site at a time: the outputs blogen
// build would write, rendered when first asked for and kept for as long as
// the version is served, and the static files, read when asked for. HTML
// pages carry the live-reload script (package livereload); nothing else
// differs from the built files.
//
// Publish puts a new version in place: it first renders the pages that
// browsers have open, so that a reload finds them ready and so that only the pages whose bytes changed are reloaded; then
// it swaps the version in one atomic step and only then tells the
// browsers. A version whose pages fail to render is not put in place: the
// last good one stays served, and browsers show the problems (Fail).
//
// Only the address it listens on is served: a request whose Host names
// another (a page that pointed its own name here, DNS rebinding) gets 421,
// and a POST that a page of another site sent (by its Origin or
// Sec-Fetch-Site) gets 403.
//
// Only the site is served. Request paths are cleaned, and a path with a
// ".." segment (encoded or not, once or twice), a NUL or a backslash gets
// 404; static files are opened through os.Root (RootFS), so a symbolic
// link cannot lead out of static/; there are no directory listings. A
// folder asked for without its trailing slash is redirected (301) to it;
// what the site has not is answered with its 404.html and status 404.
// Every answer has X-Content-Type-Options: nosniff and a content type
// from its extension.
//
// The server also takes what the site's comment form posts, through the
// handler of the site's comment service (Site.Comments), so the form can
// be tried locally and behaves as it will when deployed.
package server

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/livereload"
)

// Site is one version of a site, ready to serve.
type Site struct {
	// Output renders the generated file at path ("a/b/index.html"); ok is
	// false when the site has no such output (render.Renderer.Output).
	Output func(path string) (data []byte, ok bool, err error)
	// Static maps the output path of every static file to where it is
	// read from.
	Static map[string]StaticFile
	// BasePath is the path of the site's base URL, "/" or "/blog/"; the
	// site is served under it.
	BasePath string
	// CommentEndpoint is the path the comment form posts to ("/comments"),
	// or "" when comments are off or go to another host.
	CommentEndpoint string
	// Comments takes the POSTs to CommentEndpoint once the server's own
	// Host and cross-site checks have passed: the handler of blogen
	// comments serve (package intake), so that the preview takes a
	// comment exactly as the deployed site's service does. Required when
	// CommentEndpoint is set.
	Comments http.Handler
}

// StaticFile is where one static file is read from.
type StaticFile struct {
	FS   fs.FS
	Name string // path within FS
}

// Options configure a Server.
type Options struct {
	// Hub tells browsers of new versions; required.
	Hub *livereload.Hub
	// Addr is the address the server listens on, host:port as --bind and
	// the listener give it. Requests whose Host names another (DNS
	// rebinding) are refused with 421. The loopback names localhost,
	// 127.0.0.1 and [::1] are always taken; a server bound to 0.0.0.0 or ::
	// also takes any IP address. Empty allows the loopback names on any
	// port.
	Addr string
}

// Server is the preview server's http.Handler. Its methods are safe for
// concurrent use, but Publish and Fail are meant to be called from one
// goroutine, in the order builds finish.
type Server struct {
	opts  Options
	hub   *livereload.Hub
	hosts hosts
	cur   atomic.Pointer[version]
	seq   atomic.Uint64
}

// New returns a server with no site yet: until the first Publish, pages
// are answered with 503 and the problems Fail reported.
func New(opts Options) *Server {
	return &Server{opts: opts, hub: opts.Hub, hosts: newHosts(opts.Addr)}
}

// Publish puts a new version of the site in place, unless one of the
// pages browsers show fails to render, and tells the browsers what
// changed. changed names the site files that changed since the last
// version (as watch.Batch does); nil means anything may have.
func (s *Server) Publish(site *Site, changed []string) error {
	old := s.cur.Load()
	v := newVersion(site, fmt.Sprintf("%s-%d", s.hub.Start(), s.seq.Add(1)))
	c, err := s.probe(old, v)
	if err != nil {
		s.Fail(err)
		return err
	}
	s.cur.Store(v)
	s.hub.Ready(classify(c, old == nil, changed))
	return nil
}

// Fail reports a failed build: the last good version stays served, and
// browsers show err's problems until the next Publish.
func (s *Server) Fail(err error) { s.hub.Failed(Problems(err)) }

// Version returns the id of the version served, "" before the first.
func (s *Server) Version() string {
	if v := s.cur.Load(); v != nil {
		return v.id
	}
	return ""
}

// probe renders the pages browsers have open in the new version, and
// compares them with the old version.
func (s *Server) probe(old, v *version) (livereload.Change, error) {
	c := livereload.Change{Version: v.id, Checked: s.hub.Pages()}
	var errs diag.List
	for _, page := range c.Checked {
		p, ok := v.sitePath(page)
		if !ok {
			continue
		}
		res := v.lookup(p)
		if res.err != nil {
			errs.Add(res.err)
			continue
		}
		if old == nil || !res.same(old.lookup(p)) {
			c.Changed = append(c.Changed, page)
			if res.status == 200 && res.body != nil && isHTML(res.ctype) {
				if c.Pages == nil {
					c.Pages = map[string][]byte{}
				}
				c.Pages[page] = livereload.Inject(res.body, v.id)
			}
		}
	}
	return c, errs.Err()
}

// classify says how browsers should take a new version: first is the
// first version served; changed names the changed site files.
func classify(c livereload.Change, first bool, changed []string) livereload.Change {
	if first || changed == nil {
		c.All = true
		return c
	}
	css, other := staticChanges(changed)
	switch {
	case other, len(css) > 0 && len(c.Changed) > 0:
		c.All = true
	case len(css) > 0:
		c.CSS = css
	}
	return c
}

// staticChanges returns the stylesheets of static/ among the changed
// files, and whether any other file of static/ changed.
func staticChanges(changed []string) (css []string, other bool) {
	for _, p := range changed {
		rel, ok := strings.CutPrefix(p, "static/")
		switch {
		case !ok:
		case strings.HasSuffix(rel, ".css"):
			css = append(css, rel)
		default:
			other = true
		}
	}
	return css, other
}

// Problems turns a build error into the overlay's list: each error of a
// diag list with its file and line when it has them.
func Problems(err error) []livereload.Problem {
	if err == nil {
		return nil
	}
	errs := []error{err}
	var list *diag.ListError
	if errors.As(err, &list) {
		errs = list.Errs
	}
	out := make([]livereload.Problem, 0, len(errs))
	for _, e := range errs {
		var d *diag.Error
		if !errors.As(e, &d) {
			out = append(out, livereload.Problem{Message: e.Error()})
			continue
		}
		where := d.File
		if d.Line > 0 {
			where += ":" + strconv.Itoa(d.Line)
		}
		out = append(out, livereload.Problem{File: d.File, Line: d.Line, Message: strings.TrimPrefix(d.Error(), where+": ")})
	}
	return out
}

// RootFS returns the files of dir, opened through os.OpenInRoot so that
// no name, and no symbolic link, leads out of dir.
func RootFS(dir string) fs.FS { return rootFS(dir) }

type rootFS string

func (dir rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenInRoot(string(dir), name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Package livereload tells browsers showing a site that it changed, over
// Server-Sent Events.
//
// A Hub is a value: a preview server makes one and serves it at
// EventsPath. Every HTML page the server sends carries the client script
// (Inject), which opens an EventSource on the hub, naming the page it shows
// and the version of the site it was made from. The hub sends:
//
//	hello    {"start": ..., "version": ...}   on every (re)connection
//	reload   {"version": ..., "html": ...}    the page changed: update it
//	version  {"version": ...}                 the page did not change
//	css      {"version": ..., "paths": [...]} swap these stylesheets
//	error    {"problems": [{"file", "line", "message"}]}
//	ok       {}                               the problems are fixed
//
// Which of reload, version and css a browser gets for a new version is
// decided for each browser (Ready): pages the server found changed reload,
// pages it found unchanged only learn the new version, and a page that
// connected while the server was comparing, so that nothing is known of
// it, reloads unless it already shows the new version. A page also reloads
// when a hello names another version than the one it shows: a reconnection
// after the server restarted, or a change it missed while connecting. The
// version events carry the version as their id, so a browser that
// reconnects by itself tells the hub (Last-Event-ID) which version it has.
//
// A page that changed is updated in place when it can be: the script
// compares the new page with the page as it was served and changes only
// what differs, keeping the scroll position; the reload event carries the
// new page when the server rendered it while comparing (Change.Pages), so
// that the browser need not fetch it. A page whose stylesheets or scripts
// changed, or whose change touches an element a script enhanced (marked
// data-enhanced), is loaded anew instead.
//
// An error event shows an overlay with each problem as file:line:
// message; ok removes it. A new connection is told of the problems at
// once, so a page opened while the site is broken shows them too.
//
// Events are only sent after the new site is in place (Ready), never for a
// failed build.
package livereload

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"html"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"
)

// The paths the hub and its script are served at.
const (
	EventsPath = "/_blogen/events"
	ScriptPath = "/_blogen/livereload.js"
)

// keepAlive is how often an idle connection gets a comment, so proxies
// and browsers keep it open.
const keepAlive = 20 * time.Second

// clientBuffer is how many events a slow browser may be behind before it
// is dropped (it reconnects and reloads).
const clientBuffer = 16

//go:embed livereload.js
var script []byte

// Script returns the client script.
func Script() []byte { return slices.Clone(script) }

// ServeScript serves the client script.
func ServeScript(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(script)))
	if r.Method != http.MethodHead {
		w.Write(script)
	}
}

// Problem is one error of a failed build, as the overlay shows it.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Change is a new version of the site, in place and ready to serve.
type Change struct {
	// Version names the new version; pages carry the version they were
	// made from.
	Version string
	// Checked are the open pages (as they connected, "/2013/06/post/")
	// whose answers in the old and the new version were compared, and
	// Changed those of them that differ.
	Checked, Changed []string
	// All reloads every page.
	All bool
	// CSS are the paths of stylesheets that changed ("theme/style.css"),
	// when they are all that changed.
	CSS []string
	// Pages holds the new HTML of changed pages that answer with HTML, as
	// a browser would fetch it, by page; a browser showing one is sent it
	// with the reload event.
	Pages map[string][]byte
}

// message returns the event that tells a browser showing page, made from
// version, of the change.
func (c Change) message(page, version string, reload, keep, css []byte) []byte {
	switch {
	case c.All || slices.Contains(c.Changed, page):
		return reload
	case len(c.CSS) > 0:
		return css
	case slices.Contains(c.Checked, page) || version == c.Version:
		return keep
	}
	return reload
}

// Hub sends events to every connected browser. Its methods are safe for
// concurrent use. The zero value is not ready; use NewHub.
type Hub struct {
	start string

	mu       sync.Mutex
	version  string
	problems []Problem
	clients  map[*client]bool
	closed   bool
	done     chan struct{}
}

// client is one open EventSource.
type client struct {
	page    string
	version string // the version its page shows, as far as the hub knows
	ch      chan []byte
	dropped bool
}

// NewHub returns a hub with no version yet. start names this run of the
// server, so that browsers know when it restarted.
func NewHub(start string) *Hub {
	return &Hub{start: start, clients: map[*client]bool{}, done: make(chan struct{})}
}

// Start returns the name of this run of the server.
func (h *Hub) Start() string { return h.start }

// Version returns the version of the site last made ready.
func (h *Hub) Version() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.version
}

// Problems returns the problems of the last failed build, nil after a
// successful one.
func (h *Hub) Problems() []Problem {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.problems)
}

// Pages returns the distinct pages connected browsers show, sorted.
func (h *Hub) Pages() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for c := range h.clients {
		out = append(out, c.page)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Ready records a new version of the site, now in place, and tells the
// browsers: ok when the last build had failed, then reload, version or
// css, as each browser needs.
func (h *Hub) Ready(c Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.version = c.Version
	if h.problems != nil {
		h.problems = nil
		h.broadcast(event("ok", "", struct{}{}))
	}
	reload := event("reload", c.Version, versionData{Version: c.Version})
	keep := event("version", c.Version, versionData{Version: c.Version})
	css := event("css", c.Version, cssData{Version: c.Version, Paths: nonNil(c.CSS)})
	withPage := map[string][]byte{}
	for cl := range h.clients {
		msg := c.message(cl.page, cl.version, reload, keep, css)
		if html, ok := c.Pages[cl.page]; ok && !c.All && bytes.Equal(msg, reload) {
			if withPage[cl.page] == nil {
				withPage[cl.page] = event("reload", c.Version, versionData{Version: c.Version, HTML: string(html)})
			}
			msg = withPage[cl.page]
		}
		cl.version = c.Version
		h.send(cl, msg)
	}
}

// Failed records a failed build and shows its problems in every browser.
func (h *Hub) Failed(problems []Problem) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.problems = nonNil(problems)
	h.broadcast(event("error", "", errorData{Problems: h.problems}))
}

// Close ends every connection; ServeHTTP returns at once from then on.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

type helloData struct {
	Start   string `json:"start"`
	Version string `json:"version"`
}

type versionData struct {
	Version string `json:"version"`
	HTML    string `json:"html,omitempty"`
}

type cssData struct {
	Version string   `json:"version"`
	Paths   []string `json:"paths"`
}

type errorData struct {
	Problems []Problem `json:"problems"`
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// event formats one Server-Sent Event, with an id unless id is empty.
func event(name, id string, data any) []byte {
	b, _ := json.Marshal(data) // plain structs of strings: cannot fail
	msg := "event: " + name + "\n"
	if id != "" {
		msg += "id: " + id + "\n"
	}
	return []byte(msg + "data: " + string(b) + "\n\n")
}

// broadcast queues msg for every client; h.mu is held. A client that is
// too far behind is dropped.
func (h *Hub) broadcast(msg []byte) {
	for c := range h.clients {
		h.send(c, msg)
	}
}

func (h *Hub) send(c *client, msg []byte) {
	select {
	case c.ch <- msg:
	default:
		delete(h.clients, c)
		c.dropped = true
		close(c.ch)
	}
}

// register adds a client and queues its greeting; false once the hub is
// closed.
func (h *Hub) register(page, version string) (*client, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c := &client{page: page, version: version, ch: make(chan []byte, clientBuffer)}
	h.clients[c] = true
	h.send(c, event("hello", "", helloData{Start: h.start, Version: h.version}))
	if h.problems != nil {
		h.send(c, event("error", "", errorData{Problems: h.problems}))
	}
	return c, true
}

func (h *Hub) unregister(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !c.dropped {
		delete(h.clients, c)
	}
}

// ServeHTTP serves the event stream of one browser. The query names the
// page it shows and its version (page=/a/b/&v=...); the Last-Event-ID of
// a reconnection names a later version. It returns when the browser goes
// away or the hub is closed.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	version := cmp.Or(r.Header.Get("Last-Event-ID"), q.Get("v"))
	c, ok := h.register(q.Get("page"), version)
	if !ok {
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer h.unregister(c)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)
	if !write(w, rc, []byte("retry: 250\n\n")) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case msg, open := <-c.ch:
			if !open || !write(w, rc, msg) {
				return
			}
		case <-tick.C:
			if !write(w, rc, []byte(": keep-alive\n\n")) {
				return
			}
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		}
	}
}

func write(w http.ResponseWriter, rc *http.ResponseController, msg []byte) bool {
	if _, err := w.Write(msg); err != nil {
		return false
	}
	return rc.Flush() == nil
}

// Tag returns the script element Inject adds, for a page of version. It
// is deferred, and placed first in the head, so that it runs when the
// page is parsed and before any other script can change it: it keeps a
// copy of the page as served, to tell later what an edit changed.
func Tag(version string) []byte {
	return []byte(`<script src="` + ScriptPath + `" data-version="` + html.EscapeString(version) + `" defer></script>`)
}

// Inject adds the client script to an HTML page: right after its <head>
// tag or, when it has none, before its last </body> or, when it has none
// either (a template may leave both out), at its end.
func Inject(page []byte, version string) []byte {
	tag := Tag(version)
	out := make([]byte, 0, len(page)+len(tag))
	i := afterHeadTag(page)
	if i < 0 {
		i = lastIndexFold(page, []byte("</body>"))
	}
	if i < 0 {
		return append(append(out, page...), tag...)
	}
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// afterHeadTag returns the index just after the page's <head> start tag
// (any case, with or without attributes), or -1. Only the part of the
// page before its first <body is searched.
func afterHeadTag(page []byte) int {
	top := page
	if b := indexFold(page, []byte("<body")); b >= 0 {
		top = page[:b]
	}
	for from := 0; ; {
		i := indexFold(top[from:], []byte("<head"))
		if i < 0 {
			return -1
		}
		i += from + len("<head")
		if i < len(top) && (top[i] == '>' || top[i] == ' ' || top[i] == '\t' || top[i] == '\n' || top[i] == '\r') {
			end := bytes.IndexByte(top[i:], '>')
			if end < 0 {
				return -1
			}
			return i + end + 1
		}
		from = i
	}
}

// indexFold is bytes.Index without regard to ASCII case.
func indexFold(s, sep []byte) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// lastIndexFold is bytes.LastIndex without regard to ASCII case.
func lastIndexFold(s, sep []byte) int {
	end := len(s)
	for {
		i := bytes.LastIndexByte(s[:end], sep[0])
		if i < 0 {
			return -1
		}
		if i+len(sep) <= len(s) && bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
		end = i
	}
}

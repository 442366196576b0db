package server

import (
	"html"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/livereload"
)

// ServeHTTP serves the site, the live-reload events and script, and the
// comment endpoint.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if !s.hosts.allows(r.Host) {
		s.hosts.misdirected(w, r)
		return
	}
	if why := crossSite(r); why != "" && r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "blogen serve refused this request: "+why+". Send it from the preview's own pages.", http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case livereload.EventsPath:
		s.hub.ServeHTTP(w, r)
		return
	case livereload.ScriptPath:
		livereload.ServeScript(w, r)
		return
	}
	v := s.cur.Load()
	switch {
	case r.Method == http.MethodPost && v != nil && v.site.Comments != nil && r.URL.Path == v.site.CommentEndpoint:
		v.site.Comments.ServeHTTP(w, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	case v == nil:
		s.writeProblems(w, r)
	default:
		s.serveSite(w, r, v)
	}
}

// serveSite answers a GET or HEAD of the site.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, v *version) {
	if r.URL.Path+"/" == v.site.BasePath {
		redirect(w, r, v.site.BasePath)
		return
	}
	p, ok := v.sitePath(r.URL.Path)
	if !ok {
		v.write(w, r, v.notFound())
		return
	}
	v.write(w, r, v.lookup(p))
}

// write sends a response.
func (v *version) write(w http.ResponseWriter, r *http.Request, res response) {
	switch {
	case res.location != "":
		redirect(w, r, strings.TrimSuffix(v.site.BasePath, "/")+res.location)
	case res.err != nil:
		page := errorPage("The page does not render", Problems(res.err))
		writeBody(w, r, http.StatusInternalServerError, contentType(".html"), livereload.Inject(page, v.id))
	case res.static != nil:
		v.writeStatic(w, r, res)
	default:
		body := res.body
		if isHTML(res.ctype) {
			body = livereload.Inject(body, v.id)
		}
		writeBody(w, r, res.status, res.ctype, body)
	}
}

// redirect sends a 301 to target, keeping the query.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

func writeBody(w http.ResponseWriter, r *http.Request, status int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// writeStatic sends a static file, read now. A file that cannot be opened
// (gone, a folder, a link out of static/) is not found.
func (v *version) writeStatic(w http.ResponseWriter, r *http.Request, res response) {
	f, err := res.static.FS.Open(res.static.Name)
	if err != nil {
		v.write(w, r, v.notFound())
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		v.write(w, r, v.notFound())
		return
	}
	rs, seekable := f.(io.ReadSeeker)
	if !isHTML(res.ctype) && seekable {
		w.Header().Set("Content-Type", res.ctype)
		http.ServeContent(w, r, info.Name(), time.Time{}, rs)
		return
	}
	body, err := io.ReadAll(f)
	if err != nil {
		v.write(w, r, v.notFound())
		return
	}
	if isHTML(res.ctype) {
		body = livereload.Inject(body, v.id)
	}
	writeBody(w, r, res.status, res.ctype, body)
}

// writeProblems answers while no version of the site has built yet.
func (s *Server) writeProblems(w http.ResponseWriter, r *http.Request) {
	page := errorPage("The site does not build", s.hub.Problems())
	writeBody(w, r, http.StatusServiceUnavailable, contentType(".html"), livereload.Inject(page, s.hub.Version()))
}

// errorPage is a plain page listing problems.
func errorPage(title string, problems []livereload.Problem) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title>\n</head>\n<body>\n<h1>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</h1>\n<ul>\n")
	for _, p := range problems {
		where := p.File
		if p.Line > 0 {
			where += ":" + strconv.Itoa(p.Line)
		}
		if where != "" {
			where += ": "
		}
		b.WriteString("<li>" + html.EscapeString(where+p.Message) + "</li>\n")
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	return []byte(b.String())
}

// contentType is the type a file is served with, by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".xml", ".xsl":
		return "application/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".webmanifest":
		return "application/manifest+json"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func isHTML(ctype string) bool { return strings.HasPrefix(ctype, "text/html") }

package intake

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/blogen/blogen/internal/comments"
)

// jsonAnswer is the body of an answer to the theme's script.
type jsonAnswer struct {
	Status  string             `json:"status"`
	ID      string             `json:"id,omitempty"`
	Message string             `json:"message"`
	Reasons []comments.Finding `json:"reasons,omitempty"`
	HTML    string             `json:"html,omitempty"`
}

// answer tells the reader how it went: JSON when the request accepts it;
// else, for a kept comment, 303 back to the post, whose page shows the
// notice (#comment-pending, #comment-approved); else a short page with the
// reasons and the reader's text, so that nothing is lost.
func (s *Service) answer(w http.ResponseWriter, r *http.Request, o outcome) {
	if o.wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(o.wait.Seconds()+0.999)))
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		body, _ := json.Marshal(jsonAnswer{Status: o.state, ID: o.id, Message: o.message, Reasons: o.reasons, HTML: o.html})
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(o.status)
		w.Write(body)
		return
	}
	if o.status == http.StatusAccepted && o.back != "" {
		http.Redirect(w, r, o.back+"#comment-"+o.state, http.StatusSeeOther)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.WriteHeader(o.status)
	_ = page.Execute(w, pageData{Message: o.message, Reasons: o.reasons, Text: o.text, Back: o.back})
}

// pageData is what page shows.
type pageData struct {
	Message string
	Reasons []comments.Finding
	Text    string
	Back    string
}

// page is the answer to a plain form post that was not kept.
var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your comment</title>
</head>
<body>
<h1>Your comment was not sent</h1>
<p>{{.Message}}</p>
{{- with .Reasons}}
<ul>
{{- range .}}
<li>{{.Message}} ({{.Rule}})</li>
{{- end}}
</ul>
{{- end}}
{{- with .Text}}
<p>Your text, to copy and send again:</p>
<textarea rows="12" cols="80" readonly>{{.}}</textarea>
{{- end}}
{{- with .Back}}
<p><a href="{{.}}#respond">Back to the post</a></p>
{{- end}}
</body>
</html>
`))

// health answers /healthz: whether the site is loaded, and what the
// Health option adds (such as the git backlog).
func (s *Service) health(w http.ResponseWriter, _ *http.Request) {
	out := map[string]any{"status": "ok"}
	if s.catalog.Load() == nil {
		out["status"] = "loading"
	}
	if s.opts.Health != nil {
		for k, v := range s.opts.Health() {
			out[k] = v
		}
	}
	status := http.StatusOK
	if out["status"] != "ok" {
		status = http.StatusServiceUnavailable
	}
	body, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

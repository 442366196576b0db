package server

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"mime"
	"net/http"
	"net/mail"
	"net/url"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/moderation"
)

// The limits of the comment form, as the theme's form states them.
const (
	maxForm    = 64 << 10
	maxName    = 100
	maxEmail   = 200
	maxWebsite = 300
	maxComment = 10000
)

// thankYou is the answer to a comment taken.
const thankYou = "Thank you. Your comment is awaiting moderation."

// postComment takes what the comment form posts: it checks the form and
// writes the comment, pending moderation, into content/comments/. It
// answers JSON to the theme's script, and a redirect back to the post to
// a plain form post. The e-mail address is never stored, only the SHA-256
// of its trimmed, lower-cased form.
func (s *Server) postComment(w http.ResponseWriter, r *http.Request, v *version) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := parseForm(r); err != nil {
		answer(w, r, http.StatusBadRequest, "The comment could not be read: "+err.Error(), "")
		return
	}
	c, post, problem := readComment(r.PostForm, v.site)
	if problem != "" {
		answer(w, r, http.StatusBadRequest, problem, "")
		return
	}
	if reasons := rejected(v.site.Policy, c.Body); reasons != "" {
		answer(w, r, http.StatusUnprocessableEntity, "The comment does not meet the comment policy: "+reasons, "")
		return
	}
	if _, err := moderation.WriteComment(s.opts.SiteDir, c); err != nil {
		answer(w, r, http.StatusInternalServerError, "The comment could not be saved: "+err.Error(), "")
		return
	}
	answer(w, r, http.StatusOK, thankYou, strings.TrimSuffix(v.site.BasePath, "/")+post.URL+"?comment=pending#comments")
}

// rejected returns why the policy rejects a comment body, or "" when it
// would publish it or hold it for a moderator (both are kept, pending).
func rejected(policy *comments.Linter, body []byte) string {
	if policy == nil {
		return ""
	}
	res := policy.Lint(body)
	if res.Verdict != comments.Reject {
		return ""
	}
	var msgs []string
	for _, f := range res.Findings {
		if f.Verdict == comments.Reject {
			msgs = append(msgs, f.Message)
		}
	}
	return strings.Join(msgs, "; ") + "."
}

// parseForm reads a URL-encoded or multipart form (fetch with FormData
// sends the latter).
func parseForm(r *http.Request) error {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return r.ParseForm()
	}
	if err := r.ParseMultipartForm(maxForm); err != nil {
		return err
	}
	return r.MultipartForm.RemoveAll()
}

// formFields are the text fields of the comment form and their limits,
// in the order they are checked.
var formFields = []struct {
	key   string
	field comments.Field
}{
	{"post", comments.Field{Label: "post", Max: maxName}},
	{"name", comments.Field{Label: "name", Max: maxName}},
	{"email", comments.Field{Label: "e-mail address", Max: maxEmail}},
	{"website", comments.Field{Label: "website", Max: maxWebsite}},
	{"comment", comments.Field{Label: "comment", Max: maxComment, Multiline: true}},
	{"parent", comments.Field{Label: "reply", Max: maxName}},
}

// readComment checks a posted form against the site; problem, when not
// empty, tells the commenter what to change.
func readComment(f url.Values, site *Site) (c moderation.NewComment, post Post, problem string) {
	if f.Get("homepage") != "" {
		return c, post, "The comment was taken for spam: leave the last field empty."
	}
	v, problem := readFields(f)
	if problem != "" {
		return c, post, problem
	}
	post, ok := site.Posts[v["post"]]
	switch {
	case !ok:
		return c, post, "There is no such post to comment on."
	case !post.Open:
		return c, post, "Comments on this post are closed."
	}
	c = moderation.NewComment{Post: v["post"], Author: v["name"], AuthorURL: v["website"], Parent: v["parent"], Body: []byte(v["comment"])}
	email := strings.ToLower(v["email"])
	problem = cmp.Or(checkName(c.Author), checkEmail(email), checkWebsite(c.AuthorURL),
		checkBody(string(c.Body)), checkParent(c.Parent, post))
	sum := sha256.Sum256([]byte(email))
	c.EmailHash = hex.EncodeToString(sum[:])
	return c, post, problem
}

// readFields returns the form's text fields, trimmed and with CR LF made
// LF, or the first problem of one (comments.ValidateField).
func readFields(f url.Values) (map[string]string, string) {
	v := make(map[string]string, len(formFields))
	for _, ff := range formFields {
		s := strings.TrimSpace(comments.NormalizeNewlines(f.Get(ff.key)))
		if err := comments.ValidateField(ff.field, s); err != nil {
			return nil, err.Error()
		}
		v[ff.key] = s
	}
	return v, ""
}

func checkName(name string) string {
	if name == "" {
		return "Please give your name."
	}
	return ""
}

func checkEmail(email string) string {
	a, err := mail.ParseAddress(email)
	if email == "" || len(email) > maxEmail || err != nil || a.Name != "" || !strings.EqualFold(a.Address, email) {
		return "Please give a valid e-mail address; it is never published."
	}
	return ""
}

func checkWebsite(site string) string {
	if site == "" {
		return ""
	}
	u, err := url.Parse(site)
	if err != nil || len(site) > maxWebsite || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "Please give your website as an http:// or https:// address, or leave it empty."
	}
	return ""
}

func checkBody(body string) string {
	if body == "" {
		return "Please write a comment."
	}
	return ""
}

func checkParent(parent string, post Post) string {
	if parent != "" && !slices.Contains(post.Comments, parent) {
		return "The comment you reply to is not on this post."
	}
	return ""
}

// answer tells the commenter how it went: JSON when the request asks for
// it, else a redirect back to the post (or, on a problem, a short page).
func answer(w http.ResponseWriter, r *http.Request, status int, msg, back string) {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		body, _ := json.Marshal(map[string]string{"message": msg})
		writeBody(w, r, status, "application/json", body)
		return
	}
	if status == http.StatusOK && back != "" {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	page := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Comment</title>\n</head>\n<body>\n<p>" +
		html.EscapeString(msg) + "</p>\n<p>Go back to change your comment and send it again.</p>\n</body>\n</html>\n"
	writeBody(w, r, status, contentType(".html"), []byte(page))
}

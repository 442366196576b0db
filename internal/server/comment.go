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
	"unicode"
	"unicode/utf8"

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

// readComment checks a posted form against the site; problem, when not
// empty, tells the commenter what to change.
func readComment(f url.Values, site *Site) (c moderation.NewComment, post Post, problem string) {
	if f.Get("homepage") != "" {
		return c, post, "The comment was taken for spam: leave the last field empty."
	}
	slug := f.Get("post")
	post, ok := site.Posts[slug]
	switch {
	case !ok:
		return c, post, "There is no such post to comment on."
	case !post.Open:
		return c, post, "Comments on this post are closed."
	}
	c = moderation.NewComment{Post: slug, Author: strings.TrimSpace(f.Get("name")),
		AuthorURL: strings.TrimSpace(f.Get("website")), Parent: strings.TrimSpace(f.Get("parent")),
		Body: []byte(strings.ReplaceAll(strings.TrimSpace(f.Get("comment")), "\r\n", "\n"))}
	email := strings.ToLower(strings.TrimSpace(f.Get("email")))
	problem = cmp.Or(checkName(c.Author), checkEmail(email), checkWebsite(c.AuthorURL),
		checkBody(string(c.Body)), checkParent(c.Parent, post))
	sum := sha256.Sum256([]byte(email))
	c.EmailHash = hex.EncodeToString(sum[:])
	return c, post, problem
}

func checkName(name string) string {
	switch {
	case name == "":
		return "Please give your name."
	case utf8.RuneCountInString(name) > maxName || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "Please give your name as one line of at most 100 characters."
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
	switch {
	case body == "":
		return "Please write a comment."
	case !utf8.ValidString(body) || utf8.RuneCountInString(body) > maxComment:
		return "Please keep the comment under 10,000 characters of text."
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

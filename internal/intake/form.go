package intake

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/content"
)

// The limits of a request, in bytes.
const (
	maxBody   = 64 << 10
	maxFields = 16
)

// honeypot is the name of the form field people never see and bots fill.
const honeypot = "homepage"

// fields are the form fields the intake reads, as comments.ValidateField
// checks them: their names in messages and their limits in characters.
// The theme's form states the same maxlength.
var fields = map[string]comments.Field{
	"post":    {Label: "post", Max: 200},
	"name":    {Label: "name", Max: 100},
	"email":   {Label: "e-mail address", Max: 200},
	"website": {Label: "website", Max: 300},
	"comment": {Label: "comment", Max: 10000, Multiline: true},
	"parent":  {Label: "reply", Max: 100},
	"key":     {Label: "key", Max: 64},
	"issued":  {Label: "time", Max: 20},
	honeypot:  {Label: "last field", Max: 100},
}

// Form is a comment as the form sends it, checked field by field but not
// yet against the site.
type Form struct {
	Post    string // the slug of the post
	Name    string
	Email   string // trimmed and lower-cased; never stored
	Website string // "" or an http(s) URL
	Comment string // the Markdown, with \n line ends
	Parent  string // the id of the comment it replies to, or ""
	Key     string // the idempotency key the theme's script sends, or ""
	Issued  string // when the form was shown, in Unix milliseconds, or ""
	Trap    bool   // the honeypot field is filled
}

// badInput is a problem with what the reader sent; its message says what
// to change.
type badInput struct{ msg string }

func (e *badInput) Error() string { return e.msg }

func bad(format string, args ...any) error { return &badInput{fmt.Sprintf(format, args...)} }

// readerMessage returns the sentence that tells the reader what is wrong
// with what they sent, when err is such a problem.
func readerMessage(err error) (string, bool) {
	var b *badInput
	var f *comments.FieldError
	switch {
	case errors.As(err, &b):
		return capitalize(b.msg) + ".", true
	case errors.As(err, &f):
		return f.Error(), true
	}
	return "", false
}

// ParseForm reads an application/x-www-form-urlencoded body. It accepts
// at most maxFields fields, each once; unknown fields are ignored. Each
// value has its line ends normalised and its ends trimmed, then must pass
// comments.ValidateField: valid UTF-8 without control characters (but
// newlines and tabs in the comment) or bidirectional controls, within its
// limit.
func ParseForm(body string) (Form, error) {
	vals, err := formValues(body)
	if err != nil {
		return Form{}, err
	}
	f := Form{
		Post: vals["post"], Name: vals["name"], Email: strings.ToLower(vals["email"]), Website: vals["website"],
		Comment: vals["comment"], Parent: vals["parent"], Key: vals["key"], Issued: vals["issued"], Trap: vals[honeypot] != "",
	}
	return f, f.check()
}

// formValues decodes the fields the intake reads and checks each.
func formValues(body string) (map[string]string, error) {
	vals := map[string]string{}
	n := 0
	for pair := range strings.SplitSeq(body, "&") {
		if pair == "" {
			continue
		}
		if n++; n > maxFields {
			return nil, bad("the form has more than %d fields", maxFields)
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return nil, bad("the form is not URL-encoded")
		}
		field, known := fields[key]
		if !known {
			continue
		}
		if _, dup := vals[key]; dup {
			return nil, bad("the field %s is sent twice", key)
		}
		val = trimSpace(comments.NormalizeNewlines(val))
		if err := comments.ValidateField(field, val); err != nil {
			return nil, err
		}
		vals[key] = val
	}
	return vals, nil
}

// trimSpace trims the white space around a value, but not a control
// character: ValidateField refuses that, rather than it being dropped
// unseen.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && (r == '\n' || r == '\t' || !unicode.IsControl(r))
	})
}

// check checks the fields that must be there and their forms.
func (f Form) check() error {
	switch {
	case f.Post == "":
		return bad("the form names no post")
	case !validThread(f.Post):
		return bad("there is no such post to comment on")
	case f.Parent != "" && !validSlug(f.Parent):
		return bad("the comment you reply to is not on this post")
	case f.Name == "":
		return bad("please give your name")
	case strings.ContainsAny(f.Name, "<>"):
		return bad("please give your name without < or >")
	case f.Comment == "":
		return bad("please write a comment")
	case f.Key != "" && !validKey(f.Key):
		return bad("the form's key is not valid")
	}
	if err := checkEmail(f.Email); err != nil {
		return err
	}
	return checkWebsite(f.Website)
}

// validThread reports whether s can name a post, or a page as "pages/"
// and its slug (content.Comment.Thread).
func validThread(s string) bool {
	if page, ok := content.PageOfThread(s); ok {
		s = page
	}
	return validSlug(s)
}

// validSlug reports whether s can name a post or a comment: letters,
// digits, "-", "_" and ".", not starting with a dot.
func validSlug(s string) bool {
	if s == "" || s[0] == '.' || s[0] == '_' {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return !strings.Contains(s, "..")
}

// validKey reports whether an idempotency key is 8 to 64 letters, digits
// and dashes.
func validKey(s string) bool {
	if len(s) < 8 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func checkEmail(email string) error {
	a, err := mail.ParseAddress(email)
	if email == "" || err != nil || a.Name != "" || a.Address != email || strings.ContainsAny(email, "<>\"' ") {
		return bad("please give a valid e-mail address; it is never published")
	}
	return nil
}

// checkWebsite accepts "" or an http(s) URL with a host and no user
// information. The intake never fetches it.
func checkWebsite(site string) error {
	if site == "" {
		return nil
	}
	u, err := url.Parse(site)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		strings.ContainsAny(site, "<>\"' `\\") {
		return bad("please give your website as an http:// or https:// address, or leave it empty")
	}
	return nil
}

package intake

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The limits of a request and of each field, in bytes for the body and in
// characters for the fields. The theme's form states the same maxlength.
const (
	maxBody   = 64 << 10
	maxFields = 16
	maxName   = 100
	maxEmail  = 200
	maxURL    = 300
	maxText   = 10000
	maxPost   = 200
	maxParent = 100
	maxKey    = 64
	maxIssued = 20
)

// honeypot is the name of the form field people never see and bots fill.
const honeypot = "homepage"

// fields are the form fields the intake reads, with their limits.
var fieldLimits = map[string]int{
	"post": maxPost, "name": maxName, "email": maxEmail, "website": maxURL,
	"comment": maxText, "parent": maxParent, "key": maxKey, "issued": maxIssued, honeypot: maxName,
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

// isBadInput reports whether err is a problem of the reader's input, and
// returns its message.
func isBadInput(err error) (string, bool) {
	var b *badInput
	if errors.As(err, &b) {
		return b.msg, true
	}
	return "", false
}

// ParseForm reads an application/x-www-form-urlencoded body. It accepts
// at most maxFields fields, each once; unknown fields are ignored; every
// value must be valid UTF-8 without control characters (but line breaks
// and tabs in the comment) or bidirectional overrides, and within its
// limit.
func ParseForm(body string) (Form, error) {
	var f Form
	vals := map[string]string{}
	n := 0
	for pair := range strings.SplitSeq(body, "&") {
		if pair == "" {
			continue
		}
		if n++; n > maxFields {
			return f, bad("the form has more than %d fields", maxFields)
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return f, bad("the form is not URL-encoded")
		}
		limit, known := fieldLimits[key]
		if !known {
			continue
		}
		if _, dup := vals[key]; dup {
			return f, bad("the field %s is sent twice", key)
		}
		if err := checkText(key, val, limit); err != nil {
			return f, err
		}
		vals[key] = val
	}
	f = Form{
		Post: vals["post"], Name: strings.TrimSpace(vals["name"]),
		Email:   strings.ToLower(strings.TrimSpace(vals["email"])),
		Website: strings.TrimSpace(vals["website"]),
		Comment: strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(vals["comment"], "\r\n", "\n"), "\r", "\n")),
		Parent:  vals["parent"], Key: vals["key"], Issued: vals["issued"], Trap: vals[honeypot] != "",
	}
	return f, f.check()
}

// checkText checks one value: UTF-8, within limit characters, no control
// characters but line breaks and tabs in the comment, no bidi controls.
func checkText(key, val string, limit int) error {
	if !utf8.ValidString(val) {
		return bad("the field %s is not valid UTF-8 text", key)
	}
	if utf8.RuneCountInString(val) > limit {
		return bad("the field %s is longer than %d characters", key, limit)
	}
	for _, r := range val {
		switch {
		case (r == '\n' || r == '\r' || r == '\t') && key == "comment":
		case unicode.IsControl(r):
			return bad("the field %s holds a control character (U+%04X)", key, r)
		case isBidiControl(r):
			return bad("the field %s holds a bidirectional text control (U+%04X)", key, r)
		}
	}
	return nil
}

// isBidiControl reports whether r overrides or isolates the direction of
// text, which can make a name or a link read as something else.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u061C' ||
		r == '\u200E' || r == '\u200F'
}

// check checks the fields that must be there and their forms.
func (f Form) check() error {
	switch {
	case f.Post == "":
		return bad("the form names no post")
	case !validSlug(f.Post):
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

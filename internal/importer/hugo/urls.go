package hugo

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// vars are the values a page's URL is made of.
type vars struct {
	date     time.Time
	title    string // the title as written
	slug     string // slug: as written, or ""
	filename string // the file name without extension, or the bundle's folder
	sections []string
}

// token matches a placeholder of a Hugo permalink pattern.
var token = regexp.MustCompile(`:([a-z]+)`)

// expand fills a permalink pattern as Hugo does; an unknown placeholder
// is left as it is. The result is lower-cased unless keepCase.
func expand(pattern string, v vars, keepCase bool) string {
	u := token.ReplaceAllStringFunc(pattern, func(m string) string {
		if s, ok := v.value(m[1:]); ok {
			return s
		}
		return m
	})
	return finish(u, keepCase)
}

// value is the value of one placeholder.
func (v vars) value(name string) (string, bool) {
	d := v.date
	switch name {
	case "year":
		return fmt.Sprintf("%04d", d.Year()), true
	case "month":
		return fmt.Sprintf("%02d", int(d.Month())), true
	case "monthname":
		return strings.ToLower(d.Month().String()), true
	case "day":
		return fmt.Sprintf("%02d", d.Day()), true
	case "weekday":
		return fmt.Sprint(int(d.Weekday())), true
	case "weekdayname":
		return strings.ToLower(d.Weekday().String()), true
	case "yearday":
		return fmt.Sprint(d.YearDay()), true
	case "section":
		return first(v.sections), true
	case "sections":
		return strings.Join(v.sections, "/"), true
	case "title":
		return urlize(v.title), true
	case "slug":
		return urlize(or(v.slug, v.title)), true
	case "filename", "contentbasename":
		return urlize(v.filename), true
	case "slugorfilename", "slugorcontentbasename":
		return urlize(or(v.slug, v.filename)), true
	}
	return "", false
}

// defaultURL is a page's URL without a pattern: its sections, then its
// slug or file name.
func defaultURL(v vars, keepCase bool) string {
	return finish("/"+strings.Join(v.sections, "/")+"/"+urlize(or(v.slug, v.filename))+"/", keepCase)
}

// finish cleans a URL path, keeping a trailing slash, and lower-cases it
// as Hugo does unless disablePathToLower is set.
func finish(u string, keepCase bool) string {
	dir := strings.HasSuffix(u, "/")
	u = path.Clean("/" + u)
	if dir && u != "/" {
		u += "/"
	}
	if !keepCase {
		u = strings.ToLower(u)
	}
	return u
}

// urlize makes a path segment as Hugo does: spaces become hyphens, and
// only letters, digits and . _ - ~ + are kept.
func urlize(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.M, r), strings.ContainsRune("._-~+", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lastTokens are the placeholders that make a URL's last segment.
var lastTokens = map[string]bool{"title": true, "slug": true, "filename": true, "contentbasename": true, "slugorfilename": true, "slugorcontentbasename": true}

// translate returns the blogen pattern for a Hugo pattern of the posts'
// section, or "" when it has no blogen equivalent. The post's slug is
// written as Hugo made it, so each placeholder of the last segment becomes
// :slug; the section, the same for every post, is written out.
func translate(pattern, section string) string {
	ok, last := true, 0
	out := token.ReplaceAllStringFunc(pattern, func(m string) string {
		name := m[1:]
		switch {
		case lastTokens[name]:
			last++
			return ":slug"
		case name == "year" || name == "month" || name == "day":
			return m
		case name == "section":
			return section
		case name == "sections":
			return path.Join(section, ":section")
		}
		ok = false
		return m
	})
	if !ok || last != 1 {
		return ""
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

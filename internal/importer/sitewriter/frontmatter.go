package sitewriter

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Time is a date written into front matter. The zero Time is left out.
type Time struct {
	T time.Time
	// DateOnly writes 2013-06-10 instead of a full RFC 3339 time.
	DateOnly bool
}

// At returns a full RFC 3339 Time.
func At(t time.Time) Time { return Time{T: t} }

// Day returns a Time written as a calendar date.
func Day(t time.Time) Time { return Time{T: t, DateOnly: true} }

// IsZero reports whether the time is unset, so that omitempty leaves it out.
func (t Time) IsZero() bool { return t.T.IsZero() }

// String formats the time as it appears in front matter.
func (t Time) String() string {
	if t.DateOnly {
		return t.T.Format(time.DateOnly)
	}
	return t.T.Truncate(time.Second).Format(time.RFC3339)
}

// MarshalYAML writes the time as a plain YAML timestamp.
func (t Time) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.String()}, nil
}

// Credit is the credit line of a post's image.
type Credit struct {
	Text       string `yaml:"text,omitempty"`
	URL        string `yaml:"url,omitempty"`
	License    string `yaml:"license,omitempty"`
	LicenseURL string `yaml:"license_url,omitempty"`
}

// Attribution records where a republished post first appeared.
type Attribution struct {
	Site string
	URL  string
	Date time.Time // the day it appeared; the time of day is not written
	Note string
}

// MarshalYAML writes the attribution with its keys in a fixed order and its
// date as a calendar date.
func (a Attribution) MarshalYAML() (any, error) {
	return struct {
		Site string `yaml:"site,omitempty"`
		URL  string `yaml:"url,omitempty"`
		Date Time   `yaml:"date,omitempty"`
		Note string `yaml:"note,omitempty"`
	}{a.Site, a.URL, Day(a.Date), a.Note}, nil
}

// Canonical values for republished posts.
const (
	CanonicalOriginal = "original" // rel=canonical points to the original
	CanonicalSelf     = "self"     // rel=canonical points to the post
)

// Post is the front matter of a post, keys in the order they are written.
type Post struct {
	Title                     string       `yaml:"title"`
	Date                      Time         `yaml:"date,omitempty"`
	Lastmod                   Time         `yaml:"lastmod,omitempty"`
	Author                    string       `yaml:"author,omitempty"`
	Authors                   []string     `yaml:"authors,omitempty"`
	Categories                []string     `yaml:"categories,omitempty"`
	Tags                      []string     `yaml:"tags,omitempty"`
	Summary                   string       `yaml:"summary,omitempty"`
	Featured                  bool         `yaml:"featured,omitempty"`
	Draft                     bool         `yaml:"draft,omitempty"`
	Slug                      string       `yaml:"slug,omitempty"`
	Aliases                   []string     `yaml:"aliases,omitempty"`
	Image                     string       `yaml:"image,omitempty"`
	ImageAlt                  string       `yaml:"image_alt,omitempty"`
	ImageCredit               *Credit      `yaml:"image_credit,omitempty"`
	Comments                  string       `yaml:"comments,omitempty"` // "open" or "closed"
	OriginallyAppearedOn      *Attribution `yaml:"originally_appeared_on,omitempty"`
	RepublishedWithPermission bool         `yaml:"republished_with_permission,omitempty"`
	Canonical                 string       `yaml:"canonical,omitempty"`
}

// Page is the front matter of a standalone page.
type Page struct {
	Title   string   `yaml:"title"`
	Summary string   `yaml:"summary,omitempty"`
	Draft   bool     `yaml:"draft,omitempty"`
	Slug    string   `yaml:"slug,omitempty"`
	Aliases []string `yaml:"aliases,omitempty"`
	// Comments is "open" or "closed"; "" leaves the page without a
	// comment form.
	Comments string `yaml:"comments,omitempty"`
}

// Links are an author's profiles.
type Links struct {
	LinkedIn string `yaml:"linkedin,omitempty"`
	X        string `yaml:"x,omitempty"`
	Website  string `yaml:"website,omitempty"`
}

// Author is the front matter of an author file; the body is the bio.
type Author struct {
	Name   string `yaml:"name"`
	Role   string `yaml:"role,omitempty"`
	Avatar string `yaml:"avatar,omitempty"`
	Links  *Links `yaml:"links,omitempty"`
}

// Comment is the front matter of a comment file; the body is the comment.
type Comment struct {
	Type      string `yaml:"type,omitempty"` // "mention" for a pingback or trackback
	Author    string `yaml:"author,omitempty"`
	AuthorURL string `yaml:"author_url,omitempty"`
	EmailHash string `yaml:"email_hash,omitempty"`
	Date      Time   `yaml:"date,omitempty"`
	Status    string `yaml:"status"`
	Parent    string `yaml:"parent,omitempty"`
}

// Encode returns a content file: the front matter fm as a YAML block between
// --- lines, a blank line, and body ending in one newline. The same input
// always gives the same bytes.
func Encode(fm any, body string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encoding front matter: %w", err)
	}
	buf.WriteString("---\n")
	if body = strings.TrimSpace(body); body != "" {
		buf.WriteString("\n")
		buf.WriteString(body)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

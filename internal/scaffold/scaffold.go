// Package scaffold creates new sites and new posts.
//
// Init writes a site folder that builds at once with the built-in theme:
// site.toml, one author, one sample post, an About page and a comment
// policy page. NewPost writes a post file with its front matter filled in,
// including the attribution of a republished post.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"text/template"
	"time"

	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/slug"
)

// initFiles are the files of a new site; each is a text/template run with
// the site's values.
var initFiles = map[string]string{
	config.FileName: `title = {{printf "%q" .Title}}
description = "Notes on social business, customer care and online communities."
base_url = "https://blog.example.org/"
language = "en"

[[menu]]
name = "About"
url = "/about/"

[[menu]]
name = "Comment policy"
url = "/comment-policy/"

[comments]
endpoint = "/comments"
`,
	"content/authors/{{.Author}}.md": `---
name: Your Name
role: Community manager
links:
  linkedin: https://www.linkedin.com/in/your-name/
  website: https://blog.example.org/
---
A few lines about you: what you do, what you write about here, and where
readers can find you elsewhere.
`,
	"content/posts/{{.Date}}-welcome.md": `---
title: Welcome to the blog
author: {{.Author}}
categories: [Social Media]
tags: [community, blogging]
featured: true
---
This is the first post of the blog. Write posts in Markdown in
content/posts/, one file a post.

<!--more-->

Run blogen serve to see your changes as you save them, and blogen build
to build the site into public/.
`,
	"content/pages/about.md": `---
title: About
---
Who writes here, and why.
`,
	"content/pages/comment-policy.md": `---
title: Comment policy
---
` + config.DefaultPolicyText + `
`,
	".gitignore":    "# The built site and the build cache; blogen makes both again.\n/public/\n/.blogen-cache/\n",
	"static/.keep":  ``,
	"layouts/.keep": ``,
}

// Init creates a new site in dir, which must not exist or be empty.
func Init(dir string, now time.Time) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty; choose a new folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	values := map[string]string{"Title": "My social business blog", "Author": "you", "Date": now.Format("2006-01-02")}
	var written []string
	for name, text := range initFiles {
		p, err := expand(name, values)
		if err != nil {
			return nil, err
		}
		body, err := expand(text, values)
		if err != nil {
			return nil, err
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(p)), []byte(body)); err != nil {
			return nil, err
		}
		written = append(written, p)
	}
	return written, nil
}

func expand(text string, values map[string]string) (string, error) {
	t, err := template.New("").Parse(text)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = t.Execute(&b, values)
	return b.String(), err
}

// writeNew writes a file that must not exist yet, creating its folder.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists already; nothing was overwritten", path)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Post describes a new post.
type Post struct {
	Title  string
	Author string
	Date   time.Time
	// Republished, when set, is where the post first appeared.
	Republished *content.Attribution
	// Permission says the author allowed the republication; only then
	// does the post claim republished_with_permission.
	Permission bool
	Draft      bool
	// NewAuthor creates content/authors/<Author>.md when the site has no
	// such author, instead of refusing the post.
	NewAuthor bool
}

// NewPost writes a new post file into the site folder dir and returns its
// path relative to dir.
func NewPost(dir string, p Post) (string, error) {
	s := slug.Make(p.Title)
	if s == "" {
		return "", fmt.Errorf("the title %q gives no slug; use some letters or digits", p.Title)
	}
	rel := filepath.ToSlash(filepath.Join(content.PostsDir, p.Date.Format("2006-01-02")+"-"+s+".md"))
	if err := checkAuthor(dir, p); err != nil {
		return "", err
	}
	return rel, writeNew(filepath.Join(dir, filepath.FromSlash(rel)), PostFile(p))
}

// checkAuthor makes sure the post's author has a file: it must exist, or
// with NewAuthor it is written.
func checkAuthor(dir string, p Post) error {
	if p.Author == "" {
		return nil
	}
	if slug.Make(p.Author) != p.Author {
		return fmt.Errorf("--author %q: an author id is lower-case letters, digits and hyphens, such as %q", p.Author, slug.Make(p.Author))
	}
	rel := path.Join(content.AuthorsDir, p.Author+".md")
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(file); err == nil {
		return nil
	}
	if !p.NewAuthor {
		return fmt.Errorf("%s: no author %q in this site; add --new-author to create the file, or give the id of an author in %s", rel, p.Author, content.AuthorsDir)
	}
	return writeNew(file, []byte("---\nname: "+strconv.Quote(p.Author)+"\n---\n"))
}

// postTemplate is the front matter and body of a new post.
var postTemplate = template.Must(template.New("post").Parse(`---
title: {{printf "%q" .Title}}
date: {{.Date.Format "2006-01-02T15:04:05Z07:00"}}
{{- if .Author}}
author: {{.Author}}
{{- end}}
categories: []
tags: []
{{- if .Draft}}
draft: true
{{- end}}
{{- with .Republished}}
originally_appeared_on:
  site: {{printf "%q" .Site}}
  url: {{printf "%q" .URL}}
{{- if not .Date.IsZero}}
  date: {{.Date.Format "2006-01-02"}}
{{- end}}
{{- if $.Permission}}
republished_with_permission: true
{{- end}}
canonical: original
{{- end}}
---
Write the summary here: the text above the ` + "`<!--more-->`" + ` line below is the
post's summary in lists and feeds.

<!--more-->

Write the rest of the post here.
`))

// PostFile returns the contents of a new post file.
func PostFile(p Post) []byte {
	var b bytes.Buffer
	if err := postTemplate.Execute(&b, p); err != nil {
		panic(err) // the template is fixed and its data typed
	}
	return b.Bytes()
}

package jekyll

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// postName matches the name of a post: 2013-06-10-slug.ext.
var postName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.+)\.([^.]+)$`)

// frontMatter is what the importer reads of a post's front matter to make
// its URL.
type frontMatter struct {
	Slug       string `yaml:"slug"`
	Permalink  string `yaml:"permalink"`
	Category   any    `yaml:"category"`
	Categories any    `yaml:"categories"`
	Published  *bool  `yaml:"published"`
}

// post reads a file of a _posts folder.
func (r *reader) post(rel string) error {
	before, after, _ := strings.Cut("/"+rel, "/_posts/")
	m := postName.FindStringSubmatch(path.Base(after))
	if m == nil || !ssg.IsMarkdown(after) {
		r.src.Left = append(r.src.Left, ssg.Note{Path: rel, Why: "not a Markdown post named 2013-06-10-title.md, which Jekyll would not publish either"})
		return nil
	}
	data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	var fm frontMatter
	_, block, _ := ssg.SplitFrontMatter(data)
	if err := yaml.Unmarshal(block, &fm); err != nil {
		r.src.Problems = append(r.src.Problems, ssg.Note{Path: rel, Why: "front matter: " + err.Error()})
	}
	folder := strings.Trim(before, "/")
	sub := path.Join(folder, path.Dir(after))
	to := path.Join(content.PostsDir, sub, ssg.MarkdownName(path.Base(after)))
	if path.Ext(after) != ".md" {
		r.src.Converted = append(r.src.Converted, ssg.Note{Path: rel, Why: "written as " + to})
	}
	doc := ssg.Doc{From: rel, To: to, Data: data}
	r.fixDate(&doc, block)
	if fm.Published == nil || *fm.Published {
		r.postURL(&doc, fm, m, folder)
	}
	r.src.Posts = append(r.src.Posts, doc)
	return nil
}

// postURL sets the old URL of a post and the slug that keeps it.
func (r *reader) postURL(doc *ssg.Doc, fm frontMatter, m []string, folder string) {
	name := m[2]
	if fm.Slug != "" {
		name = fm.Slug
	}
	v := vars{date: postDate(doc.To, doc.Data, m[1]), title: slugify(name, true), slug: slugify(name, false)}
	v.categories = categories(folder, fm)
	tmpl := pattern(r.cfg.Permalink)
	if fm.Permalink != "" {
		tmpl = fm.Permalink
	}
	doc.OldURL = expand(tmpl, v)
	if fm.Permalink != "" && strings.Contains(fm.Permalink, ":") {
		doc.Set = append(doc.Set, ssg.Field{Key: "permalink", Value: doc.OldURL})
		r.src.Converted = append(r.src.Converted, ssg.Note{Path: doc.From, Why: fmt.Sprintf("permalink %s written as %s", fm.Permalink, doc.OldURL)})
	}
	doc.Slug = v.title
	if strings.Contains(tmpl, ":slug") && !strings.Contains(tmpl, ":title") {
		doc.Slug = v.slug
	}
}

// postDate is the date of a post as the build reads it (front matter,
// else the file name), whose year, month and day are those of its Jekyll
// URL.
func postDate(to string, data []byte, fromName string) time.Time {
	if p, err := content.ParsePost(to, data); err == nil && !p.Date.IsZero() {
		return p.Date
	}
	t, _ := time.Parse(time.DateOnly, fromName)
	return t
}

// looseDate matches the date of a post as Ruby's Time.parse reads it,
// with words between the time and the zone that Jekyll passes over.
var looseDate = regexp.MustCompile(`^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)\b.*?\s([+-]\d{2}:?\d{2}|Z)?\s*$`)

// fixDate rewrites a date: that Jekyll reads but the build would not, such
// as "2023-01-29 18:30:22 2023 -0800", as the date and time Jekyll took.
func (r *reader) fixDate(doc *ssg.Doc, block []byte) {
	var fm struct {
		Date string `yaml:"date"`
	}
	if yaml.Unmarshal(block, &fm) != nil || fm.Date == "" {
		return
	}
	if _, err := content.ParseDate(fm.Date); err == nil {
		return
	}
	m := looseDate.FindStringSubmatch(fm.Date)
	if m == nil {
		return
	}
	zone := strings.Replace(m[3], ":", "", 1)
	if zone == "" || zone == "Z" {
		zone = "+0000"
	}
	t, err := time.Parse("2006-01-02 15:04:05 -0700", m[1]+" "+withSeconds(m[2])+" "+zone)
	if err != nil {
		return
	}
	doc.Set = append(doc.Set, ssg.Field{Key: "date", Value: t})
	r.src.Converted = append(r.src.Converted, ssg.Note{Path: doc.From, Why: fmt.Sprintf("date %q written as %s", fm.Date, t.Format(time.RFC3339))})
	if edited, err := ssg.EditFrontMatter(doc.Data, doc.Set...); err == nil {
		doc.Data, doc.Set = edited, nil
	}
}

func withSeconds(hm string) string {
	if strings.Count(hm, ":") == 1 {
		return hm + ":00"
	}
	return hm
}

// categories are a post's categories as its URL has them: the folders
// above _posts, then category and categories (a string of several is
// split at spaces), lower-cased, each once.
func categories(folder string, fm frontMatter) []string {
	var out []string
	add := func(s string) {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if folder != "" {
		for _, f := range strings.Split(folder, "/") {
			add(f)
		}
	}
	for _, v := range []any{fm.Category, fm.Categories} {
		switch v := v.(type) {
		case string:
			for _, s := range strings.Fields(v) {
				add(s)
			}
		case []any:
			for _, e := range v {
				add(fmt.Sprint(e))
			}
		}
	}
	return out
}

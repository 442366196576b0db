package content

import (
	"testing"
	"testing/fstest"
)

// seeds are front matter blocks of every format, valid and broken.
var seeds = []string{
	"---\ntitle: A\ndate: 2013-06-10\nauthor: ana\ntags: [x, y]\n---\nBody\n",
	"+++\ntitle = \"B\"\ndate = 2013-06-10T09:30:00Z\n[extra]\nx = 1\n+++\nBody\n",
	"{\n\"title\": \"C\",\n\"date\": \"2013-06-10\"\n}\n\nBody\n",
	"---\ntitle: R\noriginally_appeared_on:\n  site: LinkedIn\n  url: https://x.example/\n  date: 2013-06-10\nimage_credit:\n  text: T\n---\n",
	"---\ntitle: [\n---\n",
	"---\n---\n",
	"+++\n",
	"{",
	"---\nauthor: R\ndate: 2020-01-01\nstatus: approved\nparent: 1\n---\nhi",
	"---\ntags: {a: b}\ndate: [1]\ncomments: 3\n---\n",
	"+++\na = {a={a={a.b.c=[[1.5]]}}}\n[x.y]\nz = '''[{'''\n+++\n",
	"---\na:\n  - - [{b: \"[\"}]\n  - c: |\n      [[[\n---\n",
}

// FuzzParse feeds arbitrary files to every parser: none may panic, and a
// post that parses without error has a title and a date.
func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParsePost("content/posts/a.md", []byte(src))
		if err == nil && (p.Title == "" || p.Date.IsZero()) {
			t.Fatalf("post without title or date parsed: %+v", p)
		}
		ParsePage("content/pages/a.md", []byte(src))
		ParseAuthor("content/authors/a.md", []byte(src))
		ParseComment("content/comments/a/1.md", []byte(src))
	})
}

// FuzzLoad loads a whole site whose files are the fuzzed text.
func FuzzLoad(f *testing.F) {
	for _, s := range seeds {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, post, comment string) {
		fsys := fstest.MapFS{
			"content/posts/a.md":         {Data: []byte(post)},
			"content/posts/b/index.md":   {Data: []byte(post)},
			"content/posts/b/img.png":    {Data: []byte("x")},
			"content/authors/ana.md":     {Data: []byte(post)},
			"content/comments/a/001.md":  {Data: []byte(comment)},
			"content/pages/about.md":     {Data: []byte(comment)},
			"content/comments/a/.x.swp":  {Data: []byte(comment)},
			"content/posts/2013-01-01-c": {Data: []byte(post)},
		}
		LoadCached(fsys, NewCache())
	})
}

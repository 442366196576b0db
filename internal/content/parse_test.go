package content

import (
	"github.com/blogen/blogen/internal/images"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unsafe"
)

func TestParsePost(t *testing.T) {
	date := func(s string) time.Time { t, _ := ParseDate(s); return t }
	tests := []struct {
		name, file, src string
		check           func(t *testing.T, p *Post)
	}{
		{"yaml", "content/posts/a.md", "---\ntitle: A\ndate: 2013-06-10\nauthor: ana\ntags: [x, y]\ncategories: News\n---\nBody\n", func(t *testing.T, p *Post) {
			if p.Title != "A" || p.Slug != "a" || !p.Date.Equal(date("2013-06-10")) || p.Authors[0] != "ana" || len(p.Tags) != 2 || p.Category[0] != "News" || string(p.Body) != "Body\n" || p.BodyLine != 8 {
				t.Errorf("%+v", p)
			}
		}},
		{"toml", "content/posts/b.md", "+++\ntitle = \"B\"\ndate = 2013-06-10T09:30:00Z\nfeatured = true\n+++\nBody\n", func(t *testing.T, p *Post) {
			if p.Title != "B" || !p.Featured || p.Date.Hour() != 9 {
				t.Errorf("%+v", p)
			}
		}},
		{"json", "content/posts/c.md", "{\n\"title\": \"C\",\n\"date\": \"2013-06-10\",\n\"tags\": \"a, b\"\n}\n\nBody\n", func(t *testing.T, p *Post) {
			if p.Title != "C" || len(p.Tags) != 2 || strings.TrimSpace(string(p.Body)) != "Body" {
				t.Errorf("%+v %q", p, p.Body)
			}
		}},
		{"jekyll name", "content/posts/2013-06-10-big-data.md", "---\ntitle: D\n---\n", func(t *testing.T, p *Post) {
			if p.Slug != "big-data" || !p.Date.Equal(date("2013-06-10")) {
				t.Errorf("%+v", p)
			}
		}},
		{"bundle", "content/posts/trip/index.md", "---\ntitle: E\ndate: 2020-01-01\n---\n", func(t *testing.T, p *Post) {
			if p.Slug != "trip" {
				t.Errorf("slug %q", p.Slug)
			}
		}},
		{"republished", "content/posts/r.md", "---\ntitle: R\ndate: 2014-01-01\noriginally_appeared_on:\n  site: LinkedIn\n  url: https://www.linkedin.com/pulse/x\n  date: 2013-06-10\n  note: as part of their influencer program\nrepublished_with_permission: true\ncanonical: self\nimage_credit:\n  text: Photo by A\n  license: CC BY 2.0\n---\n", func(t *testing.T, p *Post) {
			o := p.Original
			if o == nil || o.Site != "LinkedIn" || o.URL != "https://www.linkedin.com/pulse/x" || !o.Date.Equal(date("2013-06-10")) || o.Note == "" || !p.RepublishedWithPermission || !p.CanonicalSelf || p.ImageCredit.License != "CC BY 2.0" {
				t.Errorf("%+v %+v", p, o)
			}
		}},
		{"image focus", "content/posts/f.md", "---\ntitle: F\ndate: 2020-01-01\nimage: a.jpg\nimage_focus: 0.5,0.3\n---\n", func(t *testing.T, p *Post) {
			if p.ImageFocus == nil || *p.ImageFocus != (images.Focus{X: 0.5, Y: 0.3}) {
				t.Errorf("image_focus read as %v", p.ImageFocus)
			}
		}},
		{"hugo and jekyll keys", "content/posts/h.md", "---\ntitle: H\npublishDate: 2020-01-01\nlayout: post\nweight: 3\nexcerpt: Short\npublished: false\nextra:\n  x: 1\n---\n", func(t *testing.T, p *Post) {
			if !p.Draft || p.Description != "Short" || p.Date.IsZero() {
				t.Errorf("%+v", p)
			}
		}},
		{"co-authors", "content/posts/co.md", "---\ntitle: Co\ndate: 2020-01-01\nauthors: [a, b]\nauthor: a\n---\n", func(t *testing.T, p *Post) {
			if strings.Join(p.Authors, ",") != "a,b" || p.AuthorLine != 5 {
				t.Errorf("authors %v line %d", p.Authors, p.AuthorLine)
			}
		}},
		{"series and toc", "content/posts/s.md", "---\ntitle: S\ndate: 2020-01-01\nseries: \" Listening \"\ntoc: true\n---\n", func(t *testing.T, p *Post) {
			if p.Series != "Listening" || p.TOC != TOCOn {
				t.Errorf("series %q toc %v", p.Series, p.TOC)
			}
		}},
		{"hugo series list, toc off", "content/posts/s2.md", "---\ntitle: S\ndate: 2020-01-01\nseries: [Care, Other]\ntoc: false\n---\n", func(t *testing.T, p *Post) {
			if p.Series != "Care" || p.TOC != TOCOff {
				t.Errorf("series %q toc %v", p.Series, p.TOC)
			}
		}},
		{"no toc key", "content/posts/s3.md", "---\ntitle: S\ndate: 2020-01-01\n---\n", func(t *testing.T, p *Post) {
			if p.Series != "" || p.TOC != TOCAuto {
				t.Errorf("series %q toc %v", p.Series, p.TOC)
			}
		}},
		{"no front matter", "content/posts/2020-01-01-plain.md", "Just text.\n", func(t *testing.T, p *Post) {
			if p.Title != "" {
				t.Errorf("%+v", p)
			}
		}},
		{"BOM", "content/posts/bom.md", "\uFEFF---\ntitle: Bom\ndate: 2020-01-01\n---\nx", func(t *testing.T, p *Post) {
			if p.Title != "Bom" {
				t.Errorf("%+v", p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePost(tt.file, []byte(tt.src))
			if err != nil && tt.name != "no front matter" {
				t.Fatal(err)
			}
			tt.check(t, p)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bad yaml", "---\ntitle: A\ntags: [a\n---\n", "a.md:"},
		{"unclosed", "---\ntitle: A\n", "a.md:1: the front matter block is not closed"},
		{"bad date", "---\ntitle: A\ndate: 2020-02-30\n---\n", `a.md:3: date: date "2020-02-30" does not parse`},
		{"bad bool", "---\ntitle: A\ndate: 2020-01-01\nfeatured: sometimes\n---\n", "a.md:4: featured: want true or false"},
		{"bad comments", "---\ntitle: A\ndate: 2020-01-01\ncomments: maybe\n---\n", "a.md:4: comments: want open or closed"},
		{"bad canonical", "---\ntitle: A\ndate: 2020-01-01\ncanonical: there\n---\n", "a.md:4: canonical: want original or self"},
		{"bad slug", "---\ntitle: A\ndate: 2020-01-01\nslug: a/b\n---\n", "a.md:4: slug \"a/b\" cannot be part of a URL"},
		{"bad focus", "---\ntitle: A\ndate: 2020-01-01\nimage_focus: 2,0\n---\n", `a.md:4: image_focus "2,0" is not two numbers between 0 and 1`},
		{"no date", "---\ntitle: A\n---\n", "a.md:1: the post has no date"},
		{"permission without original", "---\ntitle: A\ndate: 2020-01-01\nrepublished_with_permission: true\n---\n", "originally_appeared_on is missing"},
		{"original url", "---\ntitle: A\ndate: 2020-01-01\noriginally_appeared_on:\n  site: X\n  url: ftp://x\n---\n", "must be an absolute http(s) URL"},
		{"not utf-8", "---\ntitle: A\ndate: 2020-01-01\n---\nok\n\xff\n", "a.md:6: the file is not valid UTF-8"},
		{"toml", "+++\ntitle = \n+++\n", "a.md:2: malformed TOML front matter"},
		{"json without blank line", "{\n\"title\": \"A\"\n}\nBody", "a.md:1: the file starts with { but holds no JSON front matter"},
		{"json", "{\n\"title\": \"A\",\n\"date\": \n}\n\nx", "a.md:4: malformed JSON front matter"},
		{"toml time without a date", "+++\ntitle = \"A\"\ndate = 07:32:00\n+++\n", "a.md:3: date: 07:32:00 is a time of day without a date; write the date too, such as date = 2013-06-10T07:32:00"},
		{"toml time without a date, as expiry", "+++\ntitle = \"A\"\ndate = 2020-01-01\nexpirydate = 23:59:59.5\n+++\n", "a.md:4: expirydate: 23:59:59 is a time of day without a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePost("content/posts/a.md", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseComment(t *testing.T) {
	c, err := ParseComment("content/comments/post/003.md", []byte("---\nauthor: R\ndate: 2020-01-01T10:00:00Z\nstatus: approved\nparent: \"001\"\nemail_hash: abc\nauthor_id: ana\n---\nHi\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Post != "post" || c.ID != "003" || c.Parent != "001" || c.Status != StatusApproved || c.ParentLine != 5 || c.AuthorID != "ana" {
		t.Errorf("%+v", c)
	}
	for _, bad := range []string{
		"---\nauthor: R\ndate: 2020-01-01\nemail_hash: a@b.c\n---\n",
		"---\nauthor: R\ndate: 2020-01-01\nauthor_url: javascript:alert(1)\n---\n",
		"---\nauthor: R\n---\n",
	} {
		if _, err := ParseComment("content/comments/p/1.md", []byte(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"post.md": false, ".post.md.swp": true, "post.md~": true, "#post.md#": true, ".#post.md": true,
		"4913": true, "_index.md": true, "post.md.tmp": true, ".DS_Store": true,
	} {
		if Ignored(name) != want {
			t.Errorf("Ignored(%q) = %v", name, !want)
		}
	}
}

func TestLoadDropsBodiesAndReadBodyReadsThem(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/a.md":        {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\nBody A\n")},
		"content/posts/bom.md":      {Data: []byte("\uFEFF+++\ntitle = \"B\"\ndate = 2020-01-01\n+++\nBody B\n")},
		"content/posts/c/index.md":  {Data: []byte("{\n\"title\": \"C\",\n\"date\": \"2020-01-01\"\n}\n\nBody C\n")},
		"content/comments/a/001.md": {Data: []byte("\uFEFF---\nauthor: R\ndate: 2020-01-02\nstatus: approved\n---\nThanks.\n")},
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": "Body A\n", "bom": "Body B\n", "c": "Body C\n"}
	for _, p := range s.Posts {
		if p.Body != nil {
			t.Errorf("%s: Load kept the body", p.Source)
		}
		b, err := ReadBody(fsys, p)
		if err != nil || strings.TrimLeft(string(b), "\n") != want[p.Slug] {
			t.Errorf("%s: ReadBody = %q, %v; want %q", p.Source, b, err, want[p.Slug])
		}
	}
	c := s.Comments[0]
	if c.Body != nil {
		t.Errorf("%s: Load kept the body", c.Source)
	}
	if b, err := ReadCommentBody(fsys, c); err != nil || string(b) != "Thanks.\n" {
		t.Errorf("%s: ReadCommentBody = %q, %v; want %q", c.Source, b, err, "Thanks.\n")
	}
	fsys["content/comments/a/001.md"] = &fstest.MapFile{Data: []byte("x")}
	if _, err := ReadCommentBody(fsys, c); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("ReadCommentBody of a file cut short: %v, want an error that it changed", err)
	}
}

// TestLoadSharesNames loads posts and comments that repeat names: each
// name is kept once, whether the files are parsed or read back from a
// saved cache.
func TestLoadSharesNames(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/a.md":        {Data: []byte("---\ntitle: A\ndate: 2020-01-01\nauthor: ana\ntags: [Care, News]\ncategories: Teams\n---\nA\n")},
		"content/posts/b.md":        {Data: []byte("---\ntitle: B\ndate: 2020-01-02\nauthor: ana\ntags: News, Care\ncategories: [Teams]\n---\nB\n")},
		"content/comments/a/001.md": {Data: []byte("---\nauthor: Rui\nauthor_url: https://rui.example/\ndate: 2020-01-02\nstatus: Approved\n---\nHi.\n")},
		"content/comments/b/001.md": {Data: []byte("---\nauthor: Rui\nauthor_url: https://rui.example/\ndate: 2020-01-03\nstatus: approved\n---\nHi.\n")},
	}
	c := NewCache()
	s, err := LoadCached(fsys, c)
	if err != nil {
		t.Fatal(err)
	}
	checkShared(t, "parsed", s)
	file := filepath.Join(t.TempDir(), "content.gob")
	if err := c.Save(file, "stamp"); err != nil {
		t.Fatal(err)
	}
	again, err := LoadCached(fsys, ReadCache(file, "stamp"))
	if err != nil {
		t.Fatal(err)
	}
	checkShared(t, "read back", again)
}

func checkShared(t *testing.T, how string, s *Site) {
	t.Helper()
	a, b := s.Posts[0], s.Posts[1]
	same := func(what, x, y string) {
		if x != y || unsafe.StringData(x) != unsafe.StringData(y) {
			t.Errorf("%s: %s %q and %q are not one string", how, what, x, y)
		}
	}
	same("author", a.Authors[0], b.Authors[0])
	same("tag", a.Tags[0], b.Tags[1])
	same("tag", a.Tags[1], b.Tags[0])
	same("category", a.Category[0], b.Category[0])
	x, y := s.Comments[0], s.Comments[1]
	same("commenter", x.Author, y.Author)
	same("commenter's URL", x.AuthorURL, y.AuthorURL)
	same("status", string(x.Status), string(StatusApproved))
	same("status", string(y.Status), string(StatusApproved))
}

// TestParseCommentOwnerAndType: the folder names the post or the page a
// comment belongs to, and type: mention marks a mention.
func TestParseCommentOwnerAndType(t *testing.T) {
	const body = "author: R\ndate: 2020-01-01T10:00:00Z\n"
	tests := []struct {
		name, file, front string
		post, page        string
		thread            string
		typ               CommentType
		url               string
		bad               bool
	}{
		{"post", "content/comments/hello/001.md", body, "hello", "", "hello", TypeComment, "", false},
		{"a post named pages", "content/comments/pages/001.md", body, "pages", "", "pages", TypeComment, "", false},
		{"page", "content/comments/pages/about/001.md", body, "", "about", "pages/about", TypeComment, "", false},
		{"mention", "content/comments/hello/002.md", body + "type: Mention\nwebsite: https://other.example/p\n", "hello", "", "hello", TypeMention, "https://other.example/p", false},
		{"comment said", "content/comments/pages/about/002.md", body + "type: comment\n", "", "about", "pages/about", TypeComment, "", false},
		{"unknown type", "content/comments/hello/003.md", body + "type: pingback\n", "hello", "", "hello", "pingback", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseComment(tt.file, []byte("---\n"+tt.front+"---\nHi\n"))
			if (err != nil) != tt.bad {
				t.Fatalf("error %v, want one: %v", err, tt.bad)
			}
			if c.Post != tt.post || c.Page != tt.page || c.Thread() != tt.thread || c.Type != tt.typ || c.AuthorURL != tt.url {
				t.Errorf("post %q page %q thread %q type %q url %q", c.Post, c.Page, c.Thread(), c.Type, c.AuthorURL)
			}
			if c.IsMention() != (tt.typ == TypeMention) {
				t.Errorf("IsMention = %v", c.IsMention())
			}
		})
	}
}

// TestParsePageComments: pages take no comments unless told to.
func TestParsePageComments(t *testing.T) {
	tests := []struct {
		front string
		want  CommentMode
		bad   bool
	}{
		{"", CommentsClosed, false},
		{"comments: open\n", CommentsOpen, false},
		{"comments: true\n", CommentsOpen, false},
		{"comments: closed\n", CommentsClosed, false},
		{"comments: maybe\n", CommentsClosed, true},
	}
	for _, tt := range tests {
		p, err := ParsePage("content/pages/about.md", []byte("---\ntitle: About\n"+tt.front+"---\nHi\n"))
		if (err != nil) != tt.bad || p.Comments != tt.want {
			t.Errorf("%q: comments %v, error %v", tt.front, p.Comments, err)
		}
	}
}

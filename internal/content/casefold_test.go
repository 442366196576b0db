package content

import (
	"testing"
)

// TestKeysThatDifferOnlyInCase parses files that set one key twice,
// spelled in two cases: which one won used to change from build to build.
func TestKeysThatDifferOnlyInCase(t *testing.T) {
	const repeats = ": keys are read without regard to case; keep one of them"
	tests := []struct {
		name  string
		parse func(file string, src []byte) error
		file  string
		src   string
		want  string
	}{
		{"a post's title", parsePostErr, "content/posts/a.md", "---\ntitle: A\ndate: 2024-01-02\nTitle: B\n---\n", "content/posts/a.md:4: the key Title repeats title of line 2" + repeats},
		{"a post in TOML", parsePostErr, "content/posts/a.md", "+++\nDate = 2024-01-02\ntitle = \"A\"\ndate = 2024-02-03\n+++\n", "content/posts/a.md:4: the key date repeats Date of line 2" + repeats},
		{"a post in JSON", parsePostErr, "content/posts/a.md", "{\n\"title\": \"A\",\n\"date\": \"2024-01-02\",\n\"TITLE\": \"B\"\n}\n\n", "content/posts/a.md:4: the key TITLE repeats title of line 2" + repeats},
		{"a nested key", parsePostErr, "content/posts/a.md", "---\ntitle: A\ndate: 2024-01-02\noriginally_appeared_on:\n  site: X\n  url: https://x.example/\n  Site: Y\n---\n", "content/posts/a.md:7: the key Site repeats site of line 5" + repeats},
		{"a nested key in a flow map", parsePostErr, "content/posts/a.md", "---\ntitle: A\ndate: 2024-01-02\nimage_credit: {text: X, Text: Y}\n---\n", "content/posts/a.md:4: the key Text repeats text of line 4" + repeats},
		{"a page", parsePageErr, "content/pages/about.md", "---\ntitle: About\nDraft: true\ndraft: false\n---\n", "content/pages/about.md:4: the key draft repeats Draft of line 3" + repeats},
		{"an author", parseAuthorErr, "content/authors/ana.md", "---\nname: Ana\nNAME: Bob\n---\n", "content/authors/ana.md:3: the key NAME repeats name of line 2" + repeats},
		{"a comment's status", parseCommentErr, "content/comments/a/001.md", "---\nauthor: R\ndate: 2024-01-03T10:00:00Z\nstatus: rejected\nStatus: approved\n---\nHi.\n", "content/comments/a/001.md:5: the key Status repeats status of line 4" + repeats},
		{"one spelling", parsePostErr, "content/posts/a.md", "---\nTitle: A\nDATE: 2024-01-02\n---\n", ""},
		{"the same word in two tables", parsePostErr, "content/posts/a.md", "---\ntitle: A\ndate: 2024-01-02\noriginally_appeared_on:\n  site: X\n  url: https://x.example/\n  date: 2013-06-10\n---\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for range 5 { // map order differs from run to run
				if err := tt.parse(tt.file, []byte(tt.src)); err != nil {
					got = err.Error()
				}
				if got != tt.want {
					t.Fatalf("got  %q\nwant %q", got, tt.want)
				}
			}
		})
	}
}

func parsePostErr(file string, src []byte) error    { _, err := ParsePost(file, src); return err }
func parsePageErr(file string, src []byte) error    { _, err := ParsePage(file, src); return err }
func parseAuthorErr(file string, src []byte) error  { _, err := ParseAuthor(file, src); return err }
func parseCommentErr(file string, src []byte) error { _, err := ParseComment(file, src); return err }

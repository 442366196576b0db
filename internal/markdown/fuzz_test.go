package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// addFiles adds the files matching pattern to the seed corpus of f.
func addFiles(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
}

// FuzzRender checks that any post renders without error, that the summary
// is part of the HTML, that only raw HTML brings inline styles, and that
// rendering is deterministic.
func FuzzRender(f *testing.F) {
	for _, tc := range renderCases {
		f.Add(tc.src)
	}
	for _, tc := range summaryCases {
		f.Add(tc.src)
	}
	for _, tc := range mentionCases {
		f.Add(tc.src)
	}
	// The 10 KB benchmark post is left out: minimising large inputs costs
	// more fuzzing time than it finds.
	addFiles(f, "testdata/golden/post-*.md")
	r := New(mentionOpts)
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src), testSite)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.Contains(res.HTML, res.Summary) {
			t.Fatalf("Summary %q is not part of HTML %q", res.Summary, res.HTML)
		}
		if res.Words < 0 || res.Words > len(src) {
			t.Fatalf("Words = %d for %d bytes", res.Words, len(src))
		}
		if !strings.Contains(src, "<") && styleAttr.Match(res.HTML) {
			t.Fatalf("inline style without raw HTML in the source: %q", res.HTML)
		}
		again, err := r.Render([]byte(src), testSite)
		if err != nil || !bytes.Equal(again.HTML, res.HTML) || again.Words != res.Words {
			t.Fatalf("second render differs (err %v)", err)
		}
	})
}

// FuzzCommentRender checks that no comment renders to unsafe HTML.
func FuzzCommentRender(f *testing.F) {
	for _, tc := range hostileComments {
		f.Add(tc.src)
	}
	for _, tc := range commentCases {
		f.Add(tc.src)
	}
	addFiles(f, "testdata/golden/comment-*.md")
	c := NewCommentRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		out, err := c.Render([]byte(src))
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		checkCommentSafe(t, out)
	})
}

// FuzzCodeBlock renders a fenced code block with any info string and
// code, and checks that the output is only pre, code and span elements
// with a class, and that it reads as the code does when written plainly
// (chroma turns \r\n and \r into \n and may add a final newline).
func FuzzCodeBlock(f *testing.F) {
	for _, seed := range []struct{ info, code string }{
		{"go", "func main() {\n\tfmt.Println(\"<hi> & 'bye'\")\n}"},
		{"rust,ignore", "fn main() { let x = 1; }"},
		{"shell=", "echo $HOME > /tmp/x"},
		{"python {nohl=true}", "print('x')"},
		{"yaml", "a: [1, 2]\nb: \"c\""},
		{"html", "<p style=\"color:red\">x</p>\r\n<script>alert(1)</script>"},
		{"markdown", "---\ntitle: x\n---\n# Heading\n```go\nx\n```"},
		{"nosuchlang", "<b>x</b>"},
		{"", "plain\n\n"},
	} {
		f.Add(seed.info, seed.code)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, info, code string) {
		if strings.ContainsAny(info, "`\r\n") || strings.Contains(code, "```") || strings.ContainsRune(code, 0) || !utf8.ValidString(info+code) {
			t.Skip()
		}
		out := render(t, r, "```"+info+"\n"+code+"\n```\n", nil).HTML
		plain := render(t, r, "```\n"+code+"\n```\n", nil).HTML
		if got, want := codeText(t, out), codeText(t, plain); got != want {
			t.Errorf("text %q, written plainly %q; output %q", got, want, out)
		}
		if again := render(t, r, "```"+info+"\n"+code+"\n```\n", nil).HTML; !bytes.Equal(again, out) {
			t.Errorf("second render differs:\n%q\n%q", out, again)
		}
	})
}

// codeText checks that out is one code block of pre, code and span
// elements, with no attribute but class, and returns its text with line
// ends made \n and final newlines dropped.
func codeText(t *testing.T, out []byte) string {
	t.Helper()
	var text strings.Builder
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			s := strings.ReplaceAll(strings.ReplaceAll(text.String(), "\r\n", "\n"), "\r", "\n")
			return strings.TrimRight(s, "\n")
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data != "pre" && tok.Data != "code" && tok.Data != "span" {
				t.Fatalf("element <%s> in %q", tok.Data, out)
			}
			for _, a := range tok.Attr {
				if a.Key != "class" {
					t.Fatalf("attribute %s on <%s> in %q", a.Key, tok.Data, out)
				}
			}
		default:
			t.Fatalf("comment or doctype in %q", out)
		}
	}
}

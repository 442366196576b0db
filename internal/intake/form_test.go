package intake

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blogen/blogen/internal/termsafe"
)

func TestParseForm(t *testing.T) {
	tests := []struct {
		name string
		body string
		want Form   // when err is ""
		err  string // the reader's message
	}{
		{"trimmed, CR LF made LF, unknown fields ignored",
			form("website", " https://ann.example/ ", "comment", " a\r\nb\nc\r\n", "email", " Ann@Example.ORG", "unknown", "x").Encode(),
			Form{Post: "open", Name: "Ann", Email: "ann@example.org", Website: "https://ann.example/", Comment: "a\nb\nc", Issued: "1772358000000"}, ""},
		{"a lone CR", form("comment", "a\rb").Encode(), Form{},
			`The comment holds the control character \x0d (character 2); remove it and send the comment again.`},
		{"a control character at the end is not trimmed away", form("comment", goodText+"\u0085").Encode(), Form{},
			`The comment holds the control character \u0085 (character 115); remove it and send the comment again.`},
		{"a bidi override", form("name", "Ann\u202E").Encode(), Form{},
			`The name holds the bidirectional text control \u202e (character 4); remove it and send the comment again.`},
		{"the limit counts what is kept", form("name", strings.Repeat("é", 100)+"  ").Encode(),
			Form{Post: "open", Name: strings.Repeat("é", 100), Email: "ann@example.org", Comment: goodText, Issued: "1772358000000"}, ""},
		{"over the limit", form("comment", strings.Repeat("word ", 2001)).Encode(), Form{},
			"The comment is 10,004 characters long; keep it to at most 10,000 characters."},
		{"a problem of the form", form("name", "Ann<b>").Encode(), Form{}, "Please give your name without < or >."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseForm(tt.body)
			msg, _ := readerMessage(err)
			if msg != tt.err {
				t.Fatalf("error %q, want %q", msg, tt.err)
			}
			if err == nil && got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// FuzzParseForm checks that whatever a form holds, what ParseForm accepts
// is within the limits, valid UTF-8, and free of controls and bidi
// overrides, and that the website it accepts is http(s).
func FuzzParseForm(f *testing.F) {
	f.Add(form().Encode())
	f.Add(form("name", "Ann\u202E", "website", "javascript:alert(1)").Encode())
	f.Add("post=open&name=%ff&email=a%40b.c&comment=x")
	f.Add(strings.Repeat("a=1&", 20))
	f.Fuzz(func(t *testing.T, body string) {
		got, err := ParseForm(body)
		if err != nil {
			if _, ok := readerMessage(err); !ok {
				t.Fatalf("not a bad-input error: %v", err)
			}
			return
		}
		for key, v := range map[string]string{"post": got.Post, "name": got.Name, "email": got.Email, "website": got.Website, "parent": got.Parent, "comment": got.Comment} {
			if !utf8.ValidString(v) || utf8.RuneCountInString(v) > fields[key].Max {
				t.Fatalf("%s %q is invalid or too long", key, v)
			}
			for _, r := range v {
				if (unicode.IsControl(r) && !(key == "comment" && (r == '\n' || r == '\t'))) || termsafe.Bidi(r) {
					t.Fatalf("%s %q holds %U", key, v, r)
				}
			}
		}
		if got.Website != "" {
			u, err := url.Parse(got.Website)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Fatalf("website %q accepted", got.Website)
			}
		}
		if page, _ := strings.CutPrefix(got.Post, "pages/"); !validThread(got.Post) || strings.Contains(page, "/") || strings.Contains(got.Post, "..") {
			t.Fatalf("post %q accepted", got.Post)
		}
	})
}

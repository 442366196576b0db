package intake

import (
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseForm(t *testing.T) {
	f, err := ParseForm(form("website", " https://ann.example/ ", "comment", "a\r\nb\rc", "unknown", "x").Encode())
	if err != nil {
		t.Fatal(err)
	}
	if f.Website != "https://ann.example/" || f.Comment != "a\nb\nc" || f.Post != "open" || f.Trap {
		t.Fatalf("%+v", f)
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
			if _, ok := isBadInput(err); !ok {
				t.Fatalf("not a bad-input error: %v", err)
			}
			return
		}
		for key, v := range map[string]string{"post": got.Post, "name": got.Name, "email": got.Email, "website": got.Website, "parent": got.Parent, "comment": got.Comment} {
			if !utf8.ValidString(v) || utf8.RuneCountInString(v) > fieldLimits[key] {
				t.Fatalf("%s %q is invalid or too long", key, v)
			}
			for _, r := range v {
				if (unicode.IsControl(r) && !(key == "comment" && (r == '\n' || r == '\t'))) || isBidiControl(r) {
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
		if !validSlug(got.Post) || strings.Contains(got.Post, "/") || strings.Contains(got.Post, "..") {
			t.Fatalf("post %q accepted", got.Post)
		}
	})
}

package content

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/adrg/frontmatter"
)

// frontDocuments are front matter blocks with the edge cases of where a
// block ends.
var frontDocuments = []string{
	"---\ntitle: A\n---\nBody\n",
	"---\ntitle: A\n---",
	"---\ntitle: A\n---\n",
	"--- \ntitle: A\n---  \nBody",
	"---\r\ntitle: A\r\n---\r\nBody\r\n",
	"---\ntitle: A\n  ---\nBody\n---\nmore\n",
	"---\ntitle: \"---\"\n---\nBody\n",
	"---\ntitle: |\n  ---\n---\nBody\n",
	"---\n---\nBody",
	"---\ntitle: [unclosed\n---\nBody\n",
	"---\ntitle: A\n",
	"+++\ntitle = \"A\"\n+++\nBody\n",
	"+++\ntitle = \"A\"\n\t+++\t\nBody\n+++\n",
	"+++\ntitle = \"A\n+++\nBody\n",
	"---\ntitle: A\n---\n\n---\nBody with a rule\n",
}

// TestParseFrontMatchesFrontmatter holds parseFront, which hands the
// decoder only the block, to what the decoder does with the whole file.
func TestParseFrontMatchesFrontmatter(t *testing.T) {
	for _, doc := range frontDocuments {
		for _, format := range []string{"yaml", "toml"} {
			if got, want := frontResult(parseFront([]byte(doc), format, new(map[string]any))),
				frontResult(frontmatter.Parse(bytes.NewReader([]byte(doc)), new(map[string]any), formats...)); got != want {
				t.Errorf("%s %q:\ngot  %s\nwant %s", format, doc, got, want)
			}
		}
	}
}

// frontResult prints a body and error, for comparing.
func frontResult(body []byte, err error) string {
	return fmt.Sprintf("body %q, error %v", body, err)
}

func FuzzParseFront(f *testing.F) {
	for _, doc := range frontDocuments {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		for _, format := range []string{"yaml", "toml"} {
			gotMeta, wantMeta := map[string]any{}, map[string]any{}
			got := frontResult(parseFront([]byte(doc), format, &gotMeta))
			want := frontResult(frontmatter.Parse(bytes.NewReader([]byte(doc)), &wantMeta, formats...))
			if got != want || fmt.Sprint(gotMeta) != fmt.Sprint(wantMeta) {
				t.Errorf("%s %q:\ngot  %s %v\nwant %s %v", format, doc, got, gotMeta, want, wantMeta)
			}
		}
	})
}

package content

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/sitegen"
)

// plainCases are YAML blocks and whether decodePlainYAML reads them
// itself (true) or leaves them to yaml.Unmarshal (false).
var plainCases = []struct {
	name  string
	src   string
	plain bool
}{
	{"post", "title: \"A field guide\"\nslug: a-field-guide\ndate: 2020-03-17T18:42:00Z\nauthor: jonas-patel\ncategories:\n  - \"Analytics\"\ntags:\n  - \"Tone of voice\"\n  - Facebook\nimage: /images/a.jpg\nimage_alt: 'A photo'\nfeatured: true\nweight: 3\n", true},
	{"comment", "author: \"Freya Whitfield\"\nemail_hash: 3e42ba6c6c98\ndate: 2019-07-24T20:46:00Z\nstatus: rejected\nparent: 12\n", true},
	{"list at the key's indent", "tags:\n- a\n- b\ntitle: T\n", true},
	{"empty value", "summary:\ntitle: T\n", true},
	{"empty value last", "title: T\nsummary:", true},
	{"nulls, numbers and words", "a: ~\nb: null\nc: 0x1F\nd: 1_000\ne: .inf\nf: yes\ng: 2013-06-10\nh: 1e3\ni: C# and F#\nj: a:b\nk: Why? Because.\n", true},
	{"unicode", "title: \"Café “quoted” ✓\"\nname: Zoë\n", true},
	{"blank lines", "\ntitle: T\n\n\ndate: 2013-06-10\n", true},
	{"trailing spaces", "title: T   \ntags:\n  - a  \n", true},
	{"quoted with colon and hash", "title: \"a: b # c\"\n", true},

	{"comment line", "# note\ntitle: T\n", false},
	{"trailing comment", "title: T # note\n", false},
	{"nested map", "originally_appeared_on:\n  site: LinkedIn\n  url: https://x.example/\n  date: 2013-06-10\ntitle: T\n", true},
	{"nested map, then list", "image_credit:\n    text: \"Photo\"\n    url: 'https://x.example/'\ntags:\n- a\n", true},
	{"list in nested map", "a:\n  b:\n    - c\n", false},
	{"empty value in nested map", "a:\n  b:\n  c: d\n", false},
	{"uneven nested map", "a:\n  b: c\n   d: e\n", false},
	{"duplicate nested key", "a:\n  b: c\n  b: d\n", false},
	{"blank line in nested map", "a:\n  b: c\n\n  d: e\n", false},
	{"comment in nested map", "a:\n  # b\n  c: d\n", false},
	{"flow list", "tags: [a, b]\n", false},
	{"flow map", "tags: {a: b}\n", false},
	{"multi-line plain", "title: a\n  b\n", false},
	{"multi-line list item", "tags:\n  - a\n    b\n", false},
	{"uneven list", "tags:\n  - a\n - b\n", false},
	{"blank line in list", "tags:\n  - a\n\n  - b\n", false},
	{"nested list", "tags:\n  - - a\n", false},
	{"map in list", "tags:\n  - a: b\n", false},
	{"escape", "title: \"a\\tb\"\n", false},
	{"single-quote escape", "title: 'it''s'\n", false},
	{"unclosed quote", "title: \"a\n", false},
	{"text after quote", "title: \"a\" b\n", false},
	{"block scalar", "summary: |\n  text\n", false},
	{"anchor", "a: &x 1\nb: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"duplicate key", "title: A\ntitle: B\n", false},
	{"space before colon", "title : A\n", false},
	{"no space after colon", "title:A\n", false},
	{"colon space in value", "title: a: b\n", false},
	{"colon at end", "title: a:\n", false},
	{"tab", "title:\tA\n", false},
	{"carriage return", "title: A\r\n", false},
	{"line separator", "title: a\u2028b\n", false},
	{"next line", "title: a\u0085b\n", false},
	{"dash value", "n: -5\n", false},
	{"digit key", "1: a\n", false},
	{"merge key", "<<: {a: 1}\n", false},
	{"document marker", "title: A\n---\n", false},
	{"scalar document", "just text\n", false},
	{"empty", "", false},
	{"blank", "\n\n", false},
}

func TestDecodePlainYAML(t *testing.T) {
	for _, tc := range plainCases {
		t.Run(tc.name, func(t *testing.T) {
			var got map[string]any
			ok, err := decodePlainYAML([]byte(tc.src), &got)
			if ok != tc.plain {
				t.Fatalf("read as plain: %v, want %v", ok, tc.plain)
			}
			if ok {
				checkAsUnmarshal(t, []byte(tc.src), got, err)
			}
		})
	}
}

// FuzzPlainYAML holds decodePlainYAML to yaml.Unmarshal on every block it
// reads itself.
func FuzzPlainYAML(f *testing.F) {
	for _, tc := range plainCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var got map[string]any
		if ok, err := decodePlainYAML([]byte(src), &got); ok {
			checkAsUnmarshal(t, []byte(src), got, err)
		}
	})
}

// checkAsUnmarshal fails unless yaml.Unmarshal decodes src without error
// into what decodePlainYAML returned (got, err).
func checkAsUnmarshal(t *testing.T, src []byte, got map[string]any, err error) {
	t.Helper()
	var want map[string]any
	wantErr := yaml.Unmarshal(src, &want)
	if err != nil || wantErr != nil {
		t.Fatalf("%q: decodePlainYAML error %v, yaml.Unmarshal error %v", src, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\ndecodePlainYAML %#v\nyaml.Unmarshal  %#v", src, got, want)
	}
}

// TestGeneratedFrontMatterIsPlain checks that the front matter of every
// post and comment of a generated site, written as blogen's users write
// theirs, takes the plain path: were it to fall back to yaml.Unmarshal, a
// build would lose what decodePlainYAML saves.
func TestGeneratedFrontMatterIsPlain(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.Options{Posts: 60}); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := fs.WalkDir(os.DirFS(dir), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasPrefix(p, "content/authors/") {
			return err
		}
		src, err := fs.ReadFile(os.DirFS(dir), p)
		if err != nil {
			return err
		}
		end := frontEnd(src, "---")
		if end == 0 {
			t.Errorf("%s: no YAML front matter", p)
			return nil
		}
		block := src[bytes.IndexByte(src, '\n')+1 : bytes.LastIndexByte(src[:end-1], '\n')+1]
		var got map[string]any
		if ok, err := decodePlainYAML(block, &got); !ok || err != nil {
			t.Errorf("%s: front matter not read as plain (%v):\n%s", p, err, block)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Fatalf("checked %d files, want the 60 posts and their comments", n)
	}
}

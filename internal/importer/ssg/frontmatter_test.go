package ssg

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestEditFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		set       []Field
		want      string
	}{
		{"yaml keeps order and comments", "---\ntitle: A # the title\ntags: [x]\n---\nBody\n", []Field{{"slug", "a-b"}},
			"---\ntitle: A # the title\ntags: [x]\nslug: a-b\n---\nBody\n"},
		{"yaml replaces a key", "---\ntitle: A\nslug: old\n---\nBody\n", []Field{{"slug", "new"}},
			"---\ntitle: A\nslug: new\n---\nBody\n"},
		{"toml becomes yaml in its order", "+++\ntitle = \"A\"\ndate = 2020-01-02\n[taxonomies]\ntags = [\"x\"]\n+++\nBody\n", []Field{{"aliases", []string{"/old/"}}},
			"---\ntitle: A\ndate: 2020-01-02T00:00:00Z\ntaxonomies:\n  tags:\n    - x\naliases:\n  - /old/\n---\nBody\n"},
		{"no front matter", "Body\n", []Field{{"title", "T"}}, "---\ntitle: T\n---\nBody\n"},
		{"nothing to set", "+++\ntitle = \"A\"\n+++\n", nil, "+++\ntitle = \"A\"\n+++\n"},
	}
	for _, tt := range tests {
		got, err := EditFrontMatter([]byte(tt.src), tt.set...)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestAddAlias(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: A\n---\n":                           "aliases:\n  - /old/\n",
		"---\ntitle: A\nredirect_from: /x/\n---\n":       "redirect_from:\n  - /x/\n  - /old/\n",
		"---\ntitle: A\naliases: [/x/]\n---\n":           "aliases:\n  - /x/\n  - /old/\n",
		"+++\ntitle = \"A\"\naliases = [\"/x/\"]\n+++\n": "aliases:\n  - /x/\n  - /old/\n",
	} {
		got, err := addAlias([]byte(src), "/old/")
		if err != nil || !strings.Contains(string(got), want) {
			t.Errorf("addAlias(%q) = %q, %v; want it to hold %q", src, got, err, want)
		}
	}
}

// FuzzEditFrontMatter holds that an edit never panics and that what it
// writes is YAML front matter holding the key it set.
func FuzzEditFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nBody\n"))
	f.Add([]byte("+++\ntitle = \"A\"\n[extra]\nx = 1\n+++\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Add([]byte("+++\n+++"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := EditFrontMatter(src, Field{"slug", "s"})
		if err != nil {
			return
		}
		format, fm, _ := SplitFrontMatter(out)
		var m map[string]any
		if format != "yaml" || yaml.Unmarshal(fm, &m) != nil || m["slug"] != "s" {
			t.Fatalf("EditFrontMatter(%q) = %q: not YAML front matter with slug: s", src, out)
		}
	})
}

package content

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestFrontMatterLimits parses posts whose front matter is too large or
// too deep for the decoders, and posts near the limits that are fine.
func TestFrontMatterLimits(t *testing.T) {
	const deep, fine = MaxFrontMatterDepth + 8, MaxFrontMatterDepth - 2
	yamlIndent := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat("  ", i), i)
		}
		return b.String() + strings.Repeat("  ", n) + "v: 1\n"
	}
	tooBig := "its front matter block is over the limit of 64 KiB; keep metadata in the front matter and move long text into the body"
	tooDeep := "the front matter nests deeper than 32 levels; flatten it: front matter holds a post's metadata, a few levels deep at most"
	head := "title: T\ndate: 2024-01-02\n"
	tomlHead := "title = \"T\"\ndate = 2024-01-02\n"
	tests := []struct {
		name, src string
		want      string // the error, "" for none
	}{
		{"TOML inline tables", "+++\n" + tomlHead + "a = " + strings.Repeat("{a=", deep) + "1" + strings.Repeat("}", deep) + "\n+++\n", "a.md:4: " + tooDeep},
		{"TOML inline tables within the limit", "+++\n" + tomlHead + "a = " + strings.Repeat("{a=", fine) + "1" + strings.Repeat("}", fine) + "\n+++\n", ""},
		{"TOML arrays", "+++\n" + tomlHead + "a = " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n+++\n", "a.md:4: " + tooDeep},
		{"TOML arrays over lines", "+++\n" + tomlHead + "a = [\n" + strings.Repeat("[\n", deep) + strings.Repeat("]\n", deep) + "]\n+++\n", "a.md:36: " + tooDeep},
		{"TOML dotted keys", "+++\n" + tomlHead + strings.Repeat("a.", deep) + "a = 1\n+++\n", "a.md:4: " + tooDeep},
		{"TOML dotted keys within the limit", "+++\n" + tomlHead + strings.Repeat("a.", fine) + "a = 1\n+++\n", ""},
		{"TOML dotted keys in inline tables", "+++\n" + tomlHead + "a = " + strings.Repeat("{a.a.a=", deep/3) + "1" + strings.Repeat("}", deep/3) + "\n+++\n", "a.md:4: " + tooDeep},
		{"TOML table header", "+++\n" + tomlHead + "[" + strings.Repeat("a.", deep) + "a]\nb = 1\n+++\n", "a.md:4: " + tooDeep},
		{"TOML below a deep header", "+++\n" + tomlHead + "[" + strings.Repeat("a.", 20) + "a]\n" + strings.Repeat("b.", 20) + "b = 1\n+++\n", "a.md:5: " + tooDeep},
		{"TOML tables and arrays of tables", "+++\n" + tomlHead + "[extra]\nx = 1.5\n[[extra.list]]\ny = [1.5, 2.5, 3.5, {z = 1}]\n[extra.more]\nz = 2\n+++\n", ""},
		{"TOML brackets in strings and comments", "+++\n" + tomlHead + "a = \"" + strings.Repeat("[{", 40) + "\"\nb = '" + strings.Repeat("[", 40) + "'\n# " + strings.Repeat("[", 40) +
			"\nc = \"\"\"\n" + strings.Repeat("[", 40) + "\n\"\"\"\nd = '''" + strings.Repeat("{", 40) + "'''\n+++\n", ""},
		{"TOML floats in a long array", "+++\n" + tomlHead + "a = [" + strings.Repeat("1.5, ", 200) + "2.5]\n+++\n", ""},
		{"YAML flow lists", "---\n" + head + "a: " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n---\n", "a.md:4: " + tooDeep},
		{"YAML flow maps with a tag", "---\n" + head + "a: !!map " + strings.Repeat("{a: ", deep) + "1" + strings.Repeat("}", deep) + "\n---\n", "a.md:4: " + tooDeep},
		{"YAML flow over lines", "---\n" + head + "a: [\n" + strings.Repeat("[\n", deep) + strings.Repeat("]\n", deep) + "]\n---\n", "a.md:36: " + tooDeep},
		{"YAML flow within the limit", "---\n" + head + "a: " + strings.Repeat("[", fine) + strings.Repeat("]", fine) + "\nb: 1\n---\n", ""},
		{"YAML indentation", "---\n" + head + yamlIndent(deep) + "---\n", "a.md:37: " + tooDeep},
		{"YAML indentation within the limit", "---\n" + head + yamlIndent(fine) + "---\n", ""},
		{"YAML sequences on one line", "---\n" + head + "a:\n" + strings.Repeat("- ", deep) + "x\n---\n", "a.md:5: " + tooDeep},
		{"YAML brackets in text", "---\n" + head + "summary: Why [[wiki links]] and " + strings.Repeat("[", 40) + " matter\nquoted: \"" + strings.Repeat("{", 40) +
			"\"\nsingle: '" + strings.Repeat("[", 40) + "'\n# " + strings.Repeat("[", 40) + "\n---\n", ""},
		{"YAML a block scalar of indented text", "---\n" + head + "description: |\n  " + strings.ReplaceAll(yamlIndent(40), "\n", "\n  ") + "tags: [a, b]\n---\n", ""},
		{"YAML a nested post", "---\n" + head + "originally_appeared_on:\n  site: LinkedIn\n  url: https://x.example/\nimage_credit:\n  text: T\ntags:\n  - a\n  - b\n---\n", ""},
		{"JSON", "{\n\"title\": \"T\",\n\"date\": \"2024-01-02\",\n\"a\": " + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "\n}\n\n", "a.md:4: " + tooDeep},
		{"JSON brackets in strings", "{\n\"title\": \"T\",\n\"date\": \"2024-01-02\",\n\"a\": \"" + strings.Repeat("[\\\"", 40) + "\"\n}\n\nBody " + strings.Repeat("[", 40) + "\n", ""},
		{"YAML too large", "---\n" + head + strings.Repeat("k: "+strings.Repeat("v", 60)+"\n", 1100) + "---\n", "a.md:1: " + tooBig},
		{"YAML large but within the limit", "---\n" + head + "description: " + strings.Repeat("v", MaxFrontMatter-100) + "\n---\n", ""},
		{"TOML too large", "+++\n" + tomlHead + "a = \"" + strings.Repeat("v", MaxFrontMatter) + "\"\n+++\n", "a.md:1: " + tooBig},
		{"JSON too large", "{\n\"title\": \"T\",\n\"date\": \"2024-01-02\",\n\"a\": \"" + strings.Repeat("v", MaxFrontMatter) + "\"\n}\n\n", "a.md:1: " + tooBig},
		{"a long body", "---\n" + head + "---\n" + strings.Repeat("[{", MaxFrontMatter), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePost("a.md", []byte(tt.src))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != strings.ReplaceAll(tt.want, "its front matter", "the front matter") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestQuadraticTOMLIsRefusedFast parses the front matter that took
// BurntSushi/toml 15 seconds and 2.7 GB: 32 KB of nested inline tables.
func TestQuadraticTOMLIsRefusedFast(t *testing.T) {
	n := 32 << 10 / 4
	src := "+++\ntitle = \"T\"\na = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n+++\n"
	start := time.Now()
	_, err := ParsePost("a.md", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "a.md:3: the front matter nests deeper than 32 levels") {
		t.Errorf("got %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

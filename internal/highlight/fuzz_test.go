package highlight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// fuzzLanguages are the languages FuzzTokenise compares. The environment
// variable HIGHLIGHT_FUZZ_LANGS (a comma-separated list) narrows them, to
// spend a fuzzing run on a few.
var fuzzLanguages = []string{"go", "python", "yaml", "js", "html", "css", "bash", "markdown", "sql"}

// fuzzSeeds are small inputs per language, beside the samples in testdata.
var fuzzSeeds = map[string][]string{
	"go":       {"package main\n\nfunc main() {\n\tx := `raw` + \"s\\n\" // c\n}\n", "/* open"},
	"python":   {"def f(x: int) -> str:\n    return f'{x!r:>10}'\n", "'''open\n", "@dec\nclass C(B): pass\n"},
	"yaml":     {"key: value\nlist:\n  - a\n  - {b: c}\n# comment\ntext: |\n  block\n", "---\n&a !!map {x: *a}\n"},
	"js":       {"const re = /a[/]b/g; let s = `t${x}`;\n", "if (a < b) { x = y / 2 / z; }\n"},
	"html":     {"<!DOCTYPE html><p class=\"x\">a &amp; b</p><script>let x = 1 < 2;</script><style>p { color: red }</style>\n"},
	"css":      {"@media (max-width: 600px) { .a > b::before { content: \"x\"; margin: 0 auto !important } }\n"},
	"bash":     {"#!/bin/sh\nfor f in *.md; do echo \"${f%.md}\" $((1+2)); done <<EOF\nx\nEOF\n"},
	"markdown": {"---\ntitle: x\n---\n# H\n\n```go\nx := 1\n```\n\n- *a* **b** `c` [d](e)\n"},
	"sql":      {"SELECT a, COUNT(*) FROM t WHERE b = 'x''y' -- c\nGROUP BY a;\n/* c */ INSERT INTO t VALUES (1, 2.5e3);\n"},
}

// maxFuzzInput bounds fuzz inputs: chroma's own lexers can take long on
// large pathological input.
const maxFuzzInput = 4 << 10

// FuzzTokenise checks that the fast lexers produce chroma's tokens for
// any input.
func FuzzTokenise(f *testing.F) {
	langs := fuzzLanguages
	if only := os.Getenv("HIGHLIGHT_FUZZ_LANGS"); only != "" {
		langs = strings.Split(only, ",")
	}
	for i, lang := range langs {
		for _, seed := range fuzzSeeds[lang] {
			f.Add(uint8(i), seed)
		}
		for _, s := range benchSources {
			if s.lang == lang {
				addFile(f, uint8(i), s.path)
			}
		}
		if sample := filepath.Join("testdata", "lexers", lang+".actual"); fileExists(sample) {
			addFile(f, uint8(i), sample)
		}
	}
	f.Fuzz(func(t *testing.T, lang uint8, src string) {
		if len(src) > maxFuzzInput {
			return
		}
		name := langs[int(lang)%len(langs)]
		compareLexers(t, lexers.Get(name), Get(name), nil, src)
	})
}

// addFile adds the start of a file to the corpus.
func addFile(f *testing.F, lang uint8, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(lang, string(data[:min(len(data), maxFuzzInput)]))
}

// fileExists reports whether path exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

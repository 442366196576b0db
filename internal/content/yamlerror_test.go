package content

import "testing"

// TestYAMLErrorLines checks the line of YAML front matter errors, counted
// from the first line of the file, for the errors of yaml.v3's scanner,
// parser and decoder alike.
func TestYAMLErrorLines(t *testing.T) {
	const head = "---\ntitle: A\ndate: 2024-01-02\n"
	tests := []struct{ name, src, want string }{
		{"a key indented in the wrong place (parser)", head + "x:\n  - a\n - b\n---\n", "a.md:6: malformed YAML front matter: did not find expected key"},
		{"a flow list never closed (parser)", head + "tags: [a,\nb: c\n---\n", "a.md:4: malformed YAML front matter: did not find expected ',' or ']'"},
		{"a character that cannot start a value (scanner)", head + "x: @foo\n---\n", "a.md:4: malformed YAML front matter: found character that cannot start any token"},
		{"a value that is a mapping (scanner)", head + "bad: x: y\n---\n", "a.md:4: malformed YAML front matter: mapping values are not allowed in this context"},
		{"a key set twice (decoder)", head + "title: B\n---\n", `a.md:4: malformed YAML front matter: mapping key "title" already defined at line 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePost("a.md", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
	"github.com/blogen/blogen/internal/termsafe"
)

// hostileSite has comments whose author, text and file name carry
// terminal escape sequences (clear the screen, set the clipboard), a NUL
// and a bidirectional override, and a post whose front matter is broken
// by such a key.
const hostileSite = `
-- site.toml --
base_url = "https://example.org/"
-- content/posts/hello.md --
---
title: Hello
date: 2020-01-02
---
Hello.
-- content/posts/` + "\x1b]0;title\x07" + `.md --
---
title: "Broken\e[2J"
date: "\e[31mtomorrow"
---
Broken.
-- content/comments/hello/001.md --
---
author: "Ana\e[2J\e[H\u202eRuiz"
date: 2020-01-03
status: pending
---
Text with an OSC 52 ` + "\x1b]52;c;ZXZpbA==\x07" + ` and a NUL ` + "\x00" + ` and a C1 ` + "\u009b" + `31m in it.
-- content/comments/hello/` + "\x1b[2J\u202e" + `.md --
---
author: Rita
date: 2020-01-03
status: approved
---
Great post!!
`

// TestHostileBytesAreEscaped runs the commands that print reader text
// and checks that no byte of it reaches the terminal unescaped.
func TestHostileBytesAreEscaped(t *testing.T) {
	s := sitetest.Write(t, hostileSite)
	tests := []struct {
		args []string
		want []string // in stdout or stderr, escaped
	}{
		{[]string{"comments", "list"}, []string{`Ana\x1b[2J\x1b[H\u202eRuiz`, `OSC 52 \x1b]52;c;ZXZpbA==\x07 and a NUL \x00 and a C1 \u009b`, `hello/\x1b[2J\u202e`}},
		{[]string{"lint"}, []string{`content/comments/hello/\x1b[2J\u202e.md: reject [brief]`}},
		{[]string{"lint", "--format", "json"}, []string{`hello/\u001b[2J\u202e.md`}},
		{[]string{"build"}, []string{`content/posts/\x1b]0;title\x07.md:3:`}},
		{[]string{"comments", "approve", "hello/\x1b[2J\u202e"}, []string{`hello/\x1b[2J\u202e`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			Main(context.Background(), append(tt.args, "-s", s.Dir), &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && termsafe.Escaped(r) }); i >= 0 {
				t.Errorf("blogen %s printed %U raw:\n%q", strings.Join(tt.args, " "), []rune(out[i:])[0], out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("blogen %s did not print %q:\n%s", strings.Join(tt.args, " "), w, out)
				}
			}
		})
	}
}

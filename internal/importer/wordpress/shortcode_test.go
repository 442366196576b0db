package wordpress

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// testMedia is a fixed set of attachments for shortcode tests.
type testMedia map[int64]attachment

func (m testMedia) attachment(id int64) (attachment, bool) {
	a, ok := m[id]
	return a, ok
}

func (m testMedia) children(parent int64) []int64 {
	var ids []int64
	for _, id := range slices.Sorted(maps.Keys(m)) {
		if m[id].parent == parent {
			ids = append(ids, id)
		}
	}
	return ids
}

var shortcodeMedia = testMedia{
	1: {url: "https://x.test/a.jpg", caption: "First", parent: 7},
	2: {url: "https://x.test/b.jpg", alt: "Bee", parent: 7},
	3: {url: "https://x.test/c.jpg", parent: 8},
}

func TestShortcodes(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        []string
	}{
		{"no shortcodes", "plain [sic] text [1] [see page 5]", "plain [sic] text [1] [see page 5]", nil},
		{"caption in content", `[caption id="a" width="300"]<img src="a.jpg" alt="" /> A cat[/caption]`,
			"\n\n<p><img alt=\"A cat\" src=\"a.jpg\" /></p>\n\n<p><em>A cat</em></p>\n\n", nil},
		{"caption attribute", `[caption caption="By <b>Bo</b>"]<a href="big.jpg"><img src="a.jpg" alt="Cat"></a>[/caption]`,
			"\n\n<p><a href=\"big.jpg\"><img src=\"a.jpg\" alt=\"Cat\"></a></p>\n\n<p><em>By <b>Bo</b></em></p>\n\n", nil},
		{"caption without image", `[caption]Just text[/caption]`, "\n\n<p>Just text</p>\n\n", nil},
		{"wp_caption", `[wp_caption]<img src="a.jpg"> Hi[/wp_caption]`, "\n\n<p><img alt=\"Hi\" src=\"a.jpg\"></p>\n\n<p><em>Hi</em></p>\n\n", nil},
		{"gallery ids", `[gallery ids="2,99,1"]`,
			"<p><img src=\"https://x.test/b.jpg\" alt=\"Bee\" /></p>\n\n<p><img src=\"https://x.test/a.jpg\" alt=\"First\" /></p>\n\n<p><em>First</em></p>\n\n", nil},
		{"gallery of the post", `[gallery columns="2"]`, "<p><img src=\"https://x.test/c.jpg\" alt=\"\" /></p>\n\n", nil},
		{"gallery with nothing found", `[gallery ids="99"]`, "", []string{"gallery"}},
		{"embed", `[embed width="500"]https://youtu.be/x[/embed]`, "\n\n<p><a href=\"https://youtu.be/x\">https://youtu.be/x</a></p>\n\n", nil},
		{"video", `[video width="640" mp4="https://x.test/v.mp4"][/video]`, "\n\n<p><a href=\"https://x.test/v.mp4\">https://x.test/v.mp4</a></p>\n\n", nil},
		{"audio src", `[audio src="https://x.test/a.mp3"]`, "\n\n<p><a href=\"https://x.test/a.mp3\">https://x.test/a.mp3</a></p>\n\n", nil},
		{"jetpack youtube", `[youtube=https://www.youtube.com/watch?v=x&w=640]`, "\n\n<p><a href=\"https://www.youtube.com/watch?v=x&amp;w=640\">https://www.youtube.com/watch?v=x&amp;w=640</a></p>\n\n", nil},
		{"vimeo id", `[vimeo 123]`, "\n\n<p><a href=\"https://vimeo.com/123\">https://vimeo.com/123</a></p>\n\n", nil},
		{"media without address", `[video]`, "", []string{"video"}},
		{"code", "[code language=\"go\"]\nif a < b {}\n[/code]", "\n\n<pre><code class=\"language-go\">if a &lt; b {}</code></pre>\n\n", nil},
		{"sourcecode escaped", `[sourcecode lang="html"]&lt;b&gt;[/sourcecode]`, "\n\n<pre><code class=\"language-html\">&lt;b&gt;</code></pre>\n\n", nil},
		{"bad language ignored", `[code lang="a b<"]x[/code]`, "\n\n<pre><code>x</code></pre>\n\n", nil},
		{"unknown self-closing", `Before [contact-form-7 id="1" title="Contact"] after`, "Before  after", []string{"contact-form-7"}},
		{"unknown enclosing keeps text", `[note type="x"]Keep [b]me[/b][/note]`, "Keep me", []string{"note", "b"}},
		{"escaped", `Type [[gallery]] or [[b]x[/b]]`, "Type [gallery] or [b]x[/b]", nil},
		{"unclosed bracket", `a [caption b`, "a [caption b", nil},
		{"nested caption", `[caption]<img src="a.jpg"> [embed]https://x.test[/embed][/caption]`,
			"\n\n<p><img alt=\"https://x.test\" src=\"a.jpg\"></p>\n\n<p><a href=\"https://x.test\">https://x.test</a></p>\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var removed []string
			ex := newExpander(shortcodeMedia, 8, func(name string) { removed = append(removed, name) })
			if got := ex.expand(tt.in); got != tt.want {
				t.Errorf("expand(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if !slices.Equal(removed, tt.removed) {
				t.Errorf("removed %v, want %v", removed, tt.removed)
			}
		})
	}
}

func TestParseAttrs(t *testing.T) {
	tests := []struct {
		in    string
		attrs map[string]string
		pos   []string
	}{
		{` id="a b" Width='3' align=left`, map[string]string{"id": "a b", "width": "3", "align": "left"}, nil},
		{` "quoted" 'single' bare`, map[string]string{}, []string{"quoted", "single", "bare"}},
		{`=https://x.test/?a=1`, map[string]string{}, []string{"https://x.test/?a=1"}},
		{"\u00a0ids=\"1,2\"", map[string]string{"ids": "1,2"}, nil},
	}
	for _, tt := range tests {
		attrs, pos := parseAttrs(tt.in)
		if !maps.Equal(attrs, tt.attrs) || !slices.Equal(pos, tt.pos) {
			t.Errorf("parseAttrs(%q) = %v %v, want %v %v", tt.in, attrs, pos, tt.attrs, tt.pos)
		}
	}
}

func TestShortcodesLinear(t *testing.T) {
	// Many openings without a closing tag must not make expansion quadratic.
	in := strings.Repeat(`[note a="1"]x `, 20000)
	ex := newExpander(shortcodeMedia, 0, func(string) {})
	if got := ex.expand(in); strings.Contains(got, "[note") {
		t.Fatalf("shortcodes left in %q", got[:80])
	}
}

func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{
		`[caption id="a"]<img src="a.jpg"> A[/caption]`, `[gallery ids="1,2"]`, `[[x]]`,
		`[embed]https://x.test[/embed]`, `[code lang="go"]a<b[/code]`, `[a b="c"][a][/a]`, `[youtube=x]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ex := newExpander(shortcodeMedia, 8, func(string) {})
		ex.expand(s)
	})
}

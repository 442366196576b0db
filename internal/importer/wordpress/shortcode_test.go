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
	4: {url: "https://x.test/d.jpg", caption: `By <a href="https://bo.test/">Bo</figure></a>`, parent: 9},
}

const ytEmbed = `<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/x?autoplay=1"><a href="https://www.youtube.com/watch?v=x">Watch the video on YouTube</a></figure>`

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
		{"caption placed right", `[caption id="a" align="alignright" width="300"]<img src="a.jpg" alt="" /> A <b>cat</b>[/caption]`,
			"\n\n<p>" + `<figure class="alignright"><img src="a.jpg" alt="A cat"/><figcaption>A <b>cat</b></figcaption></figure>` + "</p>\n\n", nil},
		{"caption placed nowhere", `[caption align="alignnone"]<img src="a.jpg" alt="Cat"> A cat[/caption]`,
			"\n\n<p><img src=\"a.jpg\" alt=\"Cat\"></p>\n\n<p><em>A cat</em></p>\n\n", nil},
		{"caption without image", `[caption]Just text[/caption]`, "\n\n<p>Just text</p>\n\n", nil},
		{"wp_caption", `[wp_caption]<img src="a.jpg"> Hi[/wp_caption]`, "\n\n<p><img alt=\"Hi\" src=\"a.jpg\"></p>\n\n<p><em>Hi</em></p>\n\n", nil},
		{"gallery ids", `[gallery ids="2,99,1"]`,
			"\n\n<p>" + `<figure class="gallery gallery-columns-3"><figure><img src="https://x.test/b.jpg" alt="Bee"></figure>` +
				`<figure><img src="https://x.test/a.jpg" alt="First"><figcaption>First</figcaption></figure></figure>` + "</p>\n\n", nil},
		{"gallery of the post", `[gallery columns="2" link="file"]`, "\n\n<p>" + `<figure class="gallery gallery-columns-2"><figure><a href="https://x.test/c.jpg"><img src="https://x.test/c.jpg" alt=""></a></figure></figure>` + "</p>\n\n", nil},
		{"gallery columns within reason", `[gallery ids="3" columns="40"]`, "\n\n<p>" + `<figure class="gallery gallery-columns-6"><figure><img src="https://x.test/c.jpg" alt=""></figure></figure>` + "</p>\n\n", nil},
		{"gallery caption cannot close the figure", `[gallery ids="4"]`, "\n\n<p>" + `<figure class="gallery gallery-columns-3"><figure><img src="https://x.test/d.jpg" alt="By Bo"><figcaption>By <a href="https://bo.test/">Bo</a></figcaption></figure></figure>` + "</p>\n\n", nil},
		{"gallery with nothing found", `[gallery ids="99"]`, "", []string{"gallery"}},
		{"embed", `[embed width="500"]https://youtu.be/x[/embed]`, "\n\n<p>" + ytEmbed + "</p>\n\n", nil},
		{"embed of a page", `[embed]https://x.test/page[/embed]`, "\n\n<p><a href=\"https://x.test/page\">https://x.test/page</a></p>\n\n", nil},
		{"embed of a video file", `[embed]https://x.test/v.webm[/embed]`, "\n\n<p>" + `<figure class="media media-video"><video controls preload="none" src="https://x.test/v.webm"><a href="https://x.test/v.webm">Download the video</a></video></figure>` + "</p>\n\n", nil},
		{"video", `[video width="640" height="360" mp4="https://x.test/v.mp4" poster="https://x.test/p.jpg"][/video]`, "\n\n<p>" + `<figure class="media media-video"><video controls preload="none" src="https://x.test/v.mp4" poster="https://x.test/p.jpg" width="640" height="360"><a href="https://x.test/v.mp4">Download the video</a></video></figure>` + "</p>\n\n", nil},
		{"video in two formats", `[video mp4="https://x.test/v.mp4" webm="https://x.test/v.webm" width="1e9"]`, "\n\n<p>" + `<figure class="media media-video"><video controls preload="none"><source src="https://x.test/v.mp4" type="video/mp4"><source src="https://x.test/v.webm" type="video/webm"><a href="https://x.test/v.mp4">Download the video</a></video></figure>` + "</p>\n\n", nil},
		{"video of YouTube", `[video src="https://www.youtube.com/watch?v=x"]`, "\n\n<p>" + ytEmbed + "</p>\n\n", nil},
		{"audio src", `[audio src="https://x.test/a.mp3"]`, "\n\n<p>" + `<figure class="media media-audio"><audio controls preload="none" src="https://x.test/a.mp3"><a href="https://x.test/a.mp3">Download the audio</a></audio></figure>` + "</p>\n\n", nil},
		{"jetpack youtube", `[youtube=https://www.youtube.com/watch?v=x&w=640]`, "\n\n<p>" + ytEmbed + "</p>\n\n", nil},
		{"vimeo id", `[vimeo 123]`, "\n\n<p>" + `<figure class="embed embed-vimeo" data-embed="https://player.vimeo.com/video/123?dnt=1&amp;autoplay=1"><a href="https://vimeo.com/123">Watch the video on Vimeo</a></figure>` + "</p>\n\n", nil},
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
		{"media of another scheme", `[audio src="javascript:alert(1)"]`, "", []string{"audio"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var removed []string
			ex := newExpander(shortcodeMedia, 8, func(name string) { removed = append(removed, name) })
			if got := ex.blocks.restore(ex.expand(tt.in)); got != tt.want {
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

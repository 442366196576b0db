package embed

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Embed
		ok   bool
	}{
		{"https://www.youtube.com/watch?v=w7Ft2ymGmfc", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc"}, true},
		{"http://youtube.com/watch?feature=share&v=w7Ft2ymGmfc&t=1m30s", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc", Start: 90}, true},
		{"https://youtu.be/w7Ft2ymGmfc?t=42", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc", Start: 42}, true},
		{"https://m.youtube.com/shorts/w7Ft2ymGmfc", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc"}, true},
		{"https://www.youtube.com/embed/w7Ft2ymGmfc?start=5", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc", Start: 5}, true},
		{"https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc"}, true},
		{"https://vimeo.com/55073825", Embed{Provider: Vimeo, ID: "55073825"}, true},
		{"https://vimeo.com/55073825/ab12cd", Embed{Provider: Vimeo, ID: "55073825", Hash: "ab12cd"}, true},
		{"https://player.vimeo.com/video/55073825?h=ab12cd", Embed{Provider: Vimeo, ID: "55073825", Hash: "ab12cd"}, true},
		{"https://vimeo.com/channels/staffpicks/55073825", Embed{Provider: Vimeo, ID: "55073825"}, true},
		{"https://twitter.com/SanDiegoZoo/status/1453110110599868418", Embed{Provider: X, User: "SanDiegoZoo", ID: "1453110110599868418"}, true},
		{"https://x.com/SanDiegoZoo/status/1453110110599868418?s=20", Embed{Provider: X, User: "SanDiegoZoo", ID: "1453110110599868418"}, true},
		{"https://gist.github.com/spf13/7896402", Embed{Provider: Gist, User: "spf13", ID: "7896402"}, true},
		{"https://gist.github.com/spf13/7896402.js", Embed{Provider: Gist, User: "spf13", ID: "7896402"}, true},
		{"https://www.youtube.com/channel/UCabc", Embed{}, false},
		{"https://www.youtube.com/watch?v=a%22b", Embed{}, false},
		{"https://vimeo.com/about", Embed{}, false},
		{"https://x.com/SanDiegoZoo", Embed{}, false},
		{"javascript:alert(1)//youtube.com/watch?v=x", Embed{}, false},
		{"https://youtube.com.evil.example/watch?v=x", Embed{}, false},
		{"https://user@youtube.com/watch?v=x", Embed{}, false},
		{"https://example.org/video.mp4", Embed{}, false},
		{"not a url", Embed{}, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name string
		e    Embed
		want string
	}{
		{"youtube", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc"},
			`<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">Watch the video on YouTube</a></figure>`},
		{"youtube from a time", Embed{Provider: YouTube, ID: "w7Ft2ymGmfc", Start: 90},
			`<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1&amp;start=90"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc&amp;t=90s">Watch the video on YouTube</a></figure>`},
		{"vimeo with a title", Embed{Provider: Vimeo, ID: "55073825", Hash: "ab12", Title: "A <talk>"},
			`<figure class="embed embed-vimeo" data-embed="https://player.vimeo.com/video/55073825?dnt=1&amp;autoplay=1&amp;h=ab12"><a href="https://vimeo.com/55073825/ab12">Watch the video on Vimeo: A &lt;talk&gt;</a></figure>`},
		{"x", Embed{Provider: X, User: "SanDiegoZoo", ID: "1453110110599868418"},
			`<figure class="embed embed-x"><a href="https://x.com/SanDiegoZoo/status/1453110110599868418">Read the post by @SanDiegoZoo on X</a></figure>`},
		{"x without a user", Embed{Provider: X, User: "i", ID: "1453110110599868418"},
			`<figure class="embed embed-x"><a href="https://x.com/i/status/1453110110599868418">Read the post on X</a></figure>`},
		{"gist file", Embed{Provider: Gist, User: "spf13", ID: "7896402", File: "img.html"},
			`<figure class="embed embed-gist"><a href="https://gist.github.com/spf13/7896402#file-img-html">View img.html on GitHub</a></figure>`},
		{"invalid", Embed{Provider: YouTube, ID: `"><script>`}, ""},
		{"unknown provider", Embed{Provider: "tiktok", ID: "1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.HTML(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// FuzzParse holds that whatever Parse accepts gives HTML on one line
// whose player, if any, is on one of FrameHosts, and that its link reads
// back as the same embed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"https://youtu.be/x?t=1h2m3s", "https://vimeo.com/1/ab", "https://x.com/a/status/1",
		"https://gist.github.com/a/b", "https://www.youtube.com/watch?v=a&t=", "http://player.vimeo.com/video/1?h=f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, ok := Parse(in)
		if !ok {
			return
		}
		h := e.HTML()
		if h == "" || strings.ContainsAny(h, "\n\r") {
			t.Fatalf("Parse(%q) gave HTML %q", in, h)
		}
		if p := e.Player(); p != "" && !strings.HasPrefix(p, FrameHosts[0]+"/") && !strings.HasPrefix(p, FrameHosts[1]+"/") {
			t.Fatalf("player %q is on no frame host", p)
		}
		back, ok := Parse(e.Link())
		if e.Provider != Gist && (!ok || back.ID != e.ID || back.Provider != e.Provider) {
			t.Fatalf("link %q of %+v reads back as %+v, %v", e.Link(), e, back, ok)
		}
	})
}

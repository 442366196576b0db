package dropin

import (
	"strconv"
	"strings"
	"testing"
)

// testLinks knows two posts.
func testLinks(ref string) (string, bool) {
	switch strings.TrimPrefix(ref, "_posts/") {
	case "2018-05-01-plans.md", "2018-05-01-plans", "plans.md", "inside/notes.md":
		return "/2018/05/plans/", true
	}
	return "", false
}

func TestConvert(t *testing.T) {
	opts := Options{Links: testLinks, Base: "/blog"}
	tests := []struct {
		name, in, want string
		problems       []string // each the start of a problem, "line: message"
	}{
		{"nothing to do", "Plain *text*.\n", "Plain *text*.\n", nil},
		{"highlight", "Before.\n\n{% highlight rust linenos %}\nfn main() {}\n{% endhighlight %}\n", "Before.\n\n```rust\nfn main() {}\n```\n", nil},
		{"raw", "{% raw %}{{ not.liquid }} {% if %}{% endraw %} done", "{{ not.liquid }} {% if %} done", nil},
		{"link and post_url", "[a]({% link _posts/2018-05-01-plans.md %}) [b]({% post_url 2018-05-01-plans %}#goals)", "[a](/2018/05/plans/) [b](/2018/05/plans/#goals)", nil},
		{"baseurl", "![x]({{ site.baseurl }}/img/x.png) {{site.url}}{{site.baseurl}}/y", "![x](/blog/img/x.png) /blog/y", nil},
		{"unknown Liquid", "a\n{% include note.html %}\n", "a\n{% include note.html %}\n", []string{"2: the Liquid tag {% include note.html %}"}},
		{"unknown output", "{{ page.title }}", "{{ page.title }}", []string{"1: the Liquid output {{ page.title }}"}},
		{"broken link", "{% post_url nope %}", "{% post_url nope %}", []string{`1: {% post_url nope %} links to "nope"`}},
		{"zola link", "[p](@/plans.md#goals) and [n](@/inside/notes.md) and [x](@/gone.md)", "[p](/2018/05/plans/#goals) and [n](/2018/05/plans/) and [x](@/gone.md)", []string{`1: @/gone.md links to "gone.md"`}},
		{"hugo highlight", "{{< highlight go \"linenos=table\" >}}\nx := 1\n{{< /highlight >}}\n", "```go\nx := 1\n```\n", nil},
		{"ref", `[p]({{< ref "plans.md" >}}) [q]({{< relref path="plans.md#a" >}})`, "[p](/2018/05/plans/) [q](/2018/05/plans/#a)", nil},
		{"figure", `{{< figure src="cat.jpg" title="Cat" caption="A cat" link="https://example.org/" >}}`,
			`<figure><a href="https://example.org/"><img src="cat.jpg" alt="A cat"></a><figcaption><strong>Cat</strong> A cat</figcaption></figure>`, nil},
		{"figure mid-sentence", `See {{< figure src="a.png" >}} and *more*.`, "See\n\n<figure><img src=\"a.png\" alt=\"\"></figure>\n\nand *more*.", nil},
		{"figure then a line", "{{< figure src=\"a.png\" >}}\nText *here*.\n", "<figure><img src=\"a.png\" alt=\"\"></figure>\n\nText *here*.\n", nil},
		{"figure on its own", "A.\n\n{{< figure src=\"a.png\" >}}\n\nB.\n", "A.\n\n<figure><img src=\"a.png\" alt=\"\"></figure>\n\nB.\n", nil},
		{"figure in a quote", `> Look {{< figure src="a.png" >}}`, "> Look\n>\n> <figure><img src=\"a.png\" alt=\"\"></figure>", nil},
		{"figure in a list", "1. Look {{< figure src=\"a.png\" >}} there\n", "1. Look\n\n   <figure><img src=\"a.png\" alt=\"\"></figure>\n\n   there\n", nil},
		{"figure in a table", "| a | {{< figure src=\"a.png\" >}} |\n", "| a | <figure><img src=\"a.png\" alt=\"\"></figure> |\n", nil},
		{"youtube", `{{< youtube w7Ft2ymGmfc >}}`, `<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">Watch the video on YouTube</a></figure>`, nil},
		{"vimeo", `{{< vimeo id="55073825" title="A talk" >}}`, `<figure class="embed embed-vimeo" data-embed="https://player.vimeo.com/video/55073825?dnt=1&amp;autoplay=1"><a href="https://vimeo.com/55073825">Watch the video on Vimeo: A talk</a></figure>`, nil},
		{"x", `{{< x user="SanDiegoZoo" id="1453110110599868418" >}}`, `<figure class="embed embed-x"><a href="https://x.com/SanDiegoZoo/status/1453110110599868418">Read the post by @SanDiegoZoo on X</a></figure>`, nil},
		{"gist", `{{< gist spf13 7896402 "img.html" >}}`, `<figure class="embed embed-gist"><a href="https://gist.github.com/spf13/7896402#file-img-html">View img.html on GitHub</a></figure>`, nil},
		{"youtube from a time", `{{< youtube id="w7Ft2ymGmfc" start="90" >}}`, `<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1&amp;start=90"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc&amp;t=90s">Watch the video on YouTube</a></figure>`, nil},
		{"tweet by id", `{{< tweet 1453110110599868418 >}}`, `<figure class="embed embed-x"><a href="https://x.com/i/status/1453110110599868418">Read the post on X</a></figure>`, nil},
		{"youtube id that is not one", `{{< youtube "a<b" >}}`, `{{< youtube "a<b" >}}`, []string{"1: the youtube shortcode names no video"}},
		{"unknown shortcode", "x\n\n{{< instagram BWNjjyYFxVx >}}", "x\n\n{{< instagram BWNjjyYFxVx >}}", []string{"3: the shortcode {{<instagram BWNjjyYFxVx>}}"}},
		{"commented shortcode", "Write {{</* youtube id */>}} to embed.", "Write {{< youtube id >}} to embed.", nil},
		{"code is left alone", "```\n{% include x %} {{< youtube a >}}\n```\n`{{ x }}` and\n\n    {{ y }}\n", "```\n{% include x %} {{< youtube a >}}\n```\n`{{ x }}` and\n\n    {{ y }}\n", nil},
		{"unclosed", "{% raw %} never closed", "{% raw %} never closed", []string{"1: {% endraw %} is missing"}},
		{"format strings", "Use `println!(\"{{}}\")` or {{ and }}.", "Use `println!(\"{{}}\")` or {{ and }}.", []string{"1: the Liquid output {{ and }}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := Convert([]byte(tt.in), opts)
			if string(got) != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if len(probs) != len(tt.problems) {
				t.Fatalf("problems %v, want %d", probs, len(tt.problems))
			}
			for i, p := range probs {
				if s := strconv.Itoa(p.Line) + ": " + p.Msg; !strings.HasPrefix(s, tt.problems[i]) {
					t.Errorf("problem %q, want it to start %q", s, tt.problems[i])
				}
			}
		})
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"{% highlight go %}\nx\n{% endhighlight %}", "{{< figure src=\"a\" >}}", "{% raw %}{{x}}{% endraw %}",
		"[a](@/b.md)", "```\n{{< x >}}\n```", "{{</* a */>}}", "{{< highlight >}}{{< /highlight >}}", "`{{`", "{%- link -%}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, probs := Convert([]byte(in), Options{Links: testLinks})
		lines := strings.Count(in, "\n") + 1
		for _, p := range probs {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem at line %d of %d: %v", p.Line, lines, p)
			}
		}
		if !MayConvert([]byte(in)) && string(out) != in {
			t.Fatalf("changed text with nothing to convert: %q -> %q", in, out)
		}
	})
}

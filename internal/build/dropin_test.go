package build_test

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// The tests of this file hold that posts copied from Zola, Jekyll and
// Hugo sites into content/posts build as they are.

func TestZolaPostsBuildAsTheyAre(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/_index.md --
+++
title = "Blog"
sort_by = "date"
+++
-- content/posts/all-hands.md --
+++
path = "2018/04/06/all-hands"
title = "All hands in Berlin"
authors = ["Ana Ruiz and Ben Okafor"]
aliases = ["2018/04/06/all-hands.html"]

[taxonomies]
tags = ["events", "team"]
categories = ["news"]

[extra]
team = "the core team"
team_url = "https://example.org/core/"
+++
We met. See [the plans](@/2018-05-01_plans.md#goals) and [the notes](@/inside/notes.md).
-- content/posts/releases/latest.md --
+++
template = "latest.html"
+++
-- content/posts/2018-05-01_plans.md --
+++
title = "Plans"
+++
Plans.
-- content/posts/inside/notes.md --
+++
title = "Notes"
date = 2018-06-01
+++
Notes.
`)
	s.Contains("2018/04/06/all-hands/index.html", "All hands in Berlin",
		`href="/tags/events/"`, `href="/categories/news/"`, `href="/authors/ben-okafor/"`,
		`href="/2018/05/plans/#goals"`, `href="/2018/06/notes/"`)
	s.Contains("2018/04/06/all-hands.html", "/2018/04/06/all-hands/")
	s.Contains("2018/index.html", "All hands in Berlin")
	if !strings.Contains(s.Result.String(), "content/posts/_index.md") || !strings.Contains(s.Result.String(), "content/posts/releases/latest.md") {
		t.Errorf("the summary does not note the skipped section file:\n%s", s.Result)
	}
}

func TestJekyllPostsBuildAsTheyAre(t *testing.T) {
	s := sitetest.Build(t, `
-- content/posts/2016-03-04-release.markdown --
---
layout: post
title: Release
categories: release rust
permalink: /releases/2016/release-1.7.html
---
Out now.
-- content/posts/2016-03-05-social.md --
---
title: Social
categories: Social Media
---
Hello.
`)
	s.Contains("releases/2016/release-1.7.html", "Out now.", `href="/categories/release/"`, `href="/categories/rust/"`)
	s.Contains("2016/03/social/index.html", `href="/categories/social-media/"`)
}

func TestLiquidTagsAndShortcodesRenderAsMeant(t *testing.T) {
	s := sitetest.Build(t, `
-- site.toml --
base_url = "https://example.org/blog/"
minify = false
-- content/posts/2016-03-04-jekyll.md --
---
layout: post
title: Jekyll
---
See [the release]({% post_url 2016-03-01-release %}) and ![logo]({{ site.baseurl }}/img/logo.png).

{% highlight rust %}
fn main() { println!("{}", 1); }
{% endhighlight %}

{% raw %}Templates use {{ page.title }}.{% endraw %}

{% include note.html %}
-- content/posts/2016-03-01-release.md --
---
title: Release
---
Out.
-- content/posts/2016-03-05-hugo.md --
---
title: Hugo
---
{{< figure src="cat.jpg" caption="A cat" >}}

{{< youtube w7Ft2ymGmfc >}}

{{< gist spf13 7896402 >}}

Read [the release]({{< ref "2016-03-01-release.md" >}}).

{{< instagram BWNjjyYFxVx >}}
`)
	s.Contains("2016/03/jekyll/index.html", `href="/blog/2016/03/release/"`, `src="/blog/img/logo.png"`,
		`<pre`, "println!", "Templates use {{ page.title }}.", "{% include note.html %}")
	s.NotContains("2016/03/jekyll/index.html", "{% highlight", "{% raw %}", "post_url")
	s.Contains("2016/03/hugo/index.html", `<figure><img src="cat.jpg" alt="A cat">`,
		`<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">`, `href="https://gist.github.com/spf13/7896402"`,
		`href="/blog/2016/03/release/"`, "{{&lt; instagram BWNjjyYFxVx &gt;}}")
	s.NotContains("2016/03/hugo/index.html", "<iframe", "<script src=\"https://gist")
	want := []string{
		"content/posts/2016-03-04-jekyll.md:13: the Liquid tag {% include note.html %}",
		"content/posts/2016-03-05-hugo.md:12: the shortcode {{<instagram BWNjjyYFxVx>}}",
	}
	if len(s.Result.Warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", s.Result.Warnings, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(s.Result.Warnings[i], w) {
			t.Errorf("warning %q, want it to start %q", s.Result.Warnings[i], w)
		}
	}
}

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
		`href="/tags/events/"`, `href="/categories/news/"`, `href="/authors/ben-okafor/"`)
	s.Contains("2018/04/06/all-hands.html", "/2018/04/06/all-hands/")
	s.Contains("2018/index.html", "All hands in Berlin")
	if !strings.Contains(s.Result.String(), "content/posts/_index.md") {
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

package e2e

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// hostileSite has one post with an approved comment that tries every way
// of running script, styling the page or escaping its box.
const hostileSite = `
-- content/posts/a.md --
---
title: A post
date: 2020-01-01
---
The post.
-- content/comments/a/001.md --
---
author: "<img src=x onerror=\"window.__pwned='author'\">Mallory"
author_url: "https://mallory.example/\" onmouseover=\"window.__pwned='url'"
date: 2020-01-02T10:00:00Z
status: approved
---
Hello <script>window.__pwned = "script"</script>
<img src="x" onerror="window.__pwned = 'img'">
<svg onload="window.__pwned = 'svg'"></svg>
<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>
<style>.comment-form { display: none }</style>
[click me](javascript:window.__pwned='link') and [data](data:text/html,<script>parent.__pwned='data'</script>)
<a href="javascript:window.__pwned='anchor'">anchor</a>
</div></li></ol><p id="escaped">outside</p>

[good link](https://en.wikipedia.org/wiki/Comment_(computer_programming))
-- content/comments/a/002.md --
---
author: Reply
date: 2020-01-03T10:00:00Z
status: approved
parent: "001"
---
A normal reply with *emphasis*.
`

// TestHostileCommentIsInertInTheBrowser loads a post with a hostile
// comment, clicks every link in it, and checks that no script ran, nothing
// left the comment's box, and the page's own form is still there.
func TestHostileCommentIsInertInTheBrowser(t *testing.T) {
	s := sitetest.Build(t, hostileSite)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Out)))
	t.Cleanup(srv.Close)
	tb := newTab(t, 1024, 800)
	tb.base = srv.URL
	tb.open("/2020/01/a/")
	tb.waitFor(`document.readyState === "complete"`, "the post does not load")
	eval[bool](tb, `(function () {
		document.querySelectorAll("#comment-001 a").forEach(function (a) {
			a.addEventListener("click", function (e) { if (a.href.indexOf("http") !== 0) { return; } e.preventDefault(); });
			a.click();
		});
		return true;
	})()`)
	tb.waitFor(`document.readyState === "complete"`, "the page navigated away")
	if got := eval[string](tb, `String(window.__pwned)`); got != "undefined" {
		t.Errorf("a script in the comment ran: window.__pwned = %q", got)
	}
	checks := map[string]string{
		"no element escapes the comment":          `document.getElementById("escaped") === null`,
		"only harmless elements in the comment":   `Array.prototype.every.call(document.querySelectorAll("#comment-001 .comment-text *"), function (e) { return ["P","A","EM","STRONG","CODE","PRE","BR","BLOCKQUOTE","UL","OL","LI","DEL"].indexOf(e.tagName) >= 0; })`,
		"links only to http(s)":                   `Array.prototype.every.call(document.querySelectorAll("#comment-001 a[href]"), function (a) { return /^(https?:|mailto:|#)/.test(a.getAttribute("href")); })`,
		"links carry nofollow ugc":                `Array.prototype.every.call(document.querySelectorAll("#comment-001 .comment-text a[href^='http']"), function (a) { return a.rel === "nofollow ugc"; })`,
		"no event handler attribute":              `Array.prototype.every.call(document.querySelectorAll("#comments *"), function (e) { return Array.prototype.every.call(e.attributes, function (at) { return at.name.indexOf("on") !== 0; }); })`,
		"the page's own form is shown":            `getComputedStyle(document.querySelector(".comment-form")).display !== "none"`,
		"one form in the comments":                `document.querySelectorAll("#comments form").length === 1 && document.forms.length === 2`,
		"the reply is still inside its thread":    `document.querySelector("#comment-001 .comment-replies #comment-002") !== null`,
		"the author's name is text":               `document.querySelector("#comment-001 .comment-author").textContent.indexOf("<img") === 0`,
		"the good link is there":                  `document.querySelector("#comment-001 a[href='https://en.wikipedia.org/wiki/Comment_(computer_programming)']") !== null`,
		"no iframe, script or svg in the comment": `document.querySelectorAll("#comments .comment-text :is(iframe, script, svg, style, img), #comments .comment-author :is(svg, img)").length === 0`,
	}
	for what, expr := range checks {
		if !eval[bool](tb, expr) {
			t.Errorf("%s: %s is false", what, expr)
		}
	}
}

// TestQueryAliasRedirects opens an old WordPress ?p= URL and expects the
// home page to send the reader on to the post.
func TestQueryAliasRedirects(t *testing.T) {
	s := sitetest.Build(t, "-- content/posts/a.md --\n---\ntitle: A\ndate: 2020-01-01\naliases: [\"/?p=62\", \"/index.php?p=63\"]\n---\nThe post.\n")
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Out)))
	t.Cleanup(srv.Close)
	tb := newTab(t, 1024, 800)
	tb.base = srv.URL
	tb.open("/?p=62")
	tb.waitFor(`location.pathname === "/2020/01/a/"`, "/?p=62 did not redirect to the post")
	tb.open("/?p=99")
	tb.waitFor(`document.readyState === "complete"`, "the home page does not load")
	if got := tb.location(); got != "/?p=99" {
		t.Errorf("an unknown ?p= went to %s", got)
	}
}

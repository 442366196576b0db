package build_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/blogen/blogen/internal/sitetest"
)

func comment(postSlug, id, front, body string) string {
	return "-- content/comments/" + postSlug + "/" + id + ".md --\n---\n" + strings.TrimSpace(front) + "\n---\n" + body + "\n"
}

const threadSite = `
-- content/posts/a.md --
---
title: A
date: 2020-01-01
---
Post A.
-- content/posts/closed.md --
---
title: Closed
date: 2020-01-02
comments: closed
---
Post closed.
-- content/posts/none.md --
---
title: None
date: 2020-01-03
---
Post none.
`

func TestOnlyApprovedCommentsAreShownThreaded(t *testing.T) {
	s := sitetest.Build(t, threadSite+
		comment("a", "001", "author: Root One\ndate: 2020-01-05T10:00:00Z\nstatus: approved\nauthor_url: https://one.example/", "First root.")+
		comment("a", "002", "author: Reply Two\ndate: 2020-01-05T11:00:00Z\nstatus: approved\nparent: \"001\"", "Reply to one.")+
		comment("a", "003", "author: Deep Three\ndate: 2020-01-05T12:00:00Z\nstatus: approved\nparent: \"002\"", "Reply to two.")+
		comment("a", "004", "author: Pending Four\ndate: 2020-01-04T10:00:00Z\nstatus: pending", "Awaiting.")+
		comment("a", "005", "author: Spam Five\ndate: 2020-01-04T10:00:00Z\nstatus: spam", "Buy now.")+
		comment("a", "006", "author: Rejected Six\ndate: 2020-01-04T10:00:00Z\nstatus: rejected", "Rude.")+
		comment("a", "007", "author: Orphan Seven\ndate: 2020-01-06T10:00:00Z\nstatus: approved\nparent: \"004\"", "Replies to a pending one.")+
		comment("a", "008", "author: Root Eight\ndate: 2020-01-04T09:00:00Z\nstatus: approved", "Earlier root.")+
		comment("closed", "001", "author: Kept\ndate: 2020-01-05T10:00:00Z\nstatus: approved", "Still shown."))
	page := s.File("2020/01/a/index.html")
	for _, hidden := range []string{"Pending Four", "Spam Five", "Rejected Six", "Orphan Seven", "Awaiting.", "Buy now."} {
		if strings.Contains(page, hidden) {
			t.Errorf("the post shows %q", hidden)
		}
	}
	s.Contains("2020/01/a/index.html", "4 Comments", `<a href="https://one.example/" rel="nofollow ugc">Root One</a>`, "Leave a Reply", `action="/comments"`, `name="homepage"`)
	order := regexp.MustCompile(`id="comment-(\d+)"`).FindAllStringSubmatch(page, -1)
	var ids []string
	for _, m := range order {
		ids = append(ids, m[1])
	}
	if got := strings.Join(ids, ","); got != "008,001,002,003" {
		t.Errorf("comments in order %s, want 008,001,002,003 (roots by date, replies under parents)", got)
	}
	if !regexp.MustCompile(`(?s)id="comment-001".*<ol class="comment-replies">.*id="comment-002".*<ol class="comment-replies">.*id="comment-003"`).MatchString(page) {
		t.Error("replies are not nested under their parents")
	}
	s.Contains("index.html", "4 Comments", "1 Comment<", "0 Comments")
	s.Contains("2020/01/closed/index.html", "Still shown.", "1 Comment", "Comments are closed.")
	s.NotContains("2020/01/closed/index.html", `<form class="comment-form"`, "Leave a Reply")
	s.Contains("2020/01/none/index.html", "0 Comments", "No comments yet.", `<form class="comment-form"`)
}

func TestHostileCommentRendersInert(t *testing.T) {
	hostile := `Nice <script>alert(1)</script> and <img src=x onerror=alert(2)>
[click](javascript:alert(3)) <a href="javascript:alert(4)" onclick="alert(5)">x</a>
<style>body{display:none}</style></div></li></ol><form action="https://evil.example/">
<iframe src="https://evil.example/"></iframe> ![img](https://evil.example/p.png)`
	s := sitetest.Build(t, threadSite+
		comment("a", "001", "author: \"<b>Mallory</b>\"\ndate: 2020-01-05T10:00:00Z\nstatus: approved\nauthor_url: https://mallory.example/\"onmouseover=\"alert(6)", hostile))
	page := s.File("2020/01/a/index.html")
	start := strings.Index(page, `id="comment-001"`)
	end := strings.Index(page, `id="respond"`)
	if start < 0 || end < start {
		t.Fatal("the comment is not on the page")
	}
	region := page[start:end]
	for _, problem := range inertProblems(t, region) {
		t.Error(problem)
	}
	if !strings.Contains(region, "&lt;b&gt;Mallory&lt;/b&gt;") {
		t.Errorf("the author name is not escaped:\n%s", region)
	}
	if strings.Count(page, "<form") != 2 { // the search box's and the comment form
		t.Error("the comment added a form")
	}
}

// inertProblems parses an HTML fragment as a browser would and lists every
// element or attribute in it that could run script, load or style
// anything, or post a form.
func inertProblems(t *testing.T, fragment string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader("<li "+fragment), &html.Node{Type: html.ElementNode, Data: "ol", DataAtom: atom.Ol})
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"li": true, "div": true, "p": true, "span": true, "a": true, "time": true, "br": true, "em": true, "strong": true, "code": true, "pre": true, "blockquote": true, "ul": true, "ol": true, "del": true}
	var problems []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if themeAvatar(n) {
			return
		}
		if n.Type == html.ElementNode {
			if !allowed[n.Data] {
				problems = append(problems, "element <"+n.Data+"> in a comment")
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(a.Key, "on"), a.Key == "style", a.Key == "src", a.Key == "action":
					problems = append(problems, "attribute "+a.Key+"="+a.Val+" on <"+n.Data+">")
				case a.Key == "href" && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "mailto:") && !strings.HasPrefix(v, "#"):
					problems = append(problems, "link to "+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return problems
}

// themeAvatar reports whether n is the avatar the theme draws beside a
// comment: an <svg class="comment-avatar"> holding one <path> with only a
// fill and a d made of numbers and the letters of path commands.
func themeAvatar(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "svg" || !slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "class" && a.Val == "comment-avatar" }) {
		return false
	}
	p := n.FirstChild
	if p == nil || p.NextSibling != nil || p.Data != "path" || p.FirstChild != nil {
		return false
	}
	for _, a := range p.Attr {
		switch {
		case a.Key == "fill" && regexp.MustCompile(`^hsl\(\d+ 55% 45%\)$`).MatchString(a.Val):
		case a.Key == "d" && regexp.MustCompile(`^[Mhvz0-9 -]*$`).MatchString(a.Val):
		default:
			return false
		}
	}
	return true
}

// TestInertCheckCatchesMarkup makes sure the check above can fail.
func TestInertCheckCatchesMarkup(t *testing.T) {
	for _, raw := range []string{
		`id="c"><script>alert(1)</script></li>`,
		`id="c"><a href="javascript:alert(1)">x</a></li>`,
		`id="c"><p onclick="x()">x</p></li>`,
		`id="c"><img src="https://evil.example/x.png"></li>`,
		`id="c"></li></ol><form action="https://evil.example/"></form>`,
		`id="c"><svg class="comment-avatar"><path d="M0 0" onload="x()"></path></svg></li>`,
		`id="c"><svg class="comment-avatar"><script>x()</script></svg></li>`,
	} {
		if len(inertProblems(t, raw)) == 0 {
			t.Errorf("no problem found in %s", raw)
		}
	}
}

package comments

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// checkLinks judges each link: obfuscated, deceptive, tracking, commercial,
// shortened, a home page, or not clearly an article.
func (l *Linter) checkLinks(a *analysis) []Finding {
	var fs []Finding
	for _, k := range a.all {
		fs = append(fs, deceptive(k)...)
	}
	for _, k := range a.links {
		fs = append(fs, l.classify(k)...)
	}
	return fs
}

// classify judges where one distinct link goes.
func (l *Linter) classify(k *link) []Finding {
	t := clip(k.target)
	switch {
	case k.kind == kindObfuscated:
		return []Finding{{RuleObfuscatedLink, Reject, fmt.Sprintf("obfuscated address %s; write links as links", t)}}
	case dangerousScheme(k.raw) != "":
		return nil // reported as injection
	case k.url == nil:
		return []Finding{{RuleNonArticleLink, Hold, fmt.Sprintf("link %s does not parse", t)}}
	case k.host == "":
		return l.classifyOther(k)
	case l.shorteners.match(k.host):
		return []Finding{{RuleShortener, Hold, fmt.Sprintf("shortened link %s hides where it goes", t)}}
	}
	var fs []Finding
	if p := l.tracking.find(k.url); p != "" {
		fs = append(fs, Finding{RuleTrackingLink, Reject, fmt.Sprintf("link %s carries the tracking parameter %s", t, clip(p))})
	}
	if why := l.commercialReason(k); why != "" {
		fs = append(fs, Finding{RuleCommercialLink, Reject, fmt.Sprintf("link %s goes to %s, not to an article", t, why)})
	}
	if len(fs) > 0 || l.educational.match(k.host) || l.article(k) {
		return fs
	}
	if len(segments(k.url.EscapedPath())) == 0 {
		return []Finding{{RuleHomepageLink, Reject, fmt.Sprintf("link %s goes to the home page of a site, not to an article", t)}}
	}
	return []Finding{{RuleNonArticleLink, Hold, fmt.Sprintf("link %s is not clearly an article; a moderator decides", t)}}
}

// classifyOther judges links without a web host: relative links stay on
// the blog and are fine; mail and other schemes are not articles.
func (l *Linter) classifyOther(k *link) []Finding {
	if k.url.Scheme == "" {
		return nil
	}
	return []Finding{{RuleNonArticleLink, Hold, fmt.Sprintf("link %s is not an article; a moderator decides", clip(k.target))}}
}

// commercialReason says why a link goes to a commercial page, or "".
func (l *Linter) commercialReason(k *link) string {
	if l.commercial.match(k.host) {
		return "a commercial site (" + k.host + ")"
	}
	segs := segments(k.url.EscapedPath())
	if at, n := l.shop.index(segs); at >= 0 {
		return "a commercial page (/" + strings.Join(segs[at:at+n], "/") + ")"
	}
	return ""
}

// article reports whether a link's path reads like an article: under one of
// the article paths, dated (/2013/06/), a long hyphenated slug, or a
// WordPress ?p= id.
func (l *Linter) article(k *link) bool {
	segs := segments(k.url.EscapedPath())
	if at, n := l.articles.index(segs); at >= 0 && at+n < len(segs) {
		return true
	}
	if datedPath.MatchString(k.url.EscapedPath()) {
		return true
	}
	if len(segs) > 0 && longSlug(segs[len(segs)-1]) {
		return true
	}
	p := k.url.Query().Get("p")
	return p != "" && strings.IndexFunc(p, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// anchorDomain matches a domain named in link text, with or without a
// scheme or "www.".
var anchorDomain = regexp.MustCompile(`(?i)\b(https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})\b`)

// deceptive rejects a link whose text names one site while it goes to
// another, or that hides its host behind user info
// (https://wikipedia.org@shop.example.com).
func deceptive(k *link) []Finding {
	if k.url != nil && k.url.User != nil && k.host != "" {
		return []Finding{{RuleDeceptiveLink, Reject, fmt.Sprintf("link %s hides its host behind %q", clip(k.target), clip(k.url.User.Username()))}}
	}
	if k.host == "" || k.anchor == "" || k.kind == kindImage {
		return nil
	}
	for _, m := range anchorDomain.FindAllStringSubmatch(k.anchor, -1) {
		named := m[2]
		if m[1] == "" && !strings.HasPrefix(strings.ToLower(named), "www.") && strings.ToLower(named[1:]) != named[1:] {
			continue // a name in capitals such as ASP.NET, not an address
		}
		host := normHost(named)
		if !isDomain(host) || registrable(host) == registrable(k.host) {
			continue
		}
		return []Finding{{RuleDeceptiveLink, Reject, fmt.Sprintf("link text names %s but the link goes to %s", clip(host), clip(k.host))}}
	}
	return nil
}

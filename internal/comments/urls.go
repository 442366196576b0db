package comments

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// stripSpace removes white space, control and format characters, which
// browsers ignore inside URLs ("java\tscript:", zero-width spaces).
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// parseLink reads a link target as written and returns its normalised form:
// for web links the host in lower case without "www." or a default port,
// then the path without a trailing slash, then the query, all without the
// scheme ("example.com/blog/post?id=3"); for relative links the path and
// query; for other schemes the whole target in lower case. The fragment is
// dropped everywhere. The parsed URL is nil when the target does not parse.
func parseLink(raw string) (target string, u *url.URL) {
	s := stripSpace(html.UnescapeString(raw))
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "www."):
		s = "http://" + s
	case strings.HasPrefix(s, "//"):
		s = "http:" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		s, _, _ = strings.Cut(s, "#")
		return strings.ToLower(s), nil
	}
	u.Fragment, u.RawFragment = "", ""
	switch {
	case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "ftp":
		u.Host = hostPort(u)
		return u.Host + strings.TrimRight(u.EscapedPath(), "/") + query(u), u
	case u.Scheme == "" && u.Host == "":
		p := u.EscapedPath()
		if len(p) > 1 {
			p = strings.TrimRight(p, "/")
		}
		return p + query(u), u
	}
	s, _, _ = strings.Cut(s, "#")
	return strings.ToLower(s), u
}

// query returns "?" and the query of u, or "" when it has none.
func query(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// hostPort returns the normalised host of a web URL with its port when the
// port is not the scheme's default.
func hostPort(u *url.URL) string {
	h := normHost(u.Hostname())
	switch p := u.Port(); {
	case p == "", p == "80" && u.Scheme == "http", p == "443" && u.Scheme == "https":
		return h
	default:
		return h + ":" + p
	}
}

// normHost returns host in lower-case ASCII (punycode), without a trailing
// dot or a leading "www.".
func normHost(host string) string {
	host = strings.ToLower(host)
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	}
	host = strings.TrimSuffix(host, ".")
	return strings.TrimPrefix(host, "www.")
}

// webHost returns the normalised host of u when it is a web URL, else "".
func webHost(u *url.URL) string {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ftp") {
		return ""
	}
	return normHost(u.Hostname())
}

// registrable returns the part of host that one owner registers
// (en.wikipedia.org -> wikipedia.org), or host when that cannot be told.
func registrable(host string) string {
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// isDomain reports whether s is a domain name under a real top-level domain
// ("wikipedia.org", not "node.js" or "index.html").
func isDomain(s string) bool {
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	suffix, icann := publicsuffix.PublicSuffix(s)
	return icann && suffix != s
}

// domainSet matches hosts against a configured domain list.
type domainSet struct {
	domains  []string // match the domain and its subdomains
	suffixes []string // ".edu": match every host under the suffix
	labels   []string // "shop.*": match hosts whose first label this is
}

// newDomainSet reads a domain list (see config.Policy).
func newDomainSet(list []string) domainSet {
	var d domainSet
	for _, e := range list {
		e = strings.ToLower(strings.TrimSpace(e))
		e = strings.TrimPrefix(strings.TrimPrefix(e, "https://"), "http://")
		e = strings.TrimRight(e, "/")
		switch {
		case e == "" || e == "." || e == ".*":
		case strings.HasSuffix(e, ".*"):
			d.labels = append(d.labels, strings.TrimSuffix(e, "*"))
		case strings.HasPrefix(e, "."):
			d.suffixes = append(d.suffixes, normHost(strings.TrimPrefix(e, ".")))
		default:
			d.domains = append(d.domains, normHost(e))
		}
	}
	return d
}

// match reports whether the normalised host is in the set.
func (d domainSet) match(host string) bool {
	if host == "" {
		return false
	}
	for _, s := range d.domains {
		if host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	for _, s := range d.suffixes {
		if strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	for _, l := range d.labels {
		if strings.HasPrefix(host, l) {
			return true
		}
	}
	return false
}

// pathSet matches URL paths against configured path segments.
type pathSet struct {
	paths [][]string // each a sequence of lower-case segments
}

// newPathSet reads a path list (see config.Policy).
func newPathSet(list []string) pathSet {
	var ps pathSet
	for _, p := range list {
		if segs := segments(p); len(segs) > 0 {
			ps.paths = append(ps.paths, segs)
		}
	}
	return ps
}

// segments splits a path into its non-empty, lower-case, unescaped
// segments, without a file extension on the last one.
func segments(p string) []string {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	var out []string
	for s := range strings.SplitSeq(strings.ToLower(p), "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	if n := len(out); n > 0 {
		for _, ext := range []string{".html", ".htm", ".php", ".aspx", ".asp", ".jsp"} {
			out[n-1] = strings.TrimSuffix(out[n-1], ext)
		}
	}
	return out
}

// index returns where in segs one of the paths starts and how many segments
// it has, or -1.
func (ps pathSet) index(segs []string) (at, n int) {
	for _, p := range ps.paths {
		for i := 0; i+len(p) <= len(segs); i++ {
			if equalSegs(segs[i:i+len(p)], p) {
				return i, len(p)
			}
		}
	}
	return -1, 0
}

func equalSegs(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// paramSet matches query parameter names.
type paramSet struct {
	names    []string
	prefixes []string
}

// newParamSet reads a parameter list; a trailing "*" matches a prefix.
func newParamSet(list []string) paramSet {
	var ps paramSet
	for _, p := range list {
		p = strings.ToLower(strings.TrimSpace(p))
		switch {
		case p == "" || p == "*":
		case strings.HasSuffix(p, "*"):
			ps.prefixes = append(ps.prefixes, strings.TrimSuffix(p, "*"))
		default:
			ps.names = append(ps.names, p)
		}
	}
	return ps
}

// find returns the first parameter of u's query that is in the set, or "".
func (ps paramSet) find(u *url.URL) string {
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		k = strings.ToLower(k)
		for _, n := range ps.names {
			if k == n {
				return k
			}
		}
		for _, p := range ps.prefixes {
			if strings.HasPrefix(k, p) {
				return k
			}
		}
	}
	return ""
}

// datedPath matches /2013/06/ in a path.
var datedPath = regexp.MustCompile(`/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)`)

// longSlug reports whether seg reads like the slug of an article: at least
// four words joined by hyphens or underscores, three of them made of letters.
func longSlug(seg string) bool {
	parts := strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) < 4 {
		return false
	}
	alpha := 0
	for _, p := range parts {
		if len(p) >= 2 && strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			alpha++
		}
	}
	return alpha >= 3
}

// dangerousScheme returns the scheme of a link target that runs code or
// embeds a document (javascript:, vbscript:, data: other than plain images),
// after entities, white space and control characters are removed; else "".
func dangerousScheme(raw string) string {
	s := strings.ToLower(stripSpace(html.UnescapeString(html.UnescapeString(raw))))
	for _, scheme := range []string{"javascript:", "vbscript:", "livescript:", "mocha:"} {
		if strings.HasPrefix(s, scheme) {
			return scheme
		}
	}
	if strings.HasPrefix(s, "data:") && !safeDataImage.MatchString(s) {
		return "data:"
	}
	return ""
}

// safeDataImage matches data: URLs of raster images.
var safeDataImage = regexp.MustCompile(`^data:image/(?:png|gif|jpe?g|webp)[;,]`)

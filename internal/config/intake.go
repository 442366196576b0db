package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/BurntSushi/toml"
)

// Intake is the [comments.intake] table: how blogen comments serve, the
// production comment service, takes comments.
//
//	[comments.intake]
//	allowed_origins      = []   # sites whose pages may post; default: the origin of base_url
//	trusted_proxies      = []   # proxies (IPs or CIDRs) whose X-Forwarded-For is believed
//	flood_seconds        = 15   # one comment per client per this many seconds; 0 turns it off
//	max_pending_per_post = 200  # pending comments a post may have before 429
//	min_seconds          = 3    # a form sent faster than this after it was shown is held
//	git_author_name      = "blogen comments"         # author of --git commits
//	git_author_email     = "comments@blogen.invalid"
//	webhook              = ""   # a URL told of each kept comment (JSON with a "text" field)
type Intake struct {
	AllowedOrigins    []string `toml:"allowed_origins"`
	TrustedProxies    []string `toml:"trusted_proxies"`
	FloodSeconds      int      `toml:"flood_seconds"`
	MaxPendingPerPost int      `toml:"max_pending_per_post"`
	MinSeconds        int      `toml:"min_seconds"`
	GitAuthorName     string   `toml:"git_author_name"`
	GitAuthorEmail    string   `toml:"git_author_email"`
	Webhook           string   `toml:"webhook"`
}

// DefaultIntake returns the [comments.intake] table of a site that sets
// none.
func DefaultIntake() Intake {
	return Intake{
		FloodSeconds:      15,
		MaxPendingPerPost: 200,
		MinSeconds:        3,
		GitAuthorName:     "blogen comments",
		GitAuthorEmail:    "comments@blogen.invalid",
	}
}

// Origins returns the origins allowed to post: allowed_origins, or the
// origin of baseURL when it is empty.
func (in Intake) Origins(baseURL string) []string {
	if len(in.AllowedOrigins) > 0 {
		return in.AllowedOrigins
	}
	if o, ok := Origin(baseURL); ok {
		return []string{o}
	}
	return nil
}

// Origin returns the origin (scheme://host[:port], lower case) of an
// absolute http(s) URL.
func Origin(rawURL string) (string, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), true
}

// Proxies parses trusted_proxies; entries are checked by Validate.
func (in Intake) Proxies() []netip.Prefix {
	var out []netip.Prefix
	for _, p := range in.TrustedProxies {
		if pr, ok := parsePrefix(p); ok {
			out = append(out, pr)
		}
	}
	return out
}

// parsePrefix reads an address ("10.0.0.1") or a CIDR ("10.0.0.0/8").
func parsePrefix(s string) (netip.Prefix, bool) {
	if pr, err := netip.ParsePrefix(s); err == nil {
		return pr.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), true
}

func (in Intake) validate() []problem {
	var out []problem
	add := func(key, msg string) { out = append(out, problem{toml.Key{key}, msg}) }
	for _, o := range in.AllowedOrigins {
		if got, ok := Origin(o); !ok || got != strings.ToLower(strings.TrimSuffix(o, "/")) {
			add("allowed_origins", fmt.Sprintf("comments.intake.allowed_origins: %q is not an origin; write it as https://blog.example.org, without a path", o))
		}
	}
	for _, p := range in.TrustedProxies {
		if _, ok := parsePrefix(p); !ok {
			add("trusted_proxies", fmt.Sprintf("comments.intake.trusted_proxies: %q is not an IP address or a CIDR such as 10.0.0.0/8", p))
		}
	}
	for key, v := range map[string]int{"flood_seconds": in.FloodSeconds, "max_pending_per_post": in.MaxPendingPerPost, "min_seconds": in.MinSeconds} {
		if v < 0 {
			add(key, "comments.intake."+key+" must not be negative")
		}
	}
	if in.Webhook != "" {
		if u, err := url.Parse(in.Webhook); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			add("webhook", fmt.Sprintf("comments.intake.webhook %q is not an http(s) URL", in.Webhook))
		}
	}
	if strings.ContainsAny(in.GitAuthorName+in.GitAuthorEmail, "<>\n") {
		add("git_author_name", "comments.intake.git_author_name and git_author_email must not contain <, > or a line break")
	}
	return out
}

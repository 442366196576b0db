package config

import (
	"fmt"
	"net"
	"net/mail"
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
//	smtp_addr            = ""   # host:port of a mail server that tells moderators too
//	smtp_from            = ""   # the sender of those e-mails
//	smtp_to              = []   # the moderators' addresses
//	smtp_user            = ""   # log in as; the password is in $BLOGEN_SMTP_PASSWORD
type Intake struct {
	AllowedOrigins    []string `toml:"allowed_origins"`
	TrustedProxies    []string `toml:"trusted_proxies"`
	FloodSeconds      int      `toml:"flood_seconds"`
	MaxPendingPerPost int      `toml:"max_pending_per_post"`
	MinSeconds        int      `toml:"min_seconds"`
	GitAuthorName     string   `toml:"git_author_name"`
	GitAuthorEmail    string   `toml:"git_author_email"`
	Webhook           string   `toml:"webhook"`
	SMTPAddr          string   `toml:"smtp_addr"`
	SMTPFrom          string   `toml:"smtp_from"`
	SMTPTo            []string `toml:"smtp_to"`
	SMTPUser          string   `toml:"smtp_user"`
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
	return append(out, in.validateSMTP()...)
}

// validateSMTP checks the smtp_ keys: an address to send through, and
// then a sender and moderators, each a plain e-mail address.
func (in Intake) validateSMTP() []problem {
	var out []problem
	add := func(key, msg string) { out = append(out, problem{toml.Key{key}, msg}) }
	if in.SMTPAddr == "" {
		for key, set := range map[string]bool{"smtp_from": in.SMTPFrom != "", "smtp_to": len(in.SMTPTo) > 0, "smtp_user": in.SMTPUser != ""} {
			if set {
				add(key, "comments.intake."+key+" is set, but smtp_addr, needed to send e-mail, is not; write it as host:port, such as smtp.example.org:587")
			}
		}
		return out
	}
	if host, port, err := net.SplitHostPort(in.SMTPAddr); err != nil || host == "" || port == "" {
		add("smtp_addr", fmt.Sprintf("comments.intake.smtp_addr %q is not host:port, such as smtp.example.org:587", in.SMTPAddr))
	}
	if !plainAddress(in.SMTPFrom) {
		add("smtp_from", fmt.Sprintf("comments.intake.smtp_from %q is not an e-mail address such as comments@example.org", in.SMTPFrom))
	}
	if len(in.SMTPTo) == 0 {
		add("smtp_to", "comments.intake.smtp_to names no moderator to write to")
	}
	for _, to := range in.SMTPTo {
		if !plainAddress(to) {
			add("smtp_to", fmt.Sprintf("comments.intake.smtp_to: %q is not an e-mail address", to))
		}
	}
	return out
}

// plainAddress reports whether s is an e-mail address alone, without a
// name or angle brackets.
func plainAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && !strings.ContainsAny(s, "\r\n<>")
}

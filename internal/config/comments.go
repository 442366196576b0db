package config

import (
	"fmt"
	"net/url"

	"github.com/BurntSushi/toml"
)

// DefaultPolicyText is the comment policy shown above the comment form when a
// site sets none of its own.
const DefaultPolicyText = "Please use comments to add value to the discussion. " +
	"Maximum one link to an educational blog post or article. We will NOT PUBLISH " +
	"brief comments like 'good post', comments that mainly promote links, or " +
	"comments with links to companies, products, or services."

// CommentsConfig is the [comments] table: where the comment form posts, and
// the policy comments are held to.
//
//	[comments]
//	enabled      = true         # show comments and the form under posts
//	endpoint     = "/comments"  # where the "Leave a Reply" form posts
//	auto_approve = false        # blogen comments moderate may approve what the policy publishes
//
//	[comments.policy]           # see Policy
type CommentsConfig struct {
	Enabled     bool   `toml:"enabled"`
	Endpoint    string `toml:"endpoint"`
	AutoApprove bool   `toml:"auto_approve"`
	Policy      Policy `toml:"policy"`
}

// Policy is the [comments.policy] table: the written policy and the rules
// the comment linter applies.
type Policy struct {
	// Text is the policy as readers see it above the comment form.
	Text string `toml:"text"`
	// MaxLinks is how many distinct link targets a comment may carry.
	MaxLinks int `toml:"max_links"`
	// MinWords is how many words a comment needs to count as substantial.
	MinWords int `toml:"min_words"`
	// EducationalDomains are domains whose articles are always welcome
	// (a leading "." matches subdomains, e.g. ".edu").
	EducationalDomains []string `toml:"educational_domains"`
	// CommercialDomains are domains of companies, shops and products.
	CommercialDomains []string `toml:"commercial_domains"`
	// CommercialPaths are URL path fragments of product, pricing and shop pages.
	CommercialPaths []string `toml:"commercial_paths"`
	// TrackingParams are query parameters of affiliate and tracking links
	// (a trailing "*" matches a prefix, e.g. "utm_*").
	TrackingParams []string `toml:"tracking_params"`
	// Shorteners are link-shortener domains; their links are held.
	Shorteners []string `toml:"shorteners"`
	// BlockedWords reject a comment that contains any of them.
	BlockedWords []string `toml:"blocked_words"`
	// HoldWords hold a comment for a moderator when it contains any of them.
	HoldWords []string `toml:"hold_words"`
	// BriefPhrases are praise without substance ("good post", "+1").
	BriefPhrases []string `toml:"brief_phrases"`
	// ShoutingRatio is the share of capital letters above which a comment
	// is held as shouting (0 turns the rule off).
	ShoutingRatio float64 `toml:"shouting_ratio"`
}

// DefaultComments returns the [comments] table of a site that sets none.
func DefaultComments() CommentsConfig {
	return CommentsConfig{
		Enabled:  true,
		Endpoint: "/comments",
		Policy: Policy{
			Text:               DefaultPolicyText,
			MaxLinks:           1,
			MinWords:           8,
			EducationalDomains: []string{".edu", ".ac.uk", "wikipedia.org", "arxiv.org", "hbr.org", "medium.com", "substack.com", "nngroup.com"},
			CommercialDomains:  []string{"amazon.com", "ebay.com", "shopify.com", "etsy.com", "aliexpress.com"},
			CommercialPaths:    []string{"/product", "/products", "/pricing", "/shop", "/store", "/buy", "/cart", "/checkout", "/order", "/deal", "/offer", "/coupon", "/signup", "/free-trial"},
			TrackingParams:     []string{"utm_*", "ref", "aff", "aff_id", "affiliate", "tag", "gclid", "fbclid", "mc_cid", "clickid"},
			Shorteners:         []string{"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "lnkd.in"},
			BlockedWords:       []string{"viagra", "casino", "payday loan", "crypto giveaway"},
			HoldWords:          []string{"lawsuit", "scam"},
			BriefPhrases:       []string{"good post", "great post", "nice post", "great article", "nice article", "good article", "great read", "nice blog", "thanks for sharing", "thank you for sharing", "awesome", "+1", "agreed", "well said", "love it", "nice one", "so true", "first"},
			ShoutingRatio:      0.7,
		},
	}
}

func (c CommentsConfig) validate() []problem {
	var out []problem
	if c.Endpoint == "" {
		out = append(out, problem{toml.Key{"endpoint"}, "comments.endpoint must not be empty; use /comments or the URL of your comment service"})
	} else if _, err := url.Parse(c.Endpoint); err != nil {
		out = append(out, problem{toml.Key{"endpoint"}, fmt.Sprintf("comments.endpoint %q is not a URL", c.Endpoint)})
	}
	if c.Policy.MaxLinks < 0 {
		out = append(out, problem{toml.Key{"policy", "max_links"}, "comments.policy.max_links must not be negative"})
	}
	if c.Policy.ShoutingRatio < 0 || c.Policy.ShoutingRatio > 1 {
		out = append(out, problem{toml.Key{"policy", "shouting_ratio"}, "comments.policy.shouting_ratio must be between 0 and 1"})
	}
	return out
}

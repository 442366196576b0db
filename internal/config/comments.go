package config

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

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
//	enabled           = true         # show comments and the form under posts
//	endpoint          = "/comments"  # where the "Leave a Reply" form posts; "" shows no form
//	fallback          = ""           # with no endpoint: how else to respond (an e-mail address, say)
//	auto_approve      = false        # approve at once what the policy publishes
//	approve_returning = false        # approve at once a commenter with an approved comment
//
//	[comments.policy]           # see Policy
//	[comments.intake]           # see Intake
type CommentsConfig struct {
	Enabled          bool   `toml:"enabled"`
	Endpoint         string `toml:"endpoint"`
	Fallback         string `toml:"fallback"`
	AutoApprove      bool   `toml:"auto_approve"`
	ApproveReturning bool   `toml:"approve_returning"`
	Policy           Policy `toml:"policy"`
	Intake           Intake `toml:"intake"`
}

// Policy is the [comments.policy] table: the written policy and the rules
// the comment linter applies (see package comments for what each rule does).
//
// Domain lists match a domain and its subdomains ("wikipedia.org" matches
// en.wikipedia.org); an entry with a leading "." matches every domain under
// a suffix (".edu"); an entry ending in ".*" matches hosts whose first label
// it names ("shop.*" matches shop.example.com). Path lists match whole path
// segments, case-insensitively ("/shop" matches /shop and /en/shop/shoes,
// not /shopping-tips). Word lists match whole words, case-insensitively; a
// trailing "*" matches any ending ("casino*" matches casinos).
type Policy struct {
	// Text is the policy as readers see it above the comment form.
	Text string `toml:"text"`
	// MaxLinks is how many distinct link targets a comment may carry.
	MaxLinks int `toml:"max_links"`
	// MinWords is how many words a comment needs to count as substantial
	// (0 turns the word count off).
	MinWords int `toml:"min_words"`
	// MaxChars is how many characters a comment may have before it is held
	// for a moderator (0 turns the limit off).
	MaxChars int `toml:"max_chars"`
	// MinWordsPerLink is how many words of its own a comment needs for each
	// link it carries; below that it mainly promotes links (0 turns the
	// count off).
	MinWordsPerLink int `toml:"min_words_per_link"`
	// EducationalDomains are domains whose articles are always welcome.
	EducationalDomains []string `toml:"educational_domains"`
	// ArticlePaths are path segments under which articles live ("/blog"
	// matches /blog/some-post, not /blog itself).
	ArticlePaths []string `toml:"article_paths"`
	// CommercialDomains are domains of companies, shops and products.
	CommercialDomains []string `toml:"commercial_domains"`
	// CommercialPaths are URL path segments of product, pricing and shop pages.
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
	// PraiseWords are words that add nothing to praise: a comment made only
	// of brief phrases, these words and at most two others (a name, say) is
	// brief however long it is.
	PraiseWords []string `toml:"praise_words"`
	// PromotionPhrases mark self-promotion ("my blog", "our services"); a
	// comment with a link and one of them is held for a moderator.
	PromotionPhrases []string `toml:"promotion_phrases"`
	// ShoutingRatio is the share of capital letters above which a comment
	// is held as shouting (0 turns the rule off).
	ShoutingRatio float64 `toml:"shouting_ratio"`
	// ShoutingMinLetters is how many letters a comment needs before the
	// shouting rule looks at it (0 means 20).
	ShoutingMinLetters int `toml:"shouting_min_letters"`
}

// DefaultComments returns the [comments] table of a site that sets none.
func DefaultComments() CommentsConfig {
	return CommentsConfig{
		Enabled:  true,
		Endpoint: "/comments",
		Policy:   DefaultPolicy(),
		Intake:   DefaultIntake(),
	}
}

// DefaultPolicy returns the policy of a site that sets none: the written
// policy in DefaultPolicyText, as rules.
func DefaultPolicy() Policy {
	return Policy{
		Text:               DefaultPolicyText,
		MaxLinks:           1,
		MinWords:           8,
		MinWordsPerLink:    12,
		MaxChars:           10000,
		EducationalDomains: []string{".edu", ".ac.uk", "wikipedia.org", "arxiv.org", "hbr.org", "medium.com", "substack.com", "nngroup.com"},
		ArticlePaths:       []string{"/blog", "/blogs", "/article", "/articles", "/news", "/posts", "/post", "/wiki", "/pulse", "/insights", "/stories", "/story", "/research", "/papers", "/journal", "/magazine", "/guides", "/learn"},
		CommercialDomains:  []string{"amazon.com", "ebay.com", "shopify.com", "etsy.com", "aliexpress.com", "shop.*", "store.*", "buy.*"},
		CommercialPaths:    []string{"/product", "/products", "/pricing", "/shop", "/store", "/buy", "/cart", "/checkout", "/order", "/deal", "/deals", "/offer", "/offers", "/coupon", "/coupons", "/signup", "/free-trial", "/dp", "/gp/product", "/itm"},
		TrackingParams:     []string{"utm_*", "ref", "aff", "aff_id", "affiliate", "tag", "gclid", "fbclid", "mc_cid", "clickid"},
		Shorteners:         []string{"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "lnkd.in"},
		BlockedWords:       []string{"viagra", "casino", "payday loan", "crypto giveaway"},
		HoldWords:          []string{"lawsuit", "scam"},
		BriefPhrases:       []string{"good post", "great post", "nice post", "great article", "nice article", "good article", "great read", "nice blog", "thanks for sharing", "thank you for sharing", "awesome", "+1", "agreed", "well said", "love it", "nice one", "so true", "first"},
		PraiseWords:        slices.Clone(defaultPraiseWords),
		PromotionPhrases:   []string{"my blog", "my site", "my website", "my company", "my agency", "my shop", "my store", "our blog", "our site", "our website", "our company", "our agency", "our services", "our products", "our shop", "our store", "visit my", "visit our", "click here", "hire us", "contact us"},
		ShoutingRatio:      0.7,
		ShoutingMinLetters: 20,
	}
}

// defaultPraiseWords are praise, thanks and the small words around them, in
// English and a few other languages commenters often use.
var defaultPraiseWords = []string{
	"a", "about", "all", "also", "am", "amazing", "an", "and", "appreciate", "appreciated", "are", "article",
	"awesome", "be", "been", "beautiful", "best", "blog", "brilliant", "cool", "content", "dear", "did",
	"enjoyed", "enjoy", "excellent", "fantastic", "for", "from", "glad", "good", "great", "had", "has", "have",
	"helpful", "here", "i", "ideas", "indeed", "info", "information", "informative", "insightful",
	"interesting", "is", "it", "its", "job", "just", "keep", "know", "learned", "like", "liked", "lot", "lots",
	"love", "loved", "man", "many", "me", "more", "most", "much", "my", "nice", "of", "on", "ok", "okay", "one",
	"our", "piece", "please", "post", "posting", "posts", "read", "reading", "really", "same", "share",
	"shared", "sharing", "site", "so", "such", "super", "thank", "thanks", "that", "the", "this", "thx",
	"to", "too", "topic", "true", "up", "us", "useful", "very", "was", "we", "well", "what", "wonderful",
	"work", "wow", "write", "writing", "written", "you", "your",
	"artículo", "articulo", "bien", "buen", "bueno", "excelente", "gracias", "muy", "beitrag", "danke", "gut",
	"guter", "sehr", "toll", "génial", "genial", "merci", "très", "bravo", "grazie", "bellissimo", "obrigado",
	"ótimo", "otimo", "artigo",
}

func (c CommentsConfig) validate() []problem {
	var out []problem
	if !validEndpoint(c.Endpoint) {
		out = append(out, problem{toml.Key{"endpoint"}, fmt.Sprintf("comments.endpoint %q is not a path (/comments) or an absolute URL (https://comments.example.org/comments)", c.Endpoint)})
	}
	for _, p := range c.Intake.validate() {
		out = append(out, problem{append(toml.Key{"intake"}, p.key...), p.msg})
	}
	if c.Policy.MaxLinks < 0 {
		out = append(out, problem{toml.Key{"policy", "max_links"}, "comments.policy.max_links must not be negative"})
	}
	for _, n := range []struct {
		key   string
		value int
	}{{"min_words", c.Policy.MinWords}, {"min_words_per_link", c.Policy.MinWordsPerLink}, {"max_chars", c.Policy.MaxChars}, {"shouting_min_letters", c.Policy.ShoutingMinLetters}} {
		if n.value < 0 {
			out = append(out, problem{toml.Key{"policy", n.key}, "comments.policy." + n.key + " must not be negative"})
		}
	}
	if c.Policy.ShoutingRatio < 0 || c.Policy.ShoutingRatio > 1 {
		out = append(out, problem{toml.Key{"policy", "shouting_ratio"}, "comments.policy.shouting_ratio must be between 0 and 1"})
	}
	return out
}

// validEndpoint reports whether ep is "", a path of the site ("/comments")
// or an absolute http(s) URL with a path.
func validEndpoint(ep string) bool {
	u, err := url.Parse(ep)
	switch {
	case ep == "":
		return true
	case err != nil || u.Path == "" || u.RawQuery != "" || u.Fragment != "":
		return false
	case u.Scheme == "" && u.Host == "":
		return strings.HasPrefix(ep, "/") && !strings.HasPrefix(ep, "//")
	}
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

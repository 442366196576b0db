package comments

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Verdict is what the policy says to do with a comment.
type Verdict string

// The three verdicts, from the mildest to the strictest.
const (
	Publish Verdict = "publish" // the comment meets the policy
	Hold    Verdict = "hold"    // a moderator should look at it
	Reject  Verdict = "reject"  // the comment breaks the policy
)

// rank orders verdicts: reject > hold > publish > anything else.
func (v Verdict) rank() int {
	switch v {
	case Publish:
		return 1
	case Hold:
		return 2
	case Reject:
		return 3
	}
	return 0
}

// Valid reports whether v is one of the three verdicts.
func (v Verdict) Valid() bool { return v.rank() > 0 }

// Stricter reports whether v is stricter than w.
func (v Verdict) Stricter(w Verdict) bool { return v.rank() > w.rank() }

// The rule ids that findings carry. The package documentation says what
// triggers each.
const (
	RuleEmpty          = "empty"
	RuleTooLong        = "too-long"
	RuleInjection      = "injection"
	RuleTooManyLinks   = "too-many-links"
	RuleObfuscatedLink = "obfuscated-link"
	RuleDeceptiveLink  = "deceptive-link"
	RuleTrackingLink   = "tracking-link"
	RuleCommercialLink = "commercial-link"
	RuleHomepageLink   = "homepage-link"
	RuleNonArticleLink = "non-article-link"
	RuleShortener      = "shortener"
	RuleBrief          = "brief"
	RuleLinkPromotion  = "link-promotion"
	RuleSelfPromotion  = "self-promotion"
	RuleBlockedWord    = "blocked-word"
	RuleHoldWord       = "hold-word"
	RuleShouting       = "shouting"
)

// Finding is one way a comment breaks the policy.
type Finding struct {
	Rule    string  `json:"rule"`    // a rule id, such as too-many-links
	Verdict Verdict `json:"verdict"` // what the rule asks for
	Message string  `json:"message"` // one line for the moderator
}

// Result is the linter's judgement of one comment: the strictest verdict of
// its findings, or Publish with no findings.
type Result struct {
	Verdict  Verdict   `json:"verdict"`
	Findings []Finding `json:"findings"`
}

// Has reports whether one of the findings is of the rule id.
func (r Result) Has(rule string) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Rule == rule })
}

// Rules returns the rule ids of the findings, in order.
func (r Result) Rules() []string {
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.Rule
	}
	return out
}

// newResult orders findings strictest first (keeping the order of the rules
// otherwise) and drops exact repeats.
func newResult(fs []Finding) Result {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b Finding) int { return b.Verdict.rank() - a.Verdict.rank() })
	var out []Finding
	for _, f := range fs {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return Result{Verdict: Publish, Findings: []Finding{}}
	}
	return Result{Verdict: out[0].Verdict, Findings: out}
}

// clip makes s fit on one line of a message: control and format characters
// become spaces and anything past 80 characters is cut.
func clip(s string) string {
	const limit = 80
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == limit {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// plural returns "1 link", "2 links".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

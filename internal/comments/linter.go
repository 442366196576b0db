package comments

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blogen/blogen/internal/config"
)

// Linter checks comments against one policy. It is built once by NewLinter
// and safe for concurrent use.
type Linter struct {
	p           config.Policy
	educational domainSet
	commercial  domainSet
	shorteners  domainSet
	articles    pathSet
	shop        pathSet
	tracking    paramSet
	blocked     wordList
	hold        wordList
	brief       phraseSet
	praise      map[string]bool
	promotion   phraseSet
	minLetters  int
}

// maxLeftover is how many words other than praise a comment may have and
// still be only praise: a name or two ("Great post, Frank!").
const maxLeftover = 2

// defaultMinLetters is ShoutingMinLetters when the policy leaves it 0.
const defaultMinLetters = 20

// checkedBytes is how much of a body the linter reads. The Markdown parser
// takes time that grows faster than the input on some pathological input
// (thousands of nested quotes), so the rest of a longer body is not read
// and the comment is held as too long.
const checkedBytes = 32 << 10

// NewLinter builds a linter for the policy p.
func NewLinter(p config.Policy) (*Linter, error) {
	if err := checkPolicy(p); err != nil {
		return nil, fmt.Errorf("comment policy: %w", err)
	}
	l := &Linter{
		p:           p,
		educational: newDomainSet(p.EducationalDomains),
		commercial:  newDomainSet(p.CommercialDomains),
		shorteners:  newDomainSet(p.Shorteners),
		articles:    newPathSet(p.ArticlePaths),
		shop:        newPathSet(p.CommercialPaths),
		tracking:    newParamSet(p.TrackingParams),
		brief:       newPhraseSet(p.BriefPhrases),
		promotion:   newPhraseSet(p.PromotionPhrases),
		praise:      map[string]bool{},
		minLetters:  p.ShoutingMinLetters,
	}
	if l.minLetters == 0 {
		l.minLetters = defaultMinLetters
	}
	for _, w := range p.PraiseWords {
		for _, t := range tokens(w) {
			l.praise[t] = true
		}
	}
	var err error
	if l.blocked, err = newWordList(p.BlockedWords); err != nil {
		return nil, fmt.Errorf("comment policy: blocked_words: %w", err)
	}
	if l.hold, err = newWordList(p.HoldWords); err != nil {
		return nil, fmt.Errorf("comment policy: hold_words: %w", err)
	}
	return l, nil
}

// checkPolicy rejects numbers out of range.
func checkPolicy(p config.Policy) error {
	var errs []error
	for _, n := range []struct {
		name  string
		value int
	}{{"max_links", p.MaxLinks}, {"min_words", p.MinWords}, {"min_words_per_link", p.MinWordsPerLink},
		{"max_chars", p.MaxChars}, {"shouting_min_letters", p.ShoutingMinLetters}} {
		if n.value < 0 {
			errs = append(errs, fmt.Errorf("%s is %d; it must not be negative", n.name, n.value))
		}
	}
	if p.ShoutingRatio < 0 || p.ShoutingRatio > 1 || p.ShoutingRatio != p.ShoutingRatio {
		errs = append(errs, fmt.Errorf("shouting_ratio is %v; it must be between 0 and 1", p.ShoutingRatio))
	}
	return errors.Join(errs...)
}

// Lint checks one comment body (the Markdown after the front matter)
// against the policy.
func (l *Linter) Lint(body []byte) Result {
	fs := l.checkLength(body)
	a := analyze(body)
	if stripSpace(a.body) == "" && len(body) <= checkedBytes {
		return newResult([]Finding{{RuleEmpty, Reject, "the comment has no text"}})
	}
	for _, check := range []func(*analysis) []Finding{
		l.checkInjection, l.checkLinkCount, l.checkLinks, l.checkSubstance, l.checkWords, l.checkShouting,
	} {
		fs = append(fs, check(a)...)
	}
	return newResult(fs)
}

// checkLength holds comments longer than the policy allows, and those too
// long to check in full.
func (l *Linter) checkLength(body []byte) []Finding {
	if len(body) > checkedBytes {
		return []Finding{{RuleTooLong, Hold, fmt.Sprintf("%d bytes; only the first %d were checked", len(body), checkedBytes)}}
	}
	if n := utf8.RuneCount(body); l.p.MaxChars > 0 && n > l.p.MaxChars {
		return []Finding{{RuleTooLong, Hold, fmt.Sprintf("%d characters; the policy allows %d", n, l.p.MaxChars)}}
	}
	return nil
}

// checkInjection rejects markup and script injection attempts.
func (l *Linter) checkInjection(a *analysis) []Finding {
	var fs []Finding
	for _, what := range a.injection {
		fs = append(fs, Finding{RuleInjection, Reject, "not allowed in comments: " + clip(what)})
	}
	return fs
}

// checkLinkCount rejects more distinct links than the policy allows.
func (l *Linter) checkLinkCount(a *analysis) []Finding {
	n := len(a.links)
	if n <= l.p.MaxLinks {
		return nil
	}
	allows := "none"
	if l.p.MaxLinks > 0 {
		allows = fmt.Sprint(l.p.MaxLinks)
	}
	return []Finding{{RuleTooManyLinks, Reject, fmt.Sprintf("%s; the policy allows %s", plural(n, "link"), allows)}}
}

// checkSubstance rejects brief comments and comments that mainly promote
// links, and holds self-promotion.
func (l *Linter) checkSubstance(a *analysis) []Finding {
	var fs []Finding
	words := countWords(a.prose) + countWords(a.code)
	switch phrase, only := l.onlyPraise(a.prose); {
	case l.p.MinWords > 0 && words < l.p.MinWords:
		fs = append(fs, Finding{RuleBrief, Reject, fmt.Sprintf("%s of comment; the policy asks for at least %d", plural(words, "word"), l.p.MinWords)})
	case only && phrase != "":
		fs = append(fs, Finding{RuleBrief, Reject, fmt.Sprintf("praise without substance (%q); say what the post made you think", clip(phrase))})
	case only:
		fs = append(fs, Finding{RuleBrief, Reject, "praise without substance; say what the post made you think"})
	}
	n := len(a.links)
	if n == 0 {
		return fs
	}
	anchorWords := countWords(a.anchors)
	switch {
	case l.p.MinWordsPerLink > 0 && words < n*l.p.MinWordsPerLink:
		fs = append(fs, Finding{RuleLinkPromotion, Reject, fmt.Sprintf("%s of comment for %s; the policy asks for %d words a link", plural(words, "word"), plural(n, "link"), l.p.MinWordsPerLink)})
	case anchorWords > words:
		fs = append(fs, Finding{RuleLinkPromotion, Reject, fmt.Sprintf("more link text (%s) than comment (%s)", plural(anchorWords, "word"), plural(words, "word"))})
	}
	if p := l.promotion.find(a.prose + " " + a.anchors); p != "" {
		fs = append(fs, Finding{RuleSelfPromotion, Hold, fmt.Sprintf("promotes with %q next to a link", clip(p))})
	}
	return fs
}

// onlyPraise reports whether the prose is made of brief phrases, praise
// words and at most maxLeftover other words, and returns the first brief
// phrase in it.
func (l *Linter) onlyPraise(prose string) (phrase string, only bool) {
	toks := tokens(prose)
	used := make([]bool, len(toks))
	phrase = l.brief.mark(toks, used)
	removed, left := phrase != "", 0
	for i, t := range toks {
		switch {
		case used[i]:
		case l.praise[t]:
			removed = true
		default:
			left++
		}
	}
	return phrase, removed && left <= maxLeftover
}

// checkWords applies the blocked and hold word lists to the whole body and
// the link targets.
func (l *Linter) checkWords(a *analysis) []Finding {
	var b strings.Builder
	b.WriteString(a.body)
	for _, k := range a.links {
		b.WriteString("\n" + k.target)
	}
	all := b.String()
	var fs []Finding
	for _, w := range l.blocked.find(all) {
		fs = append(fs, Finding{RuleBlockedWord, Reject, fmt.Sprintf("contains the blocked word %q", clip(w))})
	}
	for _, w := range l.hold.find(all) {
		fs = append(fs, Finding{RuleHoldWord, Hold, fmt.Sprintf("contains %q, which a moderator should read", clip(w))})
	}
	return fs
}

// checkShouting holds comments written mostly in capitals.
func (l *Linter) checkShouting(a *analysis) []Finding {
	if l.p.ShoutingRatio <= 0 {
		return nil
	}
	upper, lower := caseCounts(a.prose + " " + a.quoted + " " + a.anchors)
	if upper+lower < l.minLetters || float64(upper) <= l.p.ShoutingRatio*float64(upper+lower) {
		return nil
	}
	pct := 100 * upper / (upper + lower)
	return []Finding{{RuleShouting, Hold, fmt.Sprintf("%d%% of the letters are capitals", pct)}}
}

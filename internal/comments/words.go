package comments

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// unspaced reports whether r belongs to a script written without spaces
// between words.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// wordRune reports whether r can be part of a word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// joiner reports whether r joins two parts of one word: "don't",
// "well-written".
func joiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '‐'
}

// countWords counts the words of s. A word is a run of letters, digits and
// combining marks, with inner apostrophes and hyphens ("don't",
// "well-written"). Scripts written without spaces between words (Han,
// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) count one word for every two
// characters of a run, rounded up, which is close to the average length of a
// Chinese or Japanese word: "很好的文章" counts three.
func countWords(s string) int {
	rs := []rune(s)
	words, run, inWord := 0, 0, false
	for i, r := range rs {
		if unspaced(r) {
			run++
			inWord = false
			continue
		}
		words += (run + 1) / 2
		run = 0
		switch {
		case wordRune(r):
			if !inWord {
				words++
			}
			inWord = true
		case inWord && joiner(r) && i+1 < len(rs) && wordRune(rs[i+1]) && !unspaced(rs[i+1]):
		default:
			inWord = false
		}
	}
	return words + (run+1)/2
}

// caseCounts counts the upper-case and lower-case letters of s.
func caseCounts(s string) (upper, lower int) {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper, lower
}

// tokens splits s into normalised words for phrase matching: compatibility
// forms folded (NFKC), lower case, apostrophes dropped, everything but
// letters and digits a separator, runs of one repeated character squeezed
// to one ("Greeeat" and "great" both become "great", "good" becomes "god"),
// and each character of an unspaced script a word of its own.
func tokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(norm.NFKC.String(s)) {
		switch {
		case r == '\'' || r == '’':
		case unspaced(r):
			flush()
			out = append(out, string(r))
		case wordRune(r):
			if len(cur) == 0 || cur[len(cur)-1] != r {
				cur = append(cur, r)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// phraseSet matches phrases, as token sequences, in token lists.
type phraseSet struct {
	phrases [][]string // longest first
	text    []string   // the phrase as configured, for messages
}

// newPhraseSet normalises phrases; empty ones are dropped.
func newPhraseSet(phrases []string) phraseSet {
	var ps phraseSet
	for _, p := range phrases {
		if t := tokens(p); len(t) > 0 {
			ps.phrases = append(ps.phrases, t)
			ps.text = append(ps.text, strings.TrimSpace(p))
		}
	}
	order := make([]int, len(ps.phrases))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(ps.phrases[b]) - len(ps.phrases[a]) })
	sorted := phraseSet{}
	for _, i := range order {
		sorted.phrases = append(sorted.phrases, ps.phrases[i])
		sorted.text = append(sorted.text, ps.text[i])
	}
	return sorted
}

// mark sets used[i] for every token that is part of one of the phrases and
// returns the first phrase found, as configured.
func (ps phraseSet) mark(toks []string, used []bool) (first string) {
	for pi, p := range ps.phrases {
		for i := 0; i+len(p) <= len(toks); i++ {
			if !slices.Equal(toks[i:i+len(p)], p) || slices.Contains(used[i:i+len(p)], true) {
				continue
			}
			for j := range p {
				used[i+j] = true
			}
			if first == "" {
				first = ps.text[pi]
			}
		}
	}
	return first
}

// find returns the first phrase that occurs in s, or "".
func (ps phraseSet) find(s string) string {
	toks := tokens(s)
	return ps.mark(toks, make([]bool, len(toks)))
}

// wordList finds whole words and phrases of a list in text.
type wordList struct {
	re    *regexp.Regexp // nil for an empty list
	first []string       // the first word of each, case-folded by foldCase
}

// newWordList compiles words into one case-insensitive pattern. Words match
// whole (letters and digits on neither side); spaces in a phrase match any
// run of white space; a trailing "*" matches any ending.
func newWordList(words []string) (wordList, error) {
	var alts, first []string
	for _, w := range words {
		w = strings.ToLower(strings.TrimSpace(norm.NFKC.String(w)))
		star := strings.HasSuffix(w, "*")
		w = strings.TrimSpace(strings.TrimSuffix(w, "*"))
		if w == "" {
			continue
		}
		parts := strings.Fields(w)
		first = append(first, foldCase(parts[0]))
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		alt := strings.Join(parts, `\s+`)
		if star {
			alt += `[\p{L}\p{N}\p{M}]*`
		}
		alts = append(alts, alt)
	}
	if len(alts) == 0 {
		return wordList{}, nil
	}
	re, err := regexp.Compile(`(?i)(?:^|[^\p{L}\p{N}\p{M}])(` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}\p{M}])`)
	if err != nil {
		return wordList{}, fmt.Errorf("word list: %w", err)
	}
	return wordList{re: re, first: first}, nil
}

// find returns the distinct words of the list that occur in text, lower
// case, in the order found.
func (wl wordList) find(text string) []string {
	if wl.re == nil {
		return nil
	}
	text = norm.NFKC.String(text)
	if folded := foldCase(text); !slices.ContainsFunc(wl.first, func(w string) bool { return strings.Contains(folded, w) }) {
		return nil // no word of the list can start here; the pattern is slow on long lists
	}
	var out []string
	for _, m := range wl.re.FindAllStringSubmatch(text, -1) {
		w := strings.Join(strings.Fields(strings.ToLower(m[1])), " ")
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// foldCase maps each letter of s to the least of the letters that a
// case-insensitive pattern takes as the same ("k", "K" and the Kelvin sign
// to "K"), so that s contains a word in any case exactly when foldCase(s)
// contains foldCase(word).
func foldCase(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r < utf8.RuneSelf:
			return r
		}
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}

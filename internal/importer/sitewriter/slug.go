package sitewriter

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugBytes caps the length of a slug so that file names stay well under
// the limits of common file systems.
const MaxSlugBytes = 80

// latin spells letters that do not decompose into an ASCII letter and marks.
var latin = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ł': "l", 'Ł': "l", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// Slug returns a slug for s: lower-case letters and digits joined by single
// hyphens. Latin letters with accents lose them ("Réseaux" gives
// "reseaux", "Straße" gives "strasse"); letters of other scripts are kept
// ("日本" stays "日本"). Everything else, including '/', '\\', '.' and NUL,
// separates words, so a slug can never name another folder. The result is
// at most MaxSlugBytes long and is "" when s has no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	pending := false // a separator is due before the next word character
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			if b.Len() > 0 && !pending && !isASCIIWord(lastRune(b.String())) {
				b.WriteRune(r) // a mark that belongs to a non-Latin letter
			}
			continue
		}
		word := latinWord(r)
		if word == "" {
			pending = true
			continue
		}
		if pending && b.Len() > 0 {
			b.WriteByte('-')
		}
		pending = false
		b.WriteString(word)
	}
	return truncate(norm.NFC.String(b.String()), MaxSlugBytes)
}

// latinWord returns r as slug text: lower-cased, transliterated when it is
// a Latin letter listed in latin, "" when it is not a letter or digit.
func latinWord(r rune) string {
	if t, ok := latin[r]; ok {
		return t
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return string(unicode.ToLower(r))
	}
	return ""
}

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// truncate shortens a slug to at most n bytes, preferring to cut at a
// hyphen and never cutting a character in two.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	s = s[:cut]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// Names hands out unique slugs within one folder. The zero value is ready
// to use.
type Names struct {
	used map[string]bool
}

// Claim returns base if it is still free, else the first free of base-2,
// base-3, …, and marks the result as used. Given the same calls in the same
// order it returns the same names.
func (n *Names) Claim(base string) string {
	if n.used == nil {
		n.used = map[string]bool{}
	}
	name := base
	for i := 2; n.used[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}

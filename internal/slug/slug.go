// Package slug turns titles and terms into URL path segments.
//
// A slug keeps letters of every script (so "Réseaux sociaux" becomes
// "réseaux-sociaux" and "日本" stays "日本"), lower-cases them, and turns every
// run of other characters into one hyphen. Browsers show such URLs as
// written and percent-encode them on the wire.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Make returns the slug of s: lower-case letters and digits of any script
// joined by single hyphens, NFC-normalised. It returns "" when s has no
// letter or digit.
func Make(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

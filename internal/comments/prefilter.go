package comments

import "strings"

// The linter's patterns run on every comment the intake takes; most
// comments are prose without any of the characters a pattern needs. Each
// function here is a cheap test that is true whenever its pattern can
// match, so that the pattern runs only then.

// mayHaveDotWords is true when dotWords can match: it needs a bracket, a
// "dot" in any case, or a full stop after white space.
func mayHaveDotWords(s string) bool {
	return strings.ContainsAny(s, "[({<") || containsFoldASCII(s, "dot") || spaceBeforeDot(s)
}

// mayHaveScheme is true when a pattern of a scheme ("http://", "data:",
// spaced or not) or of a CSS expression can match: they need a colon.
func mayHaveScheme(s string) bool { return strings.IndexByte(s, ':') >= 0 }

// mayHaveBareURL is true when bareURL can match.
func mayHaveBareURL(s string) bool {
	return strings.Contains(s, "://") || containsFoldASCII(s, "www.")
}

// mayHaveBBCode is true when bbcodeURL or bbcodeTag can match.
func mayHaveBBCode(s string) bool { return strings.IndexByte(s, '[') >= 0 }

// mayHaveTag is true when s can hold an HTML tag.
func mayHaveTag(s string) bool { return strings.IndexByte(s, '<') >= 0 }

// spaceBeforeDot reports whether a full stop follows white space, as
// regexp's \s means it (ASCII).
func spaceBeforeDot(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == '.' && strings.IndexByte(" \t\n\f\r", s[i-1]) >= 0 {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains the lower-case ASCII word
// w in any case. Only for words whose letters have no case fold outside
// ASCII (not k or s, which fold to the Kelvin sign and the long s).
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && s[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

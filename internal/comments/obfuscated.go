package comments

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Obfuscated addresses, as spammers write them to get past link filters.
var (
	// dotWords matches "example dot com", "example (dot) com",
	// "example[.]com", "example . com" and longer chains.
	dotWords = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9-]*(?:(?:\s*(?:[\[({<]\s*(?:dot|\.)\s*[\])}>])\s*|\s+dot\s+|\s+\.\s+)[a-z0-9][a-z0-9-]*)+`)
	// dotSeparator matches one separator of dotWords.
	dotSeparator = regexp.MustCompile(`(?i)\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\s+\.\s+`)
	// wideDots matches names written with full-width letters or dots, or
	// ideographic full stops ("example．com", "ｅｘａｍｐｌｅ.com").
	wideDots = regexp.MustCompile(`[\p{Latin}\p{Nd}-]+(?:[.．｡。][\p{Latin}\p{Nd}-]+)+`)
	// spacedScheme matches "h t t p s : / /" and "hxxp://".
	spacedScheme = regexp.MustCompile(`(?i)\bh[\s\pC]*[tx][\s\pC]*[tx][\s\pC]*p[\s\pC]*(?:s[\s\pC]*)?:[\s\pC]*/[\s\pC]*/`)
	// spacedChars matches a name spelt one character at a time.
	spacedChars = regexp.MustCompile(`(?i)^\s*((?:[a-z0-9./-]\s+)+[a-z0-9])(?:\s|$)`)
	// nextToken matches the word after a spaced scheme.
	nextToken = regexp.MustCompile(`^\s*([^\s<>"']+)`)
)

// plainTLDs are the top-level domains that "dot" spelt out must end in to
// count: only the ones spam uses, so that "the dot at the end" stays prose.
var plainTLDs = []string{"com", "net", "org", "io", "co", "biz", "info", "xyz", "online", "site", "shop",
	"store", "club", "top", "ly", "tv", "app", "dev", "ai", "us", "uk", "eu", "ca", "au", "de", "fr",
	"es", "ru", "cn", "nl", "pl", "br", "in"}

// notNames are words that come before "dot com" in prose, not names.
var notNames = []string{"the", "a", "an", "this", "that", "of", "in", "on", "at", "to", "for", "and", "or",
	"early", "old", "first", "big", "whole", "pure", "any", "every", "red", "black", "blue", "green", "white",
	"little", "small", "polka", "one", "single", "last", "final", "it", "is", "was", "his", "her", "my",
	"your", "our", "their", "its"}

// obfuscated finds obfuscated addresses in s, records them as links and
// returns s without them.
func (a *analysis) obfuscated(s string) string {
	if mayHaveDotWords(s) {
		s = dotWords.ReplaceAllStringFunc(s, func(m string) string {
			if d, ok := dottedName(m); ok {
				a.add(d, kindObfuscated, "")
				return " "
			}
			return m
		})
	}
	if !isASCII(s) { // wideName takes only names with wide forms
		s = wideDots.ReplaceAllStringFunc(s, func(m string) string {
			if d, ok := wideName(m); ok {
				a.add(d, kindObfuscated, "")
				return " "
			}
			return m
		})
	}
	if !mayHaveScheme(s) {
		return s
	}
	return a.spacedSchemes(s)
}

// dottedName turns "example dot com" into example.com when it names a
// domain.
func dottedName(m string) (string, bool) {
	labels := dotSeparator.Split(m, -1)
	d := strings.ToLower(strings.Join(labels, "."))
	if !isDomain(d) {
		return "", false
	}
	bracketed := strings.ContainsAny(m, "[({<")
	if bracketed {
		return d, true
	}
	first, tld := strings.ToLower(labels[0]), strings.ToLower(labels[len(labels)-1])
	return d, slices.Contains(plainTLDs, tld) && !slices.Contains(notNames, first)
}

// wideName folds full-width forms and ideographic full stops in m and
// returns the domain they spell, if any.
func wideName(m string) (string, bool) {
	if isASCII(m) {
		return "", false
	}
	d := strings.ToLower(norm.NFKC.String(m))
	d = strings.NewReplacer("。", ".", "｡", ".").Replace(d)
	if !isASCII(d) || !isDomain(d) {
		return "", false
	}
	return d, true
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// spacedSchemes finds "h t t p s : / / e x a m p l e . c o m" and
// "hxxp://example.com", records the address and returns s without it.
func (a *analysis) spacedSchemes(s string) string {
	var b strings.Builder
	for {
		loc := spacedScheme.FindStringIndex(s)
		if loc == nil {
			b.WriteString(s)
			return b.String()
		}
		scheme, rest := s[loc[0]:loc[1]], s[loc[1]:]
		host, n := spacedHost(rest)
		if host == "" || (stripSpace(scheme) == scheme && !strings.ContainsAny(scheme, "xX")) {
			b.WriteString(s[:loc[1]])
			s = rest
			continue
		}
		a.add("http://"+host, kindObfuscated, "")
		b.WriteString(s[:loc[0]])
		b.WriteByte(' ')
		s = rest[n:]
	}
}

// spacedHost reads the address after a spaced scheme: spelt one character
// at a time, or one word. It returns the address and how much of s it took.
func spacedHost(s string) (string, int) {
	if m := spacedChars.FindStringSubmatchIndex(s); m != nil {
		return stripSpace(s[m[2]:m[3]]), m[3]
	}
	if m := nextToken.FindStringSubmatchIndex(s); m != nil {
		return s[m[2]:m[3]], m[3]
	}
	return "", 0
}

// Package search builds the static search index of a site: the words of
// every post, split into shards that a small script in the reader's
// browser loads only for the words it looks up.
//
// The index is a set of JSON files under /search/:
//
//	s/<n>.json   shard n: {"term": [doc, weight, doc, weight, ...], ...}
//	             docs delta-coded (each the difference from the one before)
//	d/<doc>.json one post: {"u": URL, "t": title, "d": date, "s": summary, "x": text}
//
// A term is in the shard numbered by the FNV-1a hash of its Key (its
// first three runes, or the first of a pair of Han runes), modulo the number of shards, so
// every term that starts with the same three runes is in one shard: the
// script finds "listening" from "listen" by loading one file. The number
// of shards grows with the number of posts (Shards) so each stays small.
//
// Words are runs of letters, marks and digits, lower-cased. Words of Han,
// Hiragana and Katakana, which are written without spaces, are indexed as
// overlapping pairs of runes (a run of one rune as itself), so a query in
// those scripts is found by its pairs. Words of one rune in other scripts
// are left out. The script in static/theme/search.js reads text the same
// way; TestTokensMatchTheScript holds the two together.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTermBytes caps the length of a term; longer words are cut.
const MaxTermBytes = 40

// KeyRunes is the number of leading runes that choose a term's shard.
const KeyRunes = 3

// Tokens calls fn with every term of text, in order, repeats included.
func Tokens(text string, fn func(term string)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			word(text[start:i], fn)
			start = -1
		}
	}
	if start >= 0 {
		word(text[start:], fn)
	}
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isPaired reports whether r belongs to a script written without spaces
// between words, whose text is indexed as pairs of runes.
func isPaired(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || r == '々'
}

// word splits a run of word runes into runs of paired and other runes,
// and emits the terms of each.
func word(w string, fn func(string)) {
	start, paired := 0, false
	for i, r := range w {
		p := isPaired(r)
		if i > 0 && p != paired {
			emit(w[start:i], paired, fn)
			start = i
		}
		paired = p
	}
	emit(w[start:], paired, fn)
}

// emit sends the terms of a run: pairs of runes for a paired run, else
// the lower-cased word, cut to MaxTermBytes, unless it is one rune.
func emit(run string, paired bool, fn func(string)) {
	if !paired {
		if utf8.RuneCountInString(run) < 2 {
			return
		}
		fn(cut(strings.ToLower(run)))
		return
	}
	if _, size := utf8.DecodeRuneInString(run); size == len(run) {
		fn(run)
		return
	}
	for i := 0; i < len(run); {
		_, a := utf8.DecodeRuneInString(run[i:])
		if i+a >= len(run) {
			break
		}
		_, b := utf8.DecodeRuneInString(run[i+a:])
		fn(run[i : i+a+b])
		i += a
	}
}

// cut shortens a term to at most MaxTermBytes, at a rune boundary.
func cut(t string) string {
	if len(t) <= MaxTermBytes {
		return t
	}
	n := MaxTermBytes
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	return t[:n]
}

// Key is the part of a term that chooses its shard: its first KeyRunes
// runes, or for a pair of Han, Hiragana or Katakana runes its first rune,
// so that a query of one such rune finds the pairs it starts.
func Key(term string) string {
	if r, size := utf8.DecodeRuneInString(term); isPaired(r) {
		return term[:size]
	}
	n := 0
	for i := range term {
		if n == KeyRunes {
			return term[:i]
		}
		n++
	}
	return term
}

// ShardOf returns the shard of a term among n: FNV-1a of its Key.
func ShardOf(term string, n int) int {
	h := uint32(2166136261)
	k := Key(term)
	for i := 0; i < len(k); i++ {
		h ^= uint32(k[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

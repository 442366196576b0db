package zola

import (
	"strings"

	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// unsafePath are the characters slugify "safe" takes out of a path.
const unsafePath = "<>:/|?*#\\()[]\"\t\r\n"

// slugify makes a path segment as Zola's [slugify] paths setting does:
// "on" (the default) lower-cases and joins words with hyphens, "safe"
// only takes out characters a path cannot hold, "off" keeps the text.
func slugify(s, mode string) string {
	switch mode {
	case "off":
		return strings.TrimSpace(s)
	case "safe":
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(unsafePath, r) {
				return -1
			}
			return r
		}, strings.TrimSpace(s))
		return strings.Join(strings.Fields(s), "-")
	}
	return sitewriter.Slug(s)
}

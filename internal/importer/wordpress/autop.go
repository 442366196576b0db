package wordpress

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// WordPress stores classic-editor posts without <p> tags: a blank line ends
// a paragraph and a single newline is a line break. The theme adds the tags
// when it shows the post (wpautop). autop does the same here so that the
// HTML-to-Markdown step sees real paragraphs.

// allBlocks are the elements wpautop treats as blocks: it never wraps them
// in <p> and never adds <br /> next to them.
const allBlocks = `(?i:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)`

var (
	// protectedRE matches elements whose text autop leaves alone.
	protectedRE    = regexp.MustCompile(`(?is)<(pre|script|style|textarea|svg|math)\b.*?</(?:pre|script|style|textarea|svg|math)\s*>`)
	placeholderRE  = regexp.MustCompile(`<pre blogen-autop-(\d+)></pre>`)
	doubleBrRE     = regexp.MustCompile(`<(?i:br)\s*/?>\s*<(?i:br)\s*/?>`)
	blockOpenRE    = regexp.MustCompile(`(<` + allBlocks + `[\s/>])`)
	blockCloseRE   = regexp.MustCompile(`(</` + allBlocks + `>)`)
	hrRE           = regexp.MustCompile(`<(?i:hr)\s*?/?>`)
	paraSplitRE    = regexp.MustCompile(`\n\s*\n`)
	emptyParaRE    = regexp.MustCompile(`<p>\s*</p>`)
	unclosedRE     = regexp.MustCompile(`<p>([^<]+)</((?i:div|address|form))>`)
	wrappedBlockRE = regexp.MustCompile(`<p>\s*(</?` + allBlocks + `[^>]*>)\s*</p>`)
	liParaRE       = regexp.MustCompile(`<p>(<(?i:li).+?)</p>`)
	quoteOpenRE    = regexp.MustCompile(`<p><(?i:blockquote)([^>]*)>`)
	openBeforeRE   = regexp.MustCompile(`<p>\s*(</?` + allBlocks + `[^>]*>)`)
	closeAfterRE   = regexp.MustCompile(`(</?` + allBlocks + `[^>]*>)\s*</p>`)
	brAfterBlockRE = regexp.MustCompile(`(</?` + allBlocks + `[^>]*>)\s*<br />`)
	brBeforeRE     = regexp.MustCompile(`<br />(\s*</?(?i:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`)
	urlLineRE      = regexp.MustCompile(`(?im)^[ \t]*(https?://[^\s<>"]+)[ \t]*$`)
)

// autop adds the <p> and <br /> tags WordPress adds when it shows a post. It
// follows wpautop: blank lines separate paragraphs, single newlines become
// <br />, and block elements are neither wrapped nor followed by breaks.
// The contents of <pre>, <script>, <style>, <textarea>, <svg> and <math>
// are kept as they are. A line that is nothing but a web address, which
// WordPress would have turned into an embed, becomes a link.
func autop(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s, saved := protect(s)
	s = urlLineRE.ReplaceAllString(s, `<p><a href="$1">$1</a></p>`)
	s = doubleBrRE.ReplaceAllString(s+"\n", "\n\n")
	s = blockOpenRE.ReplaceAllString(s, "\n\n$1")
	s = blockCloseRE.ReplaceAllString(s, "$1\n\n")
	s = hrRE.ReplaceAllString(s, "<hr />\n\n")
	s = newlinesInTags(s)
	s = paragraphs(s)
	s = tidy(s)
	s = lineBreaks(s)
	s = brAfterBlockRE.ReplaceAllString(s, "$1")
	s = brBeforeRE.ReplaceAllString(s, "$1")
	s = strings.TrimSuffix(strings.TrimSpace(s), "\n")
	return restore(s, saved)
}

// protect swaps protected elements for placeholders that autop treats as
// empty <pre> blocks.
func protect(s string) (string, []string) {
	var saved []string
	s = protectedRE.ReplaceAllStringFunc(s, func(m string) string {
		saved = append(saved, m)
		return fmt.Sprintf("<pre blogen-autop-%d></pre>", len(saved)-1)
	})
	return s, saved
}

func restore(s string, saved []string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		i, err := strconv.Atoi(placeholderRE.FindStringSubmatch(m)[1])
		if err != nil || i >= len(saved) {
			return m
		}
		return saved[i]
	})
}

// newlinesInTags replaces newlines inside tags with spaces, so that a tag
// written across lines does not get a <br /> inside it.
func newlinesInTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	b := []byte(s)
	inTag := false
	for i, c := range b {
		switch {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case c == '\n' && inTag:
			b[i] = ' '
		}
	}
	return string(b)
}

// paragraphs wraps every blank-line-separated chunk in <p>.
func paragraphs(s string) string {
	var b strings.Builder
	for _, p := range paraSplitRE.Split(s, -1) {
		if p = strings.Trim(p, "\n"); strings.TrimSpace(p) != "" {
			b.WriteString("<p>" + strings.Trim(p, "\n ") + "</p>\n")
		}
	}
	return b.String()
}

// tidy removes the <p> tags that wrapping put around block elements.
func tidy(s string) string {
	s = emptyParaRE.ReplaceAllString(s, "")
	s = unclosedRE.ReplaceAllString(s, "<p>$1</p></$2>")
	s = wrappedBlockRE.ReplaceAllString(s, "$1")
	s = liParaRE.ReplaceAllString(s, "$1")
	s = quoteOpenRE.ReplaceAllString(s, "<blockquote$1><p>")
	s = strings.ReplaceAll(s, "</blockquote></p>", "</p></blockquote>")
	s = openBeforeRE.ReplaceAllString(s, "$1")
	s = closeAfterRE.ReplaceAllString(s, "$1")
	return s
}

// lineBreaks turns every newline not already after a <br /> into one.
func lineBreaks(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			if !strings.HasSuffix(strings.TrimRight(b.String(), " \t"), "<br />") {
				b.WriteString("<br />")
			}
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

package sitegen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// prose appends generated Markdown to a buffer, drawing every choice from
// one random source.
type prose struct {
	r       *rand.Rand
	b       []byte
	handles []string // author handles that may be @mentioned
}

func (p *prose) pick(list []string) string { return list[p.r.IntN(len(list))] }

// chance reports true with probability f.
func (p *prose) chance(f float64) bool { return p.r.Float64() < f }

func (p *prose) str(s string) { p.b = append(p.b, s...) }

// fill appends template t with its {slots} filled, capitalising the first
// letter.
func (p *prose) fill(t string) {
	start := len(p.b)
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			break
		}
		j := i + strings.IndexByte(t[i:], '}')
		p.b = append(p.b, t[:i]...)
		p.b = append(p.b, p.pick(slots[t[i+1:j]])...)
		t = t[j+1:]
	}
	p.b = append(p.b, t...)
	if start < len(p.b) && p.b[start] >= 'a' && p.b[start] <= 'z' {
		p.b[start] -= 'a' - 'A'
	}
}

// filled returns template t filled, without touching the buffer.
func (p *prose) filled(t string) string {
	saved := p.b
	p.b = nil
	p.fill(t)
	s := string(p.b)
	p.b = saved
	return s
}

// paragraph appends a paragraph of three to six sentences. One
// paragraph in three carries one extra: a link, inline code, emphasis, a
// mention or a hashtag.
func (p *prose) paragraph() {
	n := 3 + p.r.IntN(4)
	extra, at := p.r.IntN(30), p.r.IntN(n)
	for i := range n {
		if i > 0 {
			p.str(" ")
		}
		if i == at {
			p.extra(extra)
			continue
		}
		p.fill(p.pick(sentences))
	}
	p.str("\n\n")
}

// extra appends sentence kind x: below 10 one with something more, else a
// plain one.
func (p *prose) extra(x int) {
	switch {
	case x < 4:
		p.link()
	case x < 5:
		p.str("In our set-up that is one setting, `")
		p.str(p.pick(inlineCode))
		p.str("`, and most teams never change it.")
	case x < 7:
		p.str("**")
		p.fill(p.pick(sentences))
		p.str("**")
	case x < 8:
		p.str("That is the *whole* point.")
	case x < 9 && len(p.handles) > 0:
		p.str("@")
		p.str(p.pick(p.handles))
		p.str(" made the same point at the last meetup.")
	case x < 10:
		p.str("We tag these conversations #CustomerService so the night shift can find them.")
	default:
		p.fill(p.pick(sentences))
	}
}

// link appends a sentence with an inline link.
func (p *prose) link() {
	text := p.pick(linkTexts)
	switch p.r.IntN(3) {
	case 0:
		p.str("There is more on this in [" + text + "](")
		p.url()
		p.str(").")
	case 1:
		p.str("I wrote about it before, in [" + text + "](")
		p.url()
		p.str(").")
	default:
		p.str("[" + strings.ToUpper(text[:1]) + text[1:] + "](")
		p.url()
		p.str(") makes the same point with better data.")
	}
}

// url appends a plausible article URL.
func (p *prose) url() {
	p.str(p.pick(linkHosts))
	p.str(strings.ReplaceAll(p.pick(slots["topic"]), " ", "-"))
	p.str("-")
	p.b = strconv.AppendInt(p.b, int64(2008+p.r.IntN(17)), 10)
}

// heading appends a second-level heading.
func (p *prose) heading() {
	p.str("## ")
	p.fill(p.pick(headings))
	p.str("\n\n")
}

// list appends a bullet or numbered list of three to six items.
func (p *prose) list(numbered bool) {
	n := 3 + p.r.IntN(4)
	for i := range n {
		if numbered {
			p.b = strconv.AppendInt(p.b, int64(i+1), 10)
			p.str(". ")
		} else {
			p.str("- ")
		}
		p.fill(p.pick(items))
		if p.chance(0.3) {
			p.str(": ")
			p.fill(p.pick(sentences))
		} else {
			p.str(".")
		}
		p.str("\n")
	}
	p.str("\n")
}

// quote appends a block quote, sometimes attributed.
func (p *prose) quote() {
	p.str("> ")
	p.fill(p.pick(quotes))
	p.str("\n")
	if p.chance(0.5) {
		p.str(">\n> — ")
		p.str(p.pick(firstNames) + " " + p.pick(lastNames) + ", " + p.pick(roles))
		p.str("\n")
	}
	p.str("\n")
}

// code appends a fenced code block.
func (p *prose) code() {
	lang := p.pick(codeLanguages)
	p.str("```" + lang + "\n")
	p.str(p.pick(codeSnippets[lang]))
	p.str("\n```\n\n")
}

// table appends a table with a header and three to six rows.
func (p *prose) table() {
	head := tableHeads[p.r.IntN(len(tableHeads))]
	p.row(head)
	sep := make([]string, len(head))
	sep[0] = "---"
	for i := 1; i < len(sep); i++ {
		sep[i] = "--:"
	}
	p.row(sep)
	for range 3 + p.r.IntN(4) {
		cells := []string{p.pick(slots["channel"])}
		for len(cells) < len(head) {
			cells = append(cells, strconv.Itoa(1+p.r.IntN(500)))
		}
		p.row(cells)
	}
	p.str("\n")
}

func (p *prose) row(cells []string) {
	p.str("| " + strings.Join(cells, " | ") + " |\n")
}

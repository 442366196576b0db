package sitegen

// bodyPlan says what one post body holds.
type bodyPlan struct {
	size     int  // bytes of Markdown to write, at least
	more     bool // a <!--more--> marker after the introduction
	code     int  // fenced code blocks: none, one or two
	table    bool
	footnote bool
}

// newBodyPlan draws the shape of a body of 5 to 15 KB, with one or two
// code blocks; the caller drops them from the posts that have none.
func (p *prose) newBodyPlan() bodyPlan {
	return bodyPlan{
		size:     4800 + p.r.IntN(8400),
		more:     p.chance(0.5),
		code:     1 + p.r.IntN(2),
		table:    p.chance(0.15),
		footnote: p.chance(0.1),
	}
}

// body appends a post body: an introduction, sections with headings,
// lists, quotes, code and maybe a table, and a closing paragraph.
func (p *prose) body(plan bodyPlan) {
	start := len(p.b)
	p.paragraph()
	p.paragraph()
	if plan.more {
		p.str("<!--more-->\n\n")
	}
	pending := p.inserts(plan, start)
	for first := true; len(p.b)-start < plan.size; first = false {
		p.section(plan.footnote && first)
		for len(pending) > 0 && len(p.b) >= pending[0].at {
			pending[0].write()
			pending = pending[1:]
		}
	}
	for _, in := range pending {
		in.write()
	}
	p.paragraph()
	if plan.footnote {
		p.str("[^1]: ")
		p.fill(p.pick(sentences))
		p.str("\n")
	}
}

// insert is a block written once the body has reached an offset.
type insert struct {
	at    int
	write func()
}

// inserts places the code blocks and the table at fixed fractions of a
// body that starts at offset start.
func (p *prose) inserts(plan bodyPlan, start int) []insert {
	var out []insert
	for i := range plan.code {
		out = append(out, insert{start + plan.size*(i+1)/(plan.code+2), p.code})
	}
	if plan.table {
		out = append(out, insert{start + plan.size*3/4, p.table})
	}
	return out
}

// section appends a heading and two to four blocks. note marks the first
// paragraph with a footnote reference.
func (p *prose) section(note bool) {
	p.heading()
	for i := range 2 + p.r.IntN(3) {
		switch x := p.r.IntN(10); {
		case x < 6 || i == 0:
			p.paragraph()
			if note && i == 0 {
				p.b = p.b[:len(p.b)-2]
				p.str("[^1]\n\n")
			}
		case x < 7:
			p.list(false)
		case x < 8:
			p.list(true)
		default:
			p.quote()
		}
	}
}

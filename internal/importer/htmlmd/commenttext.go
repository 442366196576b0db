package htmlmd

import (
	"strings"

	"github.com/JohannesKaufmann/dom"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
)

// superscripts and subscripts are the characters Unicode has raised and
// lowered forms of, for comments: H<sub>2</sub>O reads H₂O.
var (
	superscripts = strings.NewReplacer("0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹", "+", "⁺", "-", "⁻", "=", "⁼", "(", "⁽", ")", "⁾", "n", "ⁿ", "i", "ⁱ")
	subscripts   = strings.NewReplacer("0", "₀", "1", "₁", "2", "₂", "3", "₃", "4", "₄", "5", "₅", "6", "₆", "7", "₇", "8", "₈", "9", "₉", "+", "₊", "-", "₋", "=", "₌", "(", "₍", ")", "₎")
)

// registerCommentText adds the renderers that write, in comments, what
// posts keep as HTML as text that reads the same.
func registerCommentText(conv *converter.Converter) {
	conv.Register.RendererFor("sup", converter.TagTypeInline, renderScript(superscripts, "0123456789+-=()ni"), converter.PriorityEarly)
	conv.Register.RendererFor("sub", converter.TagTypeInline, renderScript(subscripts, "0123456789+-=()"), converter.PriorityEarly)
	conv.Register.RendererFor("q", converter.TagTypeInline, renderQuote, converter.PriorityEarly)
}

// renderScript writes a superscript or subscript in its Unicode form when
// every character of it has one (chars), else as plain text.
func renderScript(r *strings.Replacer, chars string) converter.HandleRenderFunc {
	return func(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
		text := strings.TrimSpace(dom.CollectText(n))
		if text == "" || strings.Trim(text, chars) != "" {
			ctx.RenderChildNodes(ctx, w, n)
			return converter.RenderSuccess
		}
		w.WriteString(r.Replace(text))
		return converter.RenderSuccess
	}
}

// renderQuote writes an inline quotation between the quotation marks a
// browser shows around <q>.
func renderQuote(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("“")
	ctx.RenderChildNodes(ctx, w, n)
	w.WriteString("”")
	return converter.RenderSuccess
}

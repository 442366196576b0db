package render

import (
	"bytes"
	"html"
	"html/template"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
)

// minifier minifies outputs by their file extension, and HTML templates.
// It is configured once and then safe for concurrent use.
//
// HTML pages are not minified one by one: their templates are, once, when
// the renderer is made (Templates.Compact), so that every page comes out
// minified at no cost. What the templates insert is compact already:
// goldmark's HTML, escaped text, compact JSON.
type minifier struct {
	m *minify.M
}

// mediaTypes maps the extensions blogen writes to the minifier's types.
// Feeds and the sitemap (.xml, .json) are written compact already, and
// pages (.html) come compact from their templates.
var mediaTypes = map[string]string{
	".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml",
}

func newMinifier() *minifier {
	m := minify.New()
	// Templates keep what some browsers, tools or the theme's CSS rely on.
	m.Add("text/x-go-template", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true,
		KeepDefaultAttrVals: true, TemplateDelims: mhtml.GoTemplateDelims})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return &minifier{m: m}
}

// template minifies the text of an HTML template, leaving its actions
// as they are.
func (m *minifier) template(text string) (string, error) {
	return m.m.String("text/x-go-template", text)
}

// minify returns b minified by the type of file p, or b itself for other
// files and for HTML pages, which come minified from their templates.
func (m *minifier) minify(p string, b []byte) ([]byte, error) {
	mt, ok := mediaTypes[path.Ext(p)]
	if !ok {
		return b, nil
	}
	var out bytes.Buffer
	out.Grow(len(b))
	if err := m.m.Minify(mt, &out, bytes.NewReader(b)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func unescape(s string) string { return html.UnescapeString(s) }

func templateHTML(b []byte) template.HTML { return template.HTML(b) }

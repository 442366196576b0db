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

// minifier minifies outputs by their file extension. It is configured once
// and then safe for concurrent use.
type minifier struct {
	m *minify.M
}

// mediaTypes maps the extensions blogen writes to the minifier's types.
// Feeds and the sitemap (.xml, .json) are written compact already.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".svg": "image/svg+xml",
}

func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return &minifier{m: m}
}

// minify returns b minified by the type of file p, or b itself for other
// files.
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

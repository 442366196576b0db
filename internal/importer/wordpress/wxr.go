package wordpress

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/htmlindex"
)

// Errors that Import wraps, for callers that want to tell them apart.
var (
	// ErrNotXML means the file is not well-formed XML.
	ErrNotXML = errors.New("not well-formed XML")
	// ErrNotWXR means the file is XML but not a WordPress export.
	ErrNotWXR = errors.New("not a WordPress export (WXR)")
	// ErrTruncated means the file ends before the export does.
	ErrTruncated = errors.New("the file ends early; it may be truncated")
)

// wxrNamespace matches the namespace of WXR's wp: elements, which carries
// the format version.
var wxrNamespace = regexp.MustCompile(`^https?://wordpress\.org/export/(1\.\d+)/?$`)

// author is one wp:author entry of the channel.
type author struct {
	login, email, display, first, last string
}

// term is one <category> of an item: a category, a tag or another taxonomy.
type term struct {
	domain, nicename, name string
}

// comment is one wp:comment of an item.
type comment struct {
	line                     int
	id, parent               int64
	author, email, url       string
	date, dateGMT            string
	content, approved, ctype string
}

// item is one <item> of the channel: a post, a page, an attachment or any
// other post type.
type item struct {
	line                          int // where the item starts
	title, link, pubDate, creator string
	guid, content, excerpt        string
	id, parent                    int64
	date, dateGMT                 string
	modified, modifiedGMT         string
	commentStatus, name, status   string
	postType, password            string
	sticky                        bool
	attachmentURL                 string
	terms                         []term
	meta                          map[string]string
	comments                      []comment
}

// handler receives what the reader finds, in file order.
type handler struct {
	author func(a author) error
	item   func(it *item) error
}

// reader walks a WXR file token by token. It keeps only the current item in
// memory.
type reader struct {
	d       *xml.Decoder
	name    string // the file name used in messages
	version string // the WXR version from the wp namespace
}

func newReader(r io.Reader, name string) *reader {
	d := xml.NewDecoder(&controlFilter{r: r})
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	return &reader{d: d, name: name}
}

// charsetReader decodes exports saved in a legacy encoding to UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported character encoding %q: %w", label, err)
	}
	return enc.NewDecoder().Reader(in), nil
}

// controlFilter drops the C0 control characters that XML 1.0 forbids but
// that pasted text often leaves in WordPress exports. Bytes below 0x20 never
// occur inside a multi-byte UTF-8 sequence, so dropping them is safe.
type controlFilter struct{ r io.Reader }

func (f *controlFilter) Read(p []byte) (int, error) {
	for {
		n, err := f.r.Read(p)
		k := 0
		for _, c := range p[:n] {
			if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
				p[k] = c
				k++
			}
		}
		if k > 0 || n == 0 || err != nil {
			return k, err
		}
	}
}

func (x *reader) line() int {
	line, _ := x.d.InputPos()
	return line
}

// token returns the next token. A decoder error becomes an error with the
// file and line; inside names the element being read, for messages.
func (x *reader) token(inside string) (xml.Token, error) {
	tok, err := x.d.Token()
	if err == nil {
		return tok, nil
	}
	return nil, x.syntaxError(inside, err)
}

func (x *reader) syntaxError(inside string, err error) error {
	line := x.line()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
		if strings.Contains(se.Msg, "unexpected EOF") {
			return fmt.Errorf("%s:%d: %w (inside %s): %v", x.name, line, ErrTruncated, inside, se.Msg)
		}
		return fmt.Errorf("%s:%d: %w: %v", x.name, line, ErrNotXML, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s:%d: %w (inside %s)", x.name, line, ErrTruncated, inside)
	}
	return fmt.Errorf("%s:%d: reading %s: %w", x.name, line, inside, err)
}

func (x *reader) skip(inside string) error {
	if err := x.d.Skip(); err != nil {
		return x.syntaxError(inside, err)
	}
	return nil
}

// prefix returns the conventional prefix of a namespace: wp, excerpt,
// content, dc, or "" for none. Undeclared prefixes come through as is.
func prefix(space string) string {
	switch {
	case space == "":
		return ""
	case strings.HasSuffix(space, "/excerpt/") || space == "excerpt":
		return "excerpt"
	case wxrNamespace.MatchString(space) || space == "wp":
		return "wp"
	case space == "http://purl.org/rss/1.0/modules/content/" || space == "content":
		return "content"
	case space == "http://purl.org/dc/elements/1.1/" || space == "dc":
		return "dc"
	}
	return space
}

// key names an element as prefix:local, or local without a namespace.
func key(n xml.Name) string {
	if p := prefix(n.Space); p != "" {
		return p + ":" + n.Local
	}
	return n.Local
}

// scan reads the whole export, calling h for each author and item.
func (x *reader) scan(ctx context.Context, h handler) error {
	root, err := x.root()
	if err != nil {
		return err
	}
	if err := x.checkRoot(root); err != nil {
		return err
	}
	channels := 0
	for {
		tok, err := x.token("<rss>")
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if key(t.Name) != "channel" {
				if err := x.skip("<" + t.Name.Local + ">"); err != nil {
					return err
				}
				continue
			}
			channels++
			if err := x.channel(ctx, h); err != nil {
				return err
			}
		case xml.EndElement:
			if channels == 0 {
				return fmt.Errorf("%s:%d: %w: the feed has no <channel>", x.name, x.line(), ErrNotWXR)
			}
			return nil
		}
	}
}

// root returns the document element, checking that what comes before it is
// XML's prolog and not text.
func (x *reader) root() (xml.StartElement, error) {
	for {
		line := x.line()
		tok, err := x.d.Token()
		if errors.Is(err, io.EOF) {
			return xml.StartElement{}, fmt.Errorf("%s:%d: %w: the file has no XML element", x.name, x.line(), ErrNotXML)
		}
		if err != nil {
			return xml.StartElement{}, fmt.Errorf("%s:%d: %w: %v", x.name, x.line(), ErrNotXML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if trimmed := bytes.TrimLeft(t, " \t\r\n"); len(trimmed) > 0 {
				line += bytes.Count(t[:len(t)-len(trimmed)], []byte("\n"))
				return xml.StartElement{}, fmt.Errorf("%s:%d: %w: the file starts with text, not with an XML tag", x.name, line, ErrNotXML)
			}
		}
	}
}

// checkRoot accepts <rss> with a WXR namespace and explains anything else.
func (x *reader) checkRoot(root xml.StartElement) error {
	line := x.line()
	switch root.Name.Local {
	case "rss":
		for _, a := range root.Attr {
			if m := wxrNamespace.FindStringSubmatch(a.Value); m != nil && a.Name.Space == "xmlns" {
				x.version = m[1]
				return nil
			}
		}
		return fmt.Errorf("%s:%d: %w: this is an RSS feed without the WordPress export namespace "+
			"(xmlns:wp=\"http://wordpress.org/export/1.2/\"); export the site from WordPress with Tools > Export", x.name, line, ErrNotWXR)
	case "feed":
		if x.isBlogger(root) {
			return fmt.Errorf("%s:%d: %w: this is a Blogger export (Atom), which blogen does not import; "+
				"import it into WordPress first and export from there", x.name, line, ErrNotWXR)
		}
		return fmt.Errorf("%s:%d: %w: this is an Atom feed; export the site from WordPress with Tools > Export", x.name, line, ErrNotWXR)
	}
	return fmt.Errorf("%s:%d: %w: the document element is <%s>, where a WordPress export has <rss>", x.name, line, ErrNotWXR, root.Name.Local)
}

// isBlogger tells a Blogger export from other Atom feeds by its namespace
// or, in older exports, by the blogger.com id and generator before the
// first entry.
func (x *reader) isBlogger(root xml.StartElement) bool {
	for _, a := range root.Attr {
		if strings.Contains(a.Value, "blogger") {
			return true
		}
	}
	for i := 0; i < 200; i++ {
		tok, err := x.d.Token()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "entry" {
				return false
			}
		case xml.CharData:
			if bytes.Contains(bytes.ToLower(t), []byte("blogger")) {
				return true
			}
		}
	}
	return false
}

// channel reads the channel up to its end tag.
func (x *reader) channel(ctx context.Context, h handler) error {
	for {
		tok, err := x.token("<channel>")
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.channelElement(ctx, t, h); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (x *reader) channelElement(ctx context.Context, t xml.StartElement, h handler) error {
	switch key(t.Name) {
	case "item":
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s:%d: import stopped: %w", x.name, x.line(), err)
		}
		it, err := x.item()
		if err != nil {
			return err
		}
		return h.item(it)
	case "wp:author":
		a, err := x.author()
		if err != nil {
			return err
		}
		return h.author(a)
	}
	return x.skip("<" + t.Name.Local + ">")
}

// text returns the character data of the element just started, including
// that of any child elements. CDATA sections are joined, so a section split
// around "]]>" reads as one string.
func (x *reader) text(inside string) (string, error) {
	var b strings.Builder
	for depth := 1; ; {
		tok, err := x.token(inside)
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth--; depth == 0 {
				return b.String(), nil
			}
		}
	}
}

// fields reads the child elements of the element just started as text,
// calling set for each.
func (x *reader) fields(inside string, set func(key, value string)) error {
	for {
		tok, err := x.token(inside)
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			v, err := x.text(inside)
			if err != nil {
				return err
			}
			set(key(t.Name), v)
		case xml.EndElement:
			return nil
		}
	}
}

func (x *reader) author() (author, error) {
	var a author
	err := x.fields("<wp:author>", func(k, v string) {
		v = strings.TrimSpace(v)
		switch k {
		case "wp:author_login":
			a.login = cleanName(v)
		case "wp:author_email":
			a.email = v
		case "wp:author_display_name":
			a.display = cleanName(v)
		case "wp:author_first_name":
			a.first = v
		case "wp:author_last_name":
			a.last = v
		}
	})
	return a, err
}

// item reads one <item>.
func (x *reader) item() (*item, error) {
	it := &item{line: x.line(), meta: map[string]string{}}
	inside := fmt.Sprintf("the <item> that starts on line %d", it.line)
	for {
		tok, err := x.token(inside)
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.itemElement(it, t, inside); err != nil {
				return nil, err
			}
		case xml.EndElement:
			return it, nil
		}
	}
}

func (x *reader) itemElement(it *item, t xml.StartElement, inside string) error {
	switch key(t.Name) {
	case "wp:postmeta":
		var k, v string
		err := x.fields(inside, func(name, value string) {
			switch name {
			case "wp:meta_key":
				k = strings.TrimSpace(value)
			case "wp:meta_value":
				v = value
			}
		})
		if k != "" {
			it.meta[k] = v
		}
		return err
	case "wp:comment":
		c, err := x.comment(inside)
		it.comments = append(it.comments, c)
		return err
	case "category":
		v, err := x.text(inside)
		it.terms = append(it.terms, term{domain: attr(t, "domain"), nicename: attr(t, "nicename"), name: strings.TrimSpace(v)})
		return err
	}
	v, err := x.text(inside)
	it.set(key(t.Name), v)
	return err
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// set stores the value of one simple child element of an item.
func (it *item) set(k, v string) {
	if k != "content:encoded" && k != "excerpt:encoded" {
		v = strings.TrimSpace(v)
	}
	switch k {
	case "title":
		it.title = v
	case "link":
		it.link = v
	case "pubDate":
		it.pubDate = v
	case "dc:creator":
		it.creator = cleanName(v)
	case "guid":
		it.guid = v
	case "content:encoded":
		it.content = v
	case "excerpt:encoded":
		it.excerpt = v
	default:
		it.setWP(k, v)
	}
}

func (it *item) setWP(k, v string) {
	switch k {
	case "wp:post_id":
		it.id = number(v)
	case "wp:post_parent":
		it.parent = number(v)
	case "wp:post_date":
		it.date = v
	case "wp:post_date_gmt":
		it.dateGMT = v
	case "wp:post_modified":
		it.modified = v
	case "wp:post_modified_gmt":
		it.modifiedGMT = v
	case "wp:comment_status":
		it.commentStatus = v
	case "wp:post_name":
		it.name = v
	case "wp:status":
		it.status = v
	case "wp:post_type":
		it.postType = v
	case "wp:post_password":
		it.password = v
	case "wp:is_sticky":
		it.sticky = v == "1"
	case "wp:attachment_url":
		it.attachmentURL = v
	}
}

func (x *reader) comment(inside string) (comment, error) {
	c := comment{line: x.line()}
	err := x.fields(inside, func(k, v string) {
		if k != "wp:comment_content" {
			v = strings.TrimSpace(v)
		}
		switch k {
		case "wp:comment_id":
			c.id = number(v)
		case "wp:comment_parent":
			c.parent = number(v)
		case "wp:comment_author":
			c.author = v
		case "wp:comment_author_email":
			c.email = v
		case "wp:comment_author_url":
			c.url = v
		case "wp:comment_date":
			c.date = v
		case "wp:comment_date_gmt":
			c.dateGMT = v
		case "wp:comment_content":
			c.content = v
		case "wp:comment_approved":
			c.approved = v
		case "wp:comment_type":
			c.ctype = v
		}
	})
	return c, err
}

// number reads a WordPress id; anything that is not a positive whole number
// is 0, which WordPress uses for "none".
func number(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// cleanName takes out of an author's name what exports get wrong: HTML
// entities ("ana&gt;", "Ana&nbsp;Ruiz"), tags ("<b>Ana</b>"), angle
// brackets left over from markup ("ana>") and runs of spaces.
func cleanName(s string) string {
	s = nameTag.ReplaceAllString(html.UnescapeString(s), " ")
	s = strings.Map(func(r rune) rune {
		if r == '<' || r == '>' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// nameTag matches the HTML tags that markup leaves in names; "<Jozef K.>"
// is a name in brackets, not a tag.
var nameTag = regexp.MustCompile(`(?i)</?(?:a|b|i|u|em|strong|span|font|small|br|p|div)(?:\s[^<>]*)?/?>`)

package markdown

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// hostileComments are comments that try to get markup, script or styles
// into the page. want, when set, is the exact output.
var hostileComments = []struct {
	name string
	src  string
	want string
}{
	{"script tag", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
	{"inline script", "hi <script>alert(1)</script>", "<p>hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
	{"img onerror", `<img src=x onerror=alert(1)>`, "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"},
	{"inline img onerror", `look <img src=x onerror="alert(1)">`, "<p>look &lt;img src=x onerror=&#34;alert(1)&#34;&gt;</p>\n"},
	{"bold tag shown", "a <b>bold</b> claim", "<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n"},
	{"javascript link", "[x](javascript:alert(1))", "<p>x</p>\n"},
	{"javascript link upper case", "[x](JaVaScRiPt:alert(1))", "<p>x</p>\n"},
	{"javascript autolink", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
	{"javascript reference", "[x][1]\n\n[1]: javascript:alert(1)\n", "<p>x</p>\n"},
	{"javascript in angle destination", "[x](<javascript:alert(1)>)", "<p>x</p>\n"},
	{"tab in scheme", "[a](java&#x09;script:alert(1))", "<p>a</p>\n"},
	{"newline entity in scheme", "[a](java&#10;script:alert(1))", "<p>a</p>\n"},
	{"decimal entity scheme", "[a](&#106;avascript:alert(1))", "<p>a</p>\n"},
	{"hex entity scheme and colon", "[a](&#x6A;avascript&#x3A;alert(1))", "<p>a</p>\n"},
	{"named entity colon", "[a](javascript&colon;alert(1))", "<p>a</p>\n"},
	{"percent encoded scheme", "[a](%6Aavascript:alert(1))", "<p>a</p>\n"},
	{"vbscript", "[a](vbscript:msgbox(1))", "<p>a</p>\n"},
	{"data uri link", "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>a</p>\n"},
	{"data uri image", "![a](data:image/svg+xml;base64,PHN2Zz4=)", "<p>a</p>\n"},
	{"file link", "[a](file:///etc/passwd)", "<p>a</p>\n"},
	{"relative link", "[a](/admin)", "<p>a</p>\n"},
	{"protocol relative link", "[a](//evil.example/x)", "<p>a</p>\n"},
	{"fragment link", "[a](#comments)", "<p>a</p>\n"},
	{"html anchor", `<a href="javascript:alert(1)">x</a>`, "<p>&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;</p>\n"},
	{"html anchor inline", `see <a href="https://ok.example" onclick="x()">x</a>`,
		"<p>see &lt;a href=&#34;https://ok.example&#34; onclick=&#34;x()&#34;&gt;x&lt;/a&gt;</p>\n"},
	{"style attribute", `<p style="position:fixed">x</p>`, "<p>&lt;p style=&#34;position:fixed&#34;&gt;x&lt;/p&gt;</p>\n"},
	{"style element", "<style>body{display:none}</style>", "<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n"},
	{"iframe", `<iframe src="https://evil.example"></iframe>`, "<p>&lt;iframe src=&#34;https://evil.example&#34;&gt;&lt;/iframe&gt;</p>\n"},
	{"svg onload", "<svg onload=alert(1)>", "<p>&lt;svg onload=alert(1)&gt;</p>\n"},
	{"multi-line html block", "<div\nonclick=\"x\">\nhi\n</div>", "<p>&lt;div<br>\nonclick=&#34;x&#34;&gt;<br>\nhi<br>\n&lt;/div&gt;</p>\n"},
	{"html comment", "<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>\n"},
	{"markdown image", "![a cat](https://img.example/cat.png)", `<p><a href="https://img.example/cat.png" rel="nofollow ugc">a cat</a></p>` + "\n"},
	{"image without description", "![](https://img.example/cat.png)",
		`<p><a href="https://img.example/cat.png" rel="nofollow ugc">https://img.example/cat.png</a></p>` + "\n"},
	{"image with markup in description", "![*a* <b>cat</b>](https://img.example/c.png)",
		`<p><a href="https://img.example/c.png" rel="nofollow ugc">a &lt;b&gt;cat&lt;/b&gt;</a></p>` + "\n"},
	{"quote breaking title", `[x](https://ok.example "t\" onmouseover=\"alert(1)")`, `<p><a href="https://ok.example" rel="nofollow ugc">x</a></p>` + "\n"},
	{"quote breaking href", `[x](https://ok.example/"onmouseover="alert(1))`, `<p><a href="https://ok.example/%22onmouseover=%22alert(1)" rel="nofollow ugc">x</a></p>` + "\n"},
	{"emphasis around html", "*<b>x</b>*", "<p><em>&lt;b&gt;x&lt;/b&gt;</em></p>\n"},
	{"code span", "`<script>`", "<p><code>&lt;script&gt;</code></p>\n"},
	{"fenced code with language", "```html\n<script>x</script>\n```", "<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n"},
	{"entities stay text", "&lt;script&gt; &#60;b&#62;", "<p>&lt;script&gt; &lt;b&gt;</p>\n"},
	{"heading", "# Big\n\ntext", "<p>Big</p>\n<p>text</p>\n"},
	{"thematic break", "a\n\n---\n\nb", "<p>a</p>\n<p>b</p>\n"},
	{"plain javascript text", "javascript:alert(1)", "<p>javascript:alert(1)</p>\n"},
	{"nested link in image", "![[x](javascript:alert(1))](https://img.example/a.png)",
		`<p><a href="https://img.example/a.png" rel="nofollow ugc">x</a></p>` + "\n"},
	{"null byte", "a\x00<script>", "<p>a\ufffd&lt;script&gt;</p>\n"},
}

func TestCommentRendererHostile(t *testing.T) {
	c := NewCommentRenderer()
	for _, tc := range hostileComments {
		t.Run(tc.name, func(t *testing.T) {
			out, err := c.Render([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			checkCommentSafe(t, out)
			if tc.want != "" && string(out) != tc.want {
				t.Errorf("Render(%q):\n got %q\nwant %q", tc.src, out, tc.want)
			}
		})
	}
}

// commentCases are ordinary comments whose Markdown must survive.
var commentCases = []struct {
	name string
	src  string
	want string
}{
	{"emphasis", "*em* **strong** ~~gone~~ `code`", "<p><em>em</em> <strong>strong</strong> <del>gone</del> <code>code</code></p>\n"},
	{"link", "[Go](https://go.dev/doc/)", `<p><a href="https://go.dev/doc/" rel="nofollow ugc">Go</a></p>` + "\n"},
	{"link with query", "[q](https://x.example/?a=1&b=2)", `<p><a href="https://x.example/?a=1&amp;b=2" rel="nofollow ugc">q</a></p>` + "\n"},
	{"mailto link", "[me](mailto:me@example.com)", `<p><a href="mailto:me@example.com" rel="nofollow ugc">me</a></p>` + "\n"},
	{"bare url", "see https://go.dev.", `<p>see <a href="https://go.dev" rel="nofollow ugc">https://go.dev</a>.</p>` + "\n"},
	{"www", "www.example.com", `<p><a href="http://www.example.com" rel="nofollow ugc">www.example.com</a></p>` + "\n"},
	{"email", "mail me@example.com", `<p>mail <a href="mailto:me@example.com" rel="nofollow ugc">me@example.com</a></p>` + "\n"},
	{"autolink", "<https://go.dev>", `<p><a href="https://go.dev" rel="nofollow ugc">https://go.dev</a></p>` + "\n"},
	{"lists", "- a\n- b\n\n1. one\n2. two", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"},
	{"ordered list start", "3. three\n4. four", "<ol>\n<li>three</li>\n<li>four</li>\n</ol>\n"},
	{"quote", "> quoted\n\nreply", "<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>reply</p>\n"},
	{"code block", "```go\nx := 1 < 2\n```", "<pre><code>x := 1 &lt; 2\n</code></pre>\n"},
	{"hard wraps", "line one\nline two", "<p>line one<br>\nline two</p>\n"},
	{"no typographer", `"quoted" -- text`, "<p>&#34;quoted&#34; -- text</p>\n"},
	{"mentions stay text", "@bob #go", "<p>@bob #go</p>\n"},
	{"tables", "| a | b |\n|---|:-:|\n| 1 | <b>2</b> |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td align=\"center\">&lt;b&gt;2&lt;/b&gt;</td>\n</tr>\n</tbody>\n</table>\n"},
	{"pipes without a delimiter row stay text", "a | b\nc | d", "<p>a | b<br>\nc | d</p>\n"},
}

func TestCommentRenderer(t *testing.T) {
	c := NewCommentRenderer()
	for _, tc := range commentCases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := c.Render([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			checkCommentSafe(t, out)
			if string(out) != tc.want {
				t.Errorf("Render(%q):\n got %q\nwant %q", tc.src, out, tc.want)
			}
		})
	}
}

var (
	commentElements = map[string]bool{
		"p": true, "br": true, "a": true, "em": true, "strong": true, "code": true,
		"pre": true, "blockquote": true, "ul": true, "ol": true, "li": true, "del": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	}
	// Any '<' left in comment output opens a real tag: text is escaped.
	eventAttr    = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	styleAttr    = regexp.MustCompile(`(?i)<[^>]*\sstyle\s*=`)
	forbiddenTag = regexp.MustCompile(`(?i)<\s*/?\s*(script|img|style|iframe|svg|object|embed|form|input|link|meta)\b`)
)

// checkCommentSafe fails t unless out is comment-safe HTML: only the allowed
// elements, links with an http, https or mailto href and rel="nofollow ugc",
// and no other attribute.
func checkCommentSafe(t testing.TB, out []byte) {
	t.Helper()
	for _, re := range []*regexp.Regexp{eventAttr, styleAttr, forbiddenTag} {
		if m := re.Find(out); m != nil {
			t.Errorf("unsafe markup %q in %q", m, out)
		}
	}
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			checkTag(t, z.Token(), out)
		case html.CommentToken, html.DoctypeToken:
			t.Errorf("comment or doctype in %q", out)
		}
	}
}

// checkTag checks one start tag of comment output.
func checkTag(t testing.TB, tok html.Token, out []byte) {
	t.Helper()
	for _, a := range tok.Attr {
		if scheme := scriptScheme(a.Val); scheme != "" {
			t.Errorf("attribute %s=%q of <%s> is a %s: URL in %q", a.Key, a.Val, tok.Data, scheme, out)
		}
	}
	if !commentElements[tok.Data] {
		t.Errorf("element <%s> in %q", tok.Data, out)
	}
	if tok.Data == "th" || tok.Data == "td" {
		for _, a := range tok.Attr {
			if a.Key != "align" || (a.Val != "left" && a.Val != "center" && a.Val != "right") {
				t.Errorf("attribute %s=%q on <%s> in %q", a.Key, a.Val, tok.Data, out)
			}
		}
		return
	}
	if tok.Data != "a" {
		if len(tok.Attr) > 0 {
			t.Errorf("attributes %v on <%s> in %q", tok.Attr, tok.Data, out)
		}
		return
	}
	var href, rel bool
	for _, a := range tok.Attr {
		switch a.Key {
		case "href":
			href = true
			checkHref(t, a.Val, out)
		case "rel":
			rel = a.Val == "nofollow ugc"
		default:
			t.Errorf("attribute %s on <a> in %q", a.Key, out)
		}
	}
	if !href || !rel {
		t.Errorf(`<a> without href or rel="nofollow ugc" in %q`, out)
	}
}

// scriptScheme returns the scheme of an attribute value, as a browser
// reads it as a URL, when the scheme runs script or embeds a document
// (javascript, vbscript, data), else "". Browsers strip leading and
// trailing spaces and C0 controls and drop tabs and newlines anywhere, and
// take the scheme in any case; a scheme's name further on, in a path,
// query or fragment, is text.
func scriptScheme(val string) string {
	val = strings.TrimFunc(val, func(r rune) bool { return r <= ' ' })
	val = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(val)
	scheme, _, ok := strings.Cut(val, ":")
	if !ok {
		return ""
	}
	switch scheme = strings.ToLower(scheme); scheme {
	case "javascript", "vbscript", "data":
		return scheme
	}
	return ""
}

// checkHref checks the (unescaped) href of a comment link.
func checkHref(t testing.TB, href string, out []byte) {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Errorf("unparsable href %q in %q", href, out)
		return
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
	default:
		t.Errorf("href %q in %q", href, out)
	}
	if strings.ContainsAny(href, "\x00\t\n\r \"<>") {
		t.Errorf("href %q holds spaces, double quotes or angle brackets in %q", href, out)
	}
}

func TestCommentRendererConcurrent(t *testing.T) {
	c := NewCommentRenderer()
	want := make([]string, len(hostileComments))
	for i, tc := range hostileComments {
		out, err := c.Render([]byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = string(out)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range hostileComments {
				i := (k + g) % len(hostileComments)
				out, err := c.Render([]byte(hostileComments[i].src))
				if err != nil || string(out) != want[i] {
					t.Errorf("concurrent render of %q differs (err %v)", hostileComments[i].src, err)
				}
			}
		})
	}
	wg.Wait()
}

func TestScriptScheme(t *testing.T) {
	tests := []struct{ val, want string }{
		{"javascript:alert(1)", "javascript"},
		{"  JaVaScRiPt:alert(1)", "javascript"},
		{"\x01java\tscript:alert(1)", "javascript"},
		{"java\nscript:x", "javascript"},
		{"vbscript:msgbox", "vbscript"},
		{"data:text/html,<script>", "data"},
		{"https://00.aaa#jAvAsCript:00", ""},
		{"https://example.org/?next=data:x", ""},
		{"/javascript:void", ""},
		{"mailto:ana@example.org", ""},
		{"nofollow ugc", ""},
	}
	for _, tt := range tests {
		if got := scriptScheme(tt.val); got != tt.want {
			t.Errorf("scriptScheme(%q) = %q, want %q", tt.val, got, tt.want)
		}
	}
}

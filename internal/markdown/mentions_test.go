package markdown

import (
	"testing"
)

const (
	bobLink   = `<a href="/authors/bob/" class="mention">@bob</a>`
	aliceLink = `<a href="https://x.com/alice" class="mention mention-external" rel="nofollow noopener">@alice</a>`
)

// mentionCases render with mentionOpts and testSite unless told otherwise.
var mentionCases = []struct {
	name string
	src  string
	opts *Options
	// noSite renders with a nil Resolver.
	noSite bool
	want   string
}{
	{
		name: "known author",
		src:  "Thanks @bob!",
		want: "<p>Thanks " + bobLink + "!</p>\n",
	},
	{
		name: "unknown handle",
		src:  "Thanks @alice",
		want: "<p>Thanks " + aliceLink + "</p>\n",
	},
	{
		name: "known tag in other case",
		src:  "More #GoLang and #GO",
		want: `<p>More <a href="https://x.com/hashtag/GoLang" class="hashtag hashtag-external" rel="nofollow noopener">#GoLang</a>` +
			` and <a href="/tags/go/" class="hashtag">#GO</a></p>` + "\n",
	},
	{
		name: "unknown tag",
		src:  "#rust",
		want: `<p><a href="https://x.com/hashtag/rust" class="hashtag hashtag-external" rel="nofollow noopener">#rust</a></p>` + "\n",
	},
	{
		name: "start of text",
		src:  "@bob wrote this",
		want: "<p>" + bobLink + " wrote this</p>\n",
	},
	{
		name: "inside a raw HTML link",
		src:  `See <a href="https://example.org/">@bob on #go</a> and @bob.`,
		want: `<p>See <a href="https://example.org/">@bob on #go</a> and ` + bobLink + ".</p>\n",
	},
	{
		name: "inside raw HTML code, in emphasis",
		src:  "<CODE>*@bob*</CODE> <kbd>#go</kbd> #go",
		want: `<p><CODE><em>@bob</em></CODE> <kbd>#go</kbd> <a href="/tags/go/" class="hashtag">#go</a></p>` + "\n",
	},
	{
		name: "e-mail inside a mailto link",
		src:  `Write to <a href="mailto:ana@example.org">ana@example.org</a> or www.example.org.`,
		want: `<p>Write to <a href="mailto:ana@example.org">ana@example.org</a> or <a href="http://www.example.org">www.example.org</a>.</p>` + "\n",
	},
	{
		name: "address inside a raw HTML link",
		src:  `<a href="https://example.org/">https://example.org/</a>`,
		want: `<p><a href="https://example.org/">https://example.org/</a></p>` + "\n",
	},
	{
		name: "in code span",
		src:  "Use `@bob #go` here",
		want: "<p>Use <code>@bob #go</code> here</p>\n",
	},
	{
		name: "in fenced code",
		src:  "```\n@bob #go\n```\n",
		want: "<pre><code>@bob #go\n</code></pre>\n",
	},
	{
		name: "in indented code",
		src:  "    @bob #go\n",
		want: "<pre><code>@bob #go\n</code></pre>\n",
	},
	{
		name: "in link text",
		src:  "[ask @bob about #go](https://example.com)",
		want: `<p><a href="https://example.com">ask @bob about #go</a></p>` + "\n",
	},
	{
		name: "in reference link text",
		src:  "[@bob][ref]\n\n[ref]: https://example.com\n",
		want: `<p><a href="https://example.com">@bob</a></p>` + "\n",
	},
	{
		name: "in image description",
		src:  "![@bob and #go](/a.png)",
		want: `<p><img src="/a.png" alt="@bob and #go"></p>` + "\n",
	},
	{
		name: "in autolink",
		src:  "<https://example.com/@bob#go>",
		want: `<p><a href="https://example.com/@bob#go">https://example.com/@bob#go</a></p>` + "\n",
	},
	{
		name: "in bare URL",
		src:  "see https://x.com/a#frag and https://x.com/@bob",
		want: `<p>see <a href="https://x.com/a#frag">https://x.com/a#frag</a> and <a href="https://x.com/@bob">https://x.com/@bob</a></p>` + "\n",
	},
	{
		name: "fragment of unlinked URL",
		src:  `"x.com/#frag" and x.com/page#top`,
		want: "<p>&quot;x.com/#frag&quot; and x.com/page#top</p>\n",
	},
	{
		name: "email address",
		src:  "mail bob@example.com",
		want: `<p>mail <a href="mailto:bob@example.com">bob@example.com</a></p>` + "\n",
	},
	{
		name: "email address not linkified",
		src:  `"bob@example.com"`,
		want: "<p>&quot;bob@example.com&quot;</p>\n",
	},
	{
		name: "address on another server",
		src:  "follow @bob@mastodon.social",
		want: "<p>follow @bob@mastodon.social</p>\n",
	},
	{
		name: "in raw html",
		src:  `<span title="@bob #go">x</span>`,
		want: `<p><span title="@bob #go">x</span></p>` + "\n",
	},
	{
		name: "between inline tags",
		src:  "<em>@bob</em>",
		want: "<p><em>" + bobLink + "</em></p>\n",
	},
	{
		name: "in html block",
		src:  "<div>\n@bob #go\n</div>\n",
		want: "<div>\n@bob #go\n</div>\n",
	},
	{
		name: "heading",
		src:  "# go\n\n## Hello #go",
		want: `<h1 id="go">go</h1>` + "\n" + `<h2 id="hello-go">Hello <a href="/tags/go/" class="hashtag">#go</a></h2>` + "\n",
	},
	{
		name: "hashtag at line start is no heading",
		src:  "#go is fun",
		want: `<p><a href="/tags/go/" class="hashtag">#go</a> is fun</p>` + "\n",
	},
	{
		name: "digits only",
		src:  "issue #1 and #2024",
		want: "<p>issue #1 and #2024</p>\n",
	},
	{
		name: "letters after digits",
		src:  "#2024recap",
		want: `<p><a href="https://x.com/hashtag/2024recap" class="hashtag hashtag-external" rel="nofollow noopener">#2024recap</a></p>` + "\n",
	},
	{
		name: "non-ascii hashtags",
		src:  "#café and #日本",
		want: `<p><a href="https://x.com/hashtag/caf%C3%A9" class="hashtag hashtag-external" rel="nofollow noopener">#café</a>` +
			` and <a href="/tags/%E6%97%A5%E6%9C%AC/" class="hashtag">#日本</a></p>` + "\n",
	},
	{
		name: "followed by punctuation",
		src:  "@bob, @bob. @bob: (@bob) #go!",
		want: "<p>" + bobLink + ", " + bobLink + ". " + bobLink + ": (" + bobLink + `) <a href="/tags/go/" class="hashtag">#go</a>!</p>` + "\n",
	},
	{
		name: "preceded by a letter or digit",
		src:  "x@bob 1@bob foo#go 1#go",
		want: "<p>x@bob 1@bob foo#go 1#go</p>\n",
	},
	{
		name: "preceded by url punctuation",
		src:  "a/@bob a.@bob a=#go a&#go",
		want: "<p>a/@bob a.@bob a=#go a&amp;#go</p>\n",
	},
	{
		name: "in emphasis",
		src:  "**@bob** _#go_",
		want: "<p><strong>" + bobLink + `</strong> <em><a href="/tags/go/" class="hashtag">#go</a></em></p>` + "\n",
	},
	{
		name: "escaped sigil",
		src:  `\@bob \#go`,
		want: "<p>@bob #go</p>\n",
	},
	{
		name: "hyphens in handles",
		src:  "@mary-jane- and @-x",
		want: `<p><a href="https://x.com/mary-jane" class="mention mention-external" rel="nofollow noopener">@mary-jane</a>- and @-x</p>` + "\n",
	},
	{
		name: "handle too long",
		src:  "@abcdefghijabcdefghijabcdefghijk",
		want: "<p>@abcdefghijabcdefghijabcdefghijk</p>\n",
	},
	{
		name: "bare sigils",
		src:  "@ and # and @@ and ##",
		want: "<p>@ and # and @@ and ##</p>\n",
	},
	{
		name: "in table cell",
		src:  "| who |\n|---|\n| @bob |\n",
		want: "<table>\n<thead>\n<tr>\n<th>who</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" + bobLink + "</td>\n</tr>\n</tbody>\n</table>\n",
	},
	{
		name: "in blockquote",
		src:  "> @bob\n>#go",
		want: "<blockquote>\n<p>" + bobLink + "\n" + `<a href="/tags/go/" class="hashtag">#go</a></p>` + "\n</blockquote>\n",
	},
	{
		name:   "nil resolver",
		src:    "@bob #go",
		noSite: true,
		want: `<p><a href="https://x.com/bob" class="mention mention-external" rel="nofollow noopener">@bob</a> ` +
			`<a href="https://x.com/hashtag/go" class="hashtag hashtag-external" rel="nofollow noopener">#go</a></p>` + "\n",
	},
	{
		name: "no pattern leaves unknown names as text",
		src:  "@bob @alice #go #rust",
		opts: &Options{Mentions: MentionOptions{Enabled: true}},
		want: "<p>" + bobLink + ` @alice <a href="/tags/go/" class="hashtag">#go</a> #rust</p>` + "\n",
	},
	{
		name: "invalid pattern is ignored",
		src:  "@alice",
		opts: &Options{Mentions: MentionOptions{Enabled: true, MentionURL: "https://x.com/%d"}},
		want: "<p>@alice</p>\n",
	},
	{
		name:   "pattern with literal percent",
		src:    "#go",
		opts:   &Options{Mentions: MentionOptions{Enabled: true, HashtagURL: "https://s.example/?q=%%23%s"}},
		noSite: true,
		want:   `<p><a href="https://s.example/?q=%23go" class="hashtag hashtag-external" rel="nofollow noopener">#go</a></p>` + "\n",
	},
	{
		name: "disabled",
		src:  "@bob #go",
		opts: &Options{},
		want: "<p>@bob #go</p>\n",
	},
}

func TestMentions(t *testing.T) {
	def := New(mentionOpts)
	for _, tc := range mentionCases {
		t.Run(tc.name, func(t *testing.T) {
			r := def
			if tc.opts != nil {
				r = New(*tc.opts)
			}
			var res Resolver = testSite
			if tc.noSite {
				res = nil
			}
			got := string(render(t, r, tc.src, res).HTML)
			if got != tc.want {
				t.Errorf("Render(%q):\n got %s\nwant %s", tc.src, got, tc.want)
			}
		})
	}
}

func TestMentionOptionsValidate(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{"", true},
		{"https://x.com/%s", true},
		{"https://x.com/search?q=%%23%s", true},
		{"https://x.com/", false},
		{"https://x.com/%d", false},
		{"https://x.com/%s/%s", false},
		{"https://x.com/%20%s", false},
	}
	for _, tc := range tests {
		err := MentionOptions{MentionURL: tc.pattern, HashtagURL: tc.pattern}.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("Validate(%q) = %v, want ok %v", tc.pattern, err, tc.ok)
		}
	}
}

package markdown

import (
	"testing"
)

// codeBlockCases pin what the info string of a fenced code block changes:
// the language, and a nohl attribute (nohl=true; goldmark's attribute
// syntax has no bare names), which turns highlighting off. Line numbers,
// highlighted lines and styles stay off.
var codeBlockCases = []struct {
	name, src, want string
}{
	{
		name: "highlighted",
		src:  "```go\nx := 1\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w"> </span><span class="o">:=</span><span class="w"> </span><span class="mi">1</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "attributes ignored",
		src:  "```go {linenos=table,hl_lines=[1],linenostart=5,hl_style=monokai}\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "nohl",
		src:  "```go {nohl=true}\nx := 1 < 2\n```\n",
		want: "<pre><code class=\"language-go\">x := 1 &lt; 2\n</code></pre>\n",
	},
	{
		name: "nohl among others",
		src:  "```python {.x #y nohl=1}\nx\n```\n",
		want: "<pre><code class=\"language-python\">x\n</code></pre>\n",
	},
	{
		name: "bare nohl is not an attribute",
		src:  "```go {nohl}\nx\n```\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nx">x</span><span class="w">` + "\n</span></span></span></code></pre>\n",
	},
	{
		name: "braces without a space",
		src:  "```go{nohl}\nx\n```\n",
		want: "<pre><code class=\"language-go{nohl}\">x\n</code></pre>\n",
	},
	{
		name: "language escaped",
		src:  "```a\"<b>\nx\n```\n",
		want: "<pre><code class=\"language-a&quot;&lt;b&gt;\">x\n</code></pre>\n",
	},
	{
		name: "empty block",
		src:  "```go\n```\n",
		want: "<pre class=\"chroma\"><code></code></pre>\n",
	},
	{
		name: "tildes",
		src:  "~~~sh\necho hi\n~~~\n",
		want: `<pre class="chroma"><code><span class="line"><span class="cl"><span class="nb">echo</span> hi` + "\n</span></span></code></pre>\n",
	},
}

func TestCodeBlocks(t *testing.T) {
	r := New(Options{})
	for _, tc := range codeBlockCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.Render([]byte(tc.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.HTML); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// Package markdown is the one Markdown renderer of blogen. Posts and pages go
// through a [Renderer]; reader comments go through a [CommentRenderer]; the
// stylesheet for highlighted code comes from [Stylesheet].
//
// # Posts
//
// A [Renderer] is built once from [Options] and is then safe for concurrent
// use: it holds one goldmark instance that every call shares. Posts are
// trusted input. The dialect is CommonMark plus:
//
//   - GitHub Flavored Markdown: tables, strikethrough, task lists, and
//     linkify (bare URLs, www. addresses and e-mail addresses become links).
//     Column alignment is written as align attributes, not inline styles.
//   - Footnotes ([^1] references and [^1]: definitions).
//   - Raw HTML, passed through unchanged.
//
// Quotes, dashes and ellipses are kept as written (no typographer), and
// attribute syntax ({#id .class}) is not recognised.
//
// # Headings
//
// Every heading gets an id made from its text: letters and digits of any
// script, lower-cased, with every run of other characters turned into one
// hyphen ("Café au lait!" becomes "café-au-lait"). A heading with no letter
// or digit gets "section". Ids are unique within a document: the second
// "Setup" heading becomes "setup-1", the third "setup-2". Ids depend only
// on the document, so the same source always gives the same ids.
//
// # Code
//
// Fenced code blocks with a language chroma knows are highlighted by
// chroma's HTML formatter with CSS classes (never inline styles) inside
// <pre class="chroma"><code>; the matching CSS comes from [Stylesheet].
// The language is the first word of the info string, which ends at a
// space, a tab, a comma, an equals sign or a brace ("rust,ignore" and
// "shell=" are Rust and shell). A block with no language or an unknown
// one, with a nohl attribute ("go {nohl=true}"), or whose lexing takes
// more than ten seconds, is written as escaped text in <pre><code>, with
// a class="language-…" when a language was given. Line numbers and line
// highlighting are off, whatever the info string says.
//
// # Summary and "read more"
//
// A line holding only an HTML comment <!--more--> (any case, spaces allowed
// inside and around it, as in <!-- more -->) splits the summary from the
// rest: [Result.Summary] is the HTML of the blocks before it and
// [Result.HasMore] is true. The marker may also close a paragraph
// ("Intro text. <!--more-->"); the summary then ends after that
// paragraph. Markers are never part of the output, and only the first one
// splits. A marker inside a list or quote ends the summary after the
// top-level block that holds it. Markers inside code are text, and a marker
// in the middle of a raw HTML block is left to that block.
//
// Without a marker the summary is the HTML of the first top-level paragraph
// (headings, lists, quotes and code before it are skipped); a document
// without one has no summary. The summary is cut from the same rendering as
// [Result.HTML], so it is byte for byte a part of it; footnote references in
// it point to notes that are not in the summary.
//
// # Word count
//
// [Result.Words] counts words in the text a reader reads: paragraphs,
// headings, lists, quotes, tables, link texts, inline code and footnotes.
// Code blocks, raw HTML and image descriptions are not counted. A word is a
// run of non-space characters holding at least one letter or digit, so "—"
// is not a word and "don't" and "e-mail" are one each; markup inside a word
// does not split it ("un*believ*able" is one word). Each Han, Hiragana or
// Katakana character counts as one word, as those scripts do not separate
// words with spaces.
//
// # Mentions and hashtags
//
// With [MentionOptions.Enabled], @handle and #hashtag in text become links.
//
// A handle is 1 to 30 ASCII letters, digits, underscores and hyphens, not
// starting with a hyphen ("@mary-jane"). A hashtag is 1 to 100 letters of
// any script, combining marks, digits and underscores, with at least one
// letter: "#café" and "#日本" are hashtags, "#1" is not. Trailing hyphens
// and underscores are not part of either, so "_@bob_" is @bob in italics
// and "@bob-" is @bob followed by a hyphen.
//
// The sigil must follow the start of a line, white space, one of
// ( [ { < > " ' * _ ~ | , ; ! ? or an opening bracket or quote of any
// script; never a letter, digit or other punctuation. So
// "bob@example.com", "issue#3" and "x.com/#frag" stay text.
// "@bob@example.social" (an address on another server) stays text too.
//
// A handle links to the author page the [Resolver] knows for it (class
// "mention"); otherwise to MentionURL with the handle, with class "mention
// mention-external" and rel="nofollow noopener". A hashtag links to the tag
// page the Resolver knows (class "hashtag"), otherwise to HashtagURL (class
// "hashtag hashtag-external", same rel). Handles and tags are passed to the
// Resolver as written, without the sigil; they are path-escaped in external
// URLs. When there is no page and no pattern, the text stays plain. A
// pattern must hold exactly one %s; [MentionOptions.Validate] reports one
// that does not, and [New] ignores such a pattern.
//
// Mentions and hashtags are never recognised inside code, link texts, image
// descriptions, autolinks, bare URLs or e-mail addresses that linkify turns
// into links, HTML tags (attribute values) or HTML blocks. Markdown text
// between inline tags, as in "<kbd>@bob</kbd>", is still text where they
// are recognised. A line starting "# " is still a heading.
//
// # Comments
//
// A [CommentRenderer] renders untrusted reader comments. It uses its own
// goldmark instance: CommonMark with linkify, strikethrough, tables and
// hard line breaks (a newline in a comment is a <br>); no task lists or
// footnotes. Then:
//
//   - Raw HTML is shown as text: a reader who writes <b> sees <b>.
//   - Links keep only absolute http, https and mailto targets and get
//     rel="nofollow ugc"; any other link (javascript:, data:, relative
//     paths, …) is reduced to its text.
//   - Images become links to the image, labelled with their description;
//     comments never load remote images.
//   - Headings become plain paragraphs and thematic breaks are dropped.
//   - Code blocks are plain <pre><code>, without highlighting.
//
// The result then passes through an HTML sanitiser that allows only p, br,
// a (href with http, https or mailto, and rel), em, strong, code, pre,
// blockquote, ul, ol, li, del, and tables (table, thead, tbody, tr, th and
// td, with align left, center or right). Comment output never carries scripts,
// styles, event handlers or any other markup.
package markdown

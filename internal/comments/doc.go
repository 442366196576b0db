// Package comments holds reader comments to a site's written comment
// policy: the linter that blogen lint, the moderation queue and the comment
// endpoints ask about every comment. It reads and writes no files.
//
// # The policy
//
// A site states its policy in site.toml ([comments.policy], see
// config.Policy). The default is the policy of a classic social-business
// blog:
//
//	Please use comments to add value to the discussion. Maximum one link to
//	an educational blog post or article. We will NOT PUBLISH brief comments
//	like 'good post', comments that mainly promote links, or comments with
//	links to companies, products, or services.
//
// A Linter, built once from a policy by NewLinter and safe for concurrent
// use, judges a comment body (the Markdown after the front matter) and
// returns a Result: a Verdict and the findings that decide it. Verdicts are
// publish, hold (a moderator should look) and reject; a result's verdict is
// the strictest of its findings (reject > hold > publish), and a comment
// without findings is publish. Findings are listed strictest first.
//
// # Links
//
// The body is parsed as Markdown (goldmark with linkify) and links are
// taken from the tree: Markdown links and images, reference links,
// autolinks (<https://...>), bare URLs, and HTML in the body, where <a href>
// and <img src> are links (read with golang.org/x/net/html). The text is
// then searched for what the Markdown parser leaves as text: http(s):// and
// www. addresses it does not link, BBCode ([url=...]text[/url],
// [url]...[/url]), and obfuscated addresses: "example dot com", "example
// (dot) com", "example[.]com", "example . com", full-width letters and dots
// ("example．com", "ｅｘａｍｐｌｅ.com"), ideographic full stops, and spaced
// or mangled schemes ("h t t p s : / / e x a m p l e . c o m", "hxxp://").
// A plain "dot" counts only before a top-level domain that spam uses and
// after a word that can be a name, so "the dot com bubble" stays prose.
// Code spans and code blocks are shown as code and hold no links.
//
// Targets are normalised: for web links the host in lower-case ASCII
// without "www." or a default port, then the path without a trailing slash,
// then the query, without scheme or fragment ("example.com/blog/post").
// Each distinct target counts once. Links returns them.
//
// # Words
//
// The commenter's own words ("prose") are the text outside links, block
// quotes and HTML script or style elements, without bare or obfuscated
// addresses and BBCode; code counts as words, quoted text (the part of a
// reply that quotes someone else) does not. A word is a run of letters,
// digits and marks with inner apostrophes and hyphens. Scripts written
// without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) count
// one word for every two characters of a run, rounded up, close to the
// average length of a Chinese or Japanese word: "很好的文章" is three words.
//
// Phrase lists are matched on normalised words: compatibility forms folded
// (NFKC), lower case, punctuation and emoji dropped, repeated letters
// squeezed ("Greeeat!!!" matches "great"). Word lists (blocked and hold
// words) match whole words, case-insensitively, in the whole body and the
// link targets.
//
// # Rules
//
// Each finding carries one of these rule ids:
//
//	empty             reject  nothing but white space
//	too-long          hold    more than max_chars characters; a body over 32 KiB is
//	                          checked only up to there, and held whatever the policy
//	injection         reject  markup or script: <script>, <iframe>, <style>, <object>,
//	                          <embed>, <form>, <svg>, <meta>, <base> and the like;
//	                          on*= event handlers; style= and srcdoc= attributes;
//	                          javascript:, vbscript: and data: links (also entity-
//	                          encoded or with white space inside); CSS expression();
//	                          the same tags written with entities (&lt;script&gt;)
//	too-many-links    reject  more distinct targets than max_links
//	obfuscated-link   reject  an address written to get past link filters
//	deceptive-link    reject  link text that names one site while the link goes to
//	                          another ([wikipedia.org](https://shop.example.com/)),
//	                          or a host hidden behind user info (https://a.org@b.com)
//	tracking-link     reject  a link with an affiliate or tracking parameter
//	                          (tracking_params, such as utm_source or ref)
//	commercial-link   reject  a link to a commercial domain (commercial_domains) or
//	                          a product, pricing or shop page (commercial_paths)
//	homepage-link     reject  a link to the home page of a site that is not
//	                          educational: a company, not an article
//	non-article-link  hold    a link that is neither educational nor clearly an
//	                          article, a mailto: link, or one that does not parse
//	shortener         hold    a shortened link (shorteners), which hides its target
//	brief             reject  fewer than min_words words, or only brief phrases and
//	                          praise words with at most two other words ("Great
//	                          article!! Thanks Frank")
//	link-promotion    reject  fewer than min_words_per_link words for each link, or
//	                          more words of link text than of comment
//	self-promotion    hold    a link and a promotion phrase ("my blog", "our services")
//	blocked-word      reject  a word of blocked_words
//	hold-word         hold    a word of hold_words
//	shouting          hold    more than shouting_ratio of the letters are capitals,
//	                          among at least shouting_min_letters letters
//
// A link is educational when its domain is in educational_domains or its
// path reads like an article: below one of article_paths (/blog/post, not
// /blog), dated (/2013/06/), ending in a long hyphenated slug
// (/how-to-answer-angry-customers), or a WordPress ?p=123. A commercial or
// tracking link is rejected even on an educational domain; a shortened
// link is held whatever it hides; links relative to the blog are fine.
//
// # Reports
//
// LintAll lints a list of comments for blogen lint. Report.WriteText prints
// one line per finding,
//
//	content/comments/x/003.md: reject [too-many-links] 2 links; the policy allows 1
//
// and Report.WriteJSON the same as indented JSON. Report.Failed is true
// when an approved comment breaks the policy (its verdict is hold or
// reject), so a site can gate its deploys on blogen lint's exit status.
//
// # Reader fields
//
// Before a comment is kept, every text field a reader sent goes through
// ValidateField: UTF-8, no control characters but tab and newline in the
// comment itself (CR LF made LF by NormalizeNewlines), no bidirectional
// controls, and the field's length; its error is a message for the
// reader. The comment service (package intake) checks every field of the
// form through it, blogen serve's comment endpoint included.
package comments

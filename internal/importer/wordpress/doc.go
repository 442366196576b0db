// Package wordpress imports a WordPress export (WXR 1.0, 1.1 or 1.2, as
// written by Tools > Export) into a blogen site.
//
// # What is written
//
//   - Posts go to content/posts/<slug>.md (or into an existing page bundle
//     content/posts/<slug>/index.md), pages to content/pages/<slug>.md.
//   - Every wp:author, and every dc:creator of an imported post that has no
//     wp:author entry (WXR 1.0), gets content/authors/<id>.md with its
//     display name, unless that file exists: an existing author file and its
//     bio are never replaced. The id is the slug of the login. E-mail
//     addresses are not written.
//   - Comments go to content/comments/<post-slug>/<id>.md, the id being the
//     WordPress comment id padded to six digits. Approved comments (1) stay
//     approved, held ones (0) become pending, spam stays spam; trashed
//     comments, pingbacks, trackbacks and webmentions are skipped and
//     counted. A reply keeps its parent; when the parent was skipped it
//     replies to the nearest ancestor that was kept. The commenter's e-mail
//     address is written only as the SHA-256 of its trimmed, lower-cased
//     form. Comments on pages are skipped and counted.
//   - Categories and tags are written into each post's front matter.
//
// Posts, pages and comments replace files of the same name, which is what
// makes a second import of the same export write the same files and no
// new ones; author files are never replaced.
//
// # Front matter
//
// The slug is wp:post_name (percent-decoded), else the title, else
// post-<ID>; it keeps letters and digits only, with Latin accents removed,
// so it can never leave the content folder. Two items that want the same
// slug get -2, -3, … in file order. Dates come from wp:post_date_gmt shown
// in the site's offset (wp:post_date minus wp:post_date_gmt); a draft that
// WordPress never dated ("0000-00-00 00:00:00") uses wp:post_date as UTC.
// Drafts, pending, private and password-protected items are written with
// draft: true; scheduled (future) ones are not drafts. Sticky posts
// (<wp:is_sticky>1</wp:is_sticky> or a _sticky postmeta) are featured. The
// featured image (the _thumbnail_id postmeta, pointing to an attachment
// item anywhere in the file) becomes image; the attachment's alt text
// becomes image_alt (its caption when it has no alt text) and its caption
// image_credit.text. The path of the item's
// <link> and its /?p=ID (pages: /?page_id=ID) form become aliases. Closed
// comments are written as comments: closed.
//
// # Body
//
// The body is converted in three steps: shortcodes, then WordPress's
// automatic paragraphs (wpautop: a blank line ends a paragraph, a single
// newline is a line break; skipped for block-editor posts, which carry
// their own <p> tags), then HTML to Markdown with package htmlmd. Images
// keep their original addresses unless Options.Media is set (see Media
// below). Shortcodes become:
//
//   - [caption]<img> text[/caption]: the image in a paragraph of its own,
//     then the caption as an italic line; the caption is also the image's
//     alt text when it has none.
//   - [gallery ids="…"] (or include="…", or no list: the attachments of the
//     post): a <figure class="gallery gallery-columns-N"> of figures, each
//     image with its caption, from the export's attachment items, in the
//     columns asked (3 by default, at most 6). Images not in the export are
//     left out.
//   - [embed]URL[/embed], [video], [audio], [youtube], [vimeo], and the
//     <video>, <audio> and YouTube or Vimeo <iframe> elements of the post:
//     a video of YouTube or Vimeo, or a post on X, becomes an embed of
//     package embed (a link; the theme plays the video in the page only
//     when the reader asks); an audio or video file becomes an HTML5
//     player (controls, preload="none", a link to the file inside); any
//     other address a link on a line of its own. A line that is only a web
//     address, which WordPress turns into an embed, becomes an embed when
//     it is one of those providers', else a link.
//
// Galleries, players and embeds have no Markdown form: they are written as
// one line of HTML each, which Markdown keeps as it is.
//   - [code], [sourcecode], [source]: a fenced code block in the named
//     language.
//   - Any other shortcode with a name=value attribute or a closing tag is
//     removed, keeping the text it encloses, and counted in
//     Summary.Shortcodes. Bracketed text that does not look like a
//     shortcode ("[sic]", "[1]") is kept, as WordPress keeps it. [[name]]
//     is written as the literal [name].
//
// # Media
//
// With Options.Media the first pass also notes what each post and page
// uses: the src and poster addresses of its HTML once its shortcodes are
// expanded, links to attachments and to /wp-content/uploads/, the
// attachments of its galleries and its featured image. A resized copy
// WordPress wrote into the text (photo-300x200.jpg) stands for its
// attachment (photo.jpg) when the export has it, else is taken as it is.
// Between the passes package fetch downloads every address once, a few at
// a time, into scratch files. A file used by one post goes into that
// post's bundle, content/posts/<slug>/, and the post becomes the bundle's
// index.md (unless the site has the post as content/posts/<slug>.md, when
// its files go under static/); a file used by a page or by several items
// goes under static/media/ (the year and month of an upload, else the host
// and folders of its address). Names are slugs with an extension from a
// known list, -2, -3, … on a clash, so no address can name a path outside
// those folders. The second pass rewrites the addresses, drops srcset and
// sizes (their copies are remote; the build makes its own), and stages the
// files. A download that fails keeps its address and is listed in
// Summary.Media; a file the site has already is left alone when it is the
// same, and kept, its address staying remote, when it differs, unless
// Force.
//
// # Skipped and bad input
//
// Navigation menu items, revisions, custom post types, trashed items and
// auto-drafts are skipped and counted in Summary.Skipped with the reason,
// and a few of each kept in Summary.Examples, as are skipped comments,
// removed shortcodes and the site's own files kept. Attachments are read
// for images and counted as used by the imported posts and pages (a body
// names the file, a gallery lists it, a post has it as its image) or not. A file that is not XML, is truncated, or
// is another kind of feed (RSS without the wp namespace, Atom, a Blogger
// export) fails with an error that names the file and line and wraps
// ErrNotXML, ErrTruncated or ErrNotWXR; the site is left untouched. Control
// characters that XML forbids, which WordPress exports often contain, are
// dropped while reading.
package wordpress

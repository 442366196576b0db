package wordpress

import (
	"html"
	"strings"
)

// attachment is what an import keeps of an attachment item: enough to show
// the image as a featured image or in a gallery.
type attachment struct {
	url     string // wp:attachment_url
	caption string // excerpt:encoded, HTML
	alt     string // the _wp_attachment_image_alt postmeta
	parent  int64
}

// html renders the attachment as an image paragraph followed by its
// caption in italics.
func (a attachment) html() string {
	out := `<p><img src="` + html.EscapeString(a.url) + `" alt="` + html.EscapeString(a.altText()) + `" /></p>` + "\n\n"
	if strings.TrimSpace(a.caption) != "" {
		out += "<p><em>" + strings.TrimSpace(a.caption) + "</em></p>\n\n"
	}
	return out
}

// altText is the image's alt text, else its caption as plain text.
func (a attachment) altText() string {
	if alt := strings.TrimSpace(a.alt); alt != "" {
		return alt
	}
	return plainText(a.caption)
}

// media indexes the attachments of an export by id and by parent post.
type media struct {
	byID     map[int64]attachment
	byParent map[int64][]int64
}

func newMedia() *media {
	return &media{byID: map[int64]attachment{}, byParent: map[int64][]int64{}}
}

// add records an attachment item.
func (m *media) add(it *item) {
	if it.id == 0 {
		return
	}
	if _, dup := m.byID[it.id]; !dup && it.parent > 0 {
		m.byParent[it.parent] = append(m.byParent[it.parent], it.id)
	}
	m.byID[it.id] = attachment{
		url:     strings.TrimSpace(it.attachmentURL),
		caption: it.excerpt,
		alt:     it.meta["_wp_attachment_image_alt"],
		parent:  it.parent,
	}
}

func (m *media) attachment(id int64) (attachment, bool) {
	a, ok := m.byID[id]
	return a, ok
}

func (m *media) children(parent int64) []int64 {
	if parent == 0 {
		return nil
	}
	return m.byParent[parent]
}

package intake

// Catalog is what the intake knows of a site: its posts and pages, and the
// comments that decide how a new one is taken. A Catalog is not changed once given
// to a Service; a new one replaces it.
type Catalog struct {
	// Posts maps the thread of each published post and page (the post's
	// slug, or "pages/" and the page's slug, as content.Comment.Thread
	// names them and the comment form sends them) to what the intake
	// needs of it.
	Posts map[string]Post
	// Approved holds the email_hash of every approved comment of the site,
	// for [comments] approve_returning.
	Approved map[string]bool
	// Pending counts the pending comments of each post and page, by
	// thread.
	Pending map[string]int
}

// Post is what the intake knows of one post or page.
type Post struct {
	URL      string   // the absolute URL readers are sent back to
	Open     bool     // readers may comment
	Comments []string // ids of its shown comments, which replies may name
}

// hasComment reports whether id is one of the post's shown comments.
func (p Post) hasComment(id string) bool {
	for _, c := range p.Comments {
		if c == id {
			return true
		}
	}
	return false
}

package render

import (
	"github.com/blogen/blogen/internal/layout/compile"
	"github.com/blogen/blogen/internal/site"
)

// The methods the theme's templates call on every page are handed to the
// compiled templates, which then call them without reflection (see
// compile.Method0). TestPageMethodsAreDirect checks that every method of
// Page that can be is.
func init() {
	compile.Method0("Config", (*Page).Config)
	compile.Method0("Permalink", (*Page).Permalink)
	compile.Method0("Canonical", (*Page).Canonical)
	compile.Method0("FullTitle", (*Page).FullTitle)
	compile.Method0("Featured", (*Page).Featured)
	compile.Method0("JSONLD", (*Page).JSONLD)
	compile.Method0("Sidebar", (*Page).Sidebar)
	compile.Method0("QueryAliases", (*Page).QueryAliases)
	compile.Method0("SidebarKey", (*Page).SidebarKey)
	compile.Method1("AbsURL", (*Page).AbsURL)
	compile.Method1("RelURL", (*Page).RelURL)
	compile.Method1("Summary", (*Page).Summary)
	compile.Method1("ReadingTime", (*Page).ReadingTime)
	compile.Method1("Bio", (*Page).Bio)
	compile.Method1("Image", (*Page).Image)
	compile.Method1("ImageURL", (*Page).ImageURL)
	compile.Method1("ShareLinks", (*Page).ShareLinks)
	compile.Method1("CommentsOpen", (*Page).CommentsOpen)
	compile.Method1("Threads", (*Page).Threads)
	compile.Method1("Updated", (*Page).Updated)
	compile.Method2("SummaryText", (*Page).SummaryText)
	compile.Method1E("CommentHTML", (*Page).CommentHTML)
	compile.Method3E("Cached", (*Page).Cached)

	compile.Method0("Title", (*site.Archive).Title)
	compile.Method0("First", (*site.Pager).First)
	compile.Method0("Last", (*site.Pager).Last)
	compile.Method1("Author", (*site.Site).Author)
	compile.Method1("AbsURL", (*site.Site).AbsURL)
	compile.Method1("RelURL", (*site.Site).RelURL)
}

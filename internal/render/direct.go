package render

import (
	"github.com/blogen/blogen/internal/layout/compile"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/site"
)

// The methods the theme's templates call on every page are handed to the
// compiled templates, which then call them without reflection (see
// compile.Method0). TestPageMethodsAreDirect checks that every method of
// Page that can be is.
func init() {
	compile.Method0("Config", (*pagedata.Page).Config)
	compile.Method0("Permalink", (*pagedata.Page).Permalink)
	compile.Method0("Canonical", (*pagedata.Page).Canonical)
	compile.Method0("FullTitle", (*pagedata.Page).FullTitle)
	compile.Method0("Featured", (*pagedata.Page).Featured)
	compile.Method0("JSONLD", (*pagedata.Page).JSONLD)
	compile.Method0("Sidebar", (*pagedata.Page).Sidebar)
	compile.Method0("QueryAliases", (*pagedata.Page).QueryAliases)
	compile.Method0("SidebarKey", (*pagedata.Page).SidebarKey)
	compile.Method1("AbsURL", (*pagedata.Page).AbsURL)
	compile.Method1("RelURL", (*pagedata.Page).RelURL)
	compile.Method1("Summary", (*pagedata.Page).Summary)
	compile.Method1("ReadingTime", (*pagedata.Page).ReadingTime)
	compile.Method1("Bio", (*pagedata.Page).Bio)
	compile.Method1("Image", (*pagedata.Page).Image)
	compile.Method1("ImageURL", (*pagedata.Page).ImageURL)
	compile.Method1("ShareLinks", (*pagedata.Page).ShareLinks)
	compile.Method1("CommentsOpen", (*pagedata.Page).CommentsOpen)
	compile.Method1("Threads", (*pagedata.Page).Threads)
	compile.Method1("Updated", (*pagedata.Page).Updated)
	compile.Method2("SummaryText", (*pagedata.Page).SummaryText)
	compile.Method1E("CommentHTML", (*pagedata.Page).CommentHTML)
	compile.Method3E("Cached", (*pagedata.Page).Cached)

	compile.Method0("Title", (*site.Archive).Title)
	compile.Method0("First", (*site.Pager).First)
	compile.Method0("Last", (*site.Pager).Last)
	compile.Method1("Author", (*site.Site).Author)
	compile.Method1("AbsURL", (*site.Site).AbsURL)
	compile.Method1("RelURL", (*site.Site).RelURL)
}

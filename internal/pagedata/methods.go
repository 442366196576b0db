package pagedata

import (
	"errors"
	"fmt"

	"github.com/blogen/blogen/internal/layout/compile"
	"github.com/blogen/blogen/internal/site"
)

// Methods returns the methods the theme's templates call on every page,
// for the compiled templates to call without reflection (see
// compile.Methods). TestPageMethodsAreDirect checks that every method of
// Page that can be is among them.
func Methods() (*compile.Methods, error) {
	ms := new(compile.Methods)
	err := errors.Join(
		compile.Method0(ms, "Config", (*Page).Config),
		compile.Method0(ms, "Permalink", (*Page).Permalink),
		compile.Method0(ms, "Canonical", (*Page).Canonical),
		compile.Method0(ms, "FullTitle", (*Page).FullTitle),
		compile.Method0(ms, "Featured", (*Page).Featured),
		compile.Method0(ms, "JSONLD", (*Page).JSONLD),
		compile.Method0(ms, "Sidebar", (*Page).Sidebar),
		compile.Method0(ms, "QueryAliases", (*Page).QueryAliases),
		compile.Method0(ms, "SidebarKey", (*Page).SidebarKey),
		compile.Method0(ms, "SearchShards", (*Page).SearchShards),
		compile.Method0(ms, "Font", (*Page).Font),
		compile.Method0(ms, "Card", (*Page).Card),
		compile.Method1(ms, "Picture", (*Page).Picture),
		compile.Method1(ms, "ImagePath", (*Page).ImagePath),
		compile.Method1(ms, "AbsURL", (*Page).AbsURL),
		compile.Method1(ms, "RelURL", (*Page).RelURL),
		compile.Method1(ms, "Asset", (*Page).Asset),
		compile.Method1(ms, "Summary", (*Page).Summary),
		compile.Method1(ms, "ReadingTime", (*Page).ReadingTime),
		compile.Method1(ms, "Bio", (*Page).Bio),
		compile.Method1(ms, "Image", (*Page).Image),
		compile.Method1(ms, "ImageURL", (*Page).ImageURL),
		compile.Method1(ms, "ShareLinks", (*Page).ShareLinks),
		compile.Method1(ms, "CommentsOpen", (*Page).CommentsOpen),
		compile.Method1(ms, "Threads", (*Page).Threads),
		compile.Method0(ms, "Discussion", (*Page).Discussion),
		compile.Method1(ms, "Updated", (*Page).Updated),
		compile.Method1(ms, "Identicon", (*Page).Identicon),
		compile.Method2(ms, "SummaryText", (*Page).SummaryText),
		compile.Method2(ms, "ByPostAuthor", (*Page).ByPostAuthor),
		compile.Method1E(ms, "CommentHTML", (*Page).CommentHTML),
		compile.Method3E(ms, "Cached", (*Page).Cached),

		compile.Method0(ms, "Title", (*site.Archive).Title),
		compile.Method0(ms, "First", (*site.Pager).First),
		compile.Method0(ms, "Last", (*site.Pager).Last),
		compile.Method1(ms, "Part", (*site.Series).Part),
		compile.Method0(ms, "Discussion", (*site.Post).Discussion),
		compile.Method0(ms, "Discussion", (*site.Page).Discussion),
		compile.Method0(ms, "Shown", (*site.Discussion).Shown),
		compile.Method0(ms, "Any", (*site.Discussion).Any),
		compile.Method1(ms, "Author", (*site.Site).Author),
		compile.Method1(ms, "AbsURL", (*site.Site).AbsURL),
		compile.Method1(ms, "RelURL", (*site.Site).RelURL),
	)
	if err != nil {
		return nil, fmt.Errorf("render: the methods of page data: %w", err)
	}
	return ms, nil
}

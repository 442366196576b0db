package wordpress

import (
	"slices"
	"testing"
	"time"
)

func TestWPTime(t *testing.T) {
	tests := []struct {
		local, gmt, want string
	}{
		{"2013-06-10 14:34:56", "2013-06-10 12:34:56", "2013-06-10T14:34:56+02:00"},
		{"2013-06-10 07:04:56", "2013-06-10 12:34:56", "2013-06-10T07:04:56-05:30"},
		{"2013-06-10 12:34:56", "2013-06-10 12:34:56", "2013-06-10T12:34:56Z"},
		{"2013-07-01 09:15:00", "0000-00-00 00:00:00", "2013-07-01T09:15:00Z"},
		{"", "2013-06-10 12:34:56", "2013-06-10T12:34:56Z"},
		{"2013-06-10 12:34:57", "2013-06-10 12:34:56", "2013-06-10T12:34:56Z"},
		{"0000-00-00 00:00:00", "0000-00-00 00:00:00", ""},
		{"yesterday", "", ""},
	}
	for _, tt := range tests {
		got := wpTime(tt.local, tt.gmt)
		s := ""
		if !got.IsZero() {
			s = got.Format(time.RFC3339)
		}
		if s != tt.want {
			t.Errorf("wpTime(%q, %q) = %q, want %q", tt.local, tt.gmt, s, tt.want)
		}
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		postType, status, kind, reason string
	}{
		{"post", "publish", "post", ""},
		{"", "draft", "post", ""},
		{"page", "private", "page", ""},
		{"post", "trash", "", "post in trash"},
		{"page", "trash", "", "page in trash"},
		{"post", "auto-draft", "", "auto-draft"},
		{"attachment", "inherit", "", "attachment (used for images)"},
		{"nav_menu_item", "publish", "", "post type nav_menu_item"},
		{"revision", "inherit", "", "post type revision"},
	}
	for _, tt := range tests {
		k, reason := kind(&item{postType: tt.postType, status: tt.status})
		if k != tt.kind || reason != tt.reason {
			t.Errorf("kind(%q, %q) = %q, %q; want %q, %q", tt.postType, tt.status, k, reason, tt.kind, tt.reason)
		}
	}
}

func TestIsDraft(t *testing.T) {
	tests := []struct {
		status, password string
		want             bool
	}{
		{"publish", "", false},
		{"future", "", false},
		{"draft", "", true},
		{"pending", "", true},
		{"private", "", true},
		{"publish", "secret", true},
	}
	for _, tt := range tests {
		if got := isDraft(&item{status: tt.status, password: tt.password}); got != tt.want {
			t.Errorf("isDraft(%q, %q) = %v", tt.status, tt.password, got)
		}
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		link  string
		id    int64
		param string
		want  []string
	}{
		{"https://x.test/2013/06/hello/", 10, "p", []string{"/2013/06/hello/", "/?p=10"}},
		{"https://x.test/?p=10", 10, "p", []string{"/?p=10"}},
		{"https://x.test/", 3, "page_id", []string{"/?page_id=3"}},
		{"https://x.test/blog/r%C3%A9seaux/", 0, "p", []string{"/blog/r%C3%A9seaux/"}},
		{"", 0, "p", nil},
		{"::bad", 5, "p", []string{"/?p=5"}},
	}
	for _, tt := range tests {
		if got := aliases(&item{link: tt.link, id: tt.id}, tt.param); !slices.Equal(got, tt.want) {
			t.Errorf("aliases(%q, %d) = %q, want %q", tt.link, tt.id, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	imp := newImporter(nil, "x.xml", nil)
	it := &item{terms: []term{
		{domain: "", name: "News"},
		{domain: "category", name: "News"},
		{domain: "tag", name: "launch"},
		{domain: "", name: "launch"},
		{domain: "post_tag", name: "Tips &amp; Tricks"},
		{domain: "post_format", name: "Aside"},
		{domain: "category", name: ""},
	}}
	cats, tags := imp.terms(it)
	if !slices.Equal(cats, []string{"News"}) || !slices.Equal(tags, []string{"launch", "Tips & Tricks"}) {
		t.Errorf("terms = %q, %q", cats, tags)
	}
}

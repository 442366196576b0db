package wordpress

import (
	"io"
	"maps"
	"testing"
)

func TestCommentStatus(t *testing.T) {
	tests := []struct {
		approved, ctype string
		skipMentions    bool
		status, skip    string
	}{
		{"1", "", false, "approved", ""},
		{"1", "comment", false, "approved", ""},
		{"0", "", false, "pending", ""},
		{"hold", "", false, "pending", ""},
		{"spam", "", false, "spam", ""},
		{"trash", "", false, "", "comment in trash"},
		{"post-trashed", "", false, "", "comment in trash"},
		{"1", "pingback", false, "approved", ""},
		{"0", "trackback", false, "pending", ""},
		{"spam", "Pingback", false, "spam", ""},
		{"trash", "pingback", false, "", "comment in trash"},
		{"1", "pingback", true, "", "pingback"},
		{"1", "trackback", true, "", "trackback"},
		{"0", "Pingback", true, "", "pingback"},
		{"1", "", true, "approved", ""},
		{"weird", "", false, "pending", ""},
	}
	for _, tt := range tests {
		status, skip := commentStatus(&comment{approved: tt.approved, ctype: tt.ctype}, tt.skipMentions)
		if status != tt.status || skip != tt.skip {
			t.Errorf("commentStatus(%q, %q, %v) = %q, %q; want %q, %q", tt.approved, tt.ctype, tt.skipMentions, status, skip, tt.status, tt.skip)
		}
	}
}

func TestEmailHash(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		// sha256("bo@example.com")
		{" Bo@Example.com ", "c828d6b93b6a39e9d9632e863f62e7cc08c9278aa5120a2f0ff84d2449310d26"},
		{"bo@example.com", "c828d6b93b6a39e9d9632e863f62e7cc08c9278aa5120a2f0ff84d2449310d26"},
	}
	for _, tt := range tests {
		if got := emailHash(tt.in); got != tt.want {
			t.Errorf("emailHash(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestThreadParents(t *testing.T) {
	c := func(id, parent int64, approved string) comment {
		return comment{id: id, parent: parent, approved: approved}
	}
	m := func(id, parent int64) comment {
		return comment{id: id, parent: parent, approved: "1", ctype: "pingback"}
	}
	tests := []struct {
		name     string
		comments []comment
		want     map[int64]int64
	}{
		{"child before parent", []comment{c(5, 7, "1"), c(7, 0, "1")}, map[int64]int64{5: 7, 7: 0}},
		{"parent in trash", []comment{c(1, 0, "1"), c(2, 1, "trash"), c(3, 2, "1")}, map[int64]int64{1: 0, 3: 1}},
		{"parent missing", []comment{c(4, 99, "1")}, map[int64]int64{4: 0}},
		{"own parent", []comment{c(4, 4, "1")}, map[int64]int64{4: 0}},
		{"loop", []comment{c(1, 2, "1"), c(2, 1, "1")}, map[int64]int64{1: 0, 2: 1}},
		{"loop through skipped", []comment{c(1, 2, "1"), c(2, 3, "trash"), c(3, 1, "trash")}, map[int64]int64{1: 0}},
		{"spam parent kept", []comment{c(1, 0, "spam"), c(2, 1, "0")}, map[int64]int64{1: 0, 2: 1}},
		{"mention in no thread", []comment{c(1, 0, "1"), m(2, 1), c(3, 2, "1")}, map[int64]int64{1: 0, 3: 1}},
		{"reply to a mention only", []comment{m(2, 0), c(3, 2, "1")}, map[int64]int64{3: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp := newImporter(nil, "x.xml", io.Discard)
			th := imp.sortComments(&item{date: "2020-01-01 10:00:00", comments: tt.comments})
			if got := th.parents(); !maps.Equal(got, tt.want) {
				t.Errorf("parents = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDuplicateCommentID(t *testing.T) {
	imp := newImporter(nil, "x.xml", io.Discard)
	th := imp.sortComments(&item{date: "2020-01-01 10:00:00", comments: []comment{{id: 1, approved: "1"}, {id: 1, approved: "0"}, {id: 0, approved: "1"}}})
	if len(th.kept) != 1 || th.status[1] != "approved" {
		t.Errorf("kept %v", th.kept)
	}
	want := map[string]int{"duplicate comment id": 1, "comment without an id": 1}
	if !maps.Equal(imp.sum.Skipped, want) {
		t.Errorf("skipped %v, want %v", imp.sum.Skipped, want)
	}
}

// TestCommentWithoutDate: a comment without a date is kept when its post
// or page has one (it is given that date), and skipped when neither has.
func TestCommentWithoutDate(t *testing.T) {
	tests := []struct {
		name, itemDate, commentDate string
		kept                        bool
	}{
		{"both dated", "2020-01-01 10:00:00", "2020-01-02 10:00:00", true},
		{"item dated", "2020-01-01 10:00:00", "", true},
		{"comment dated", "", "2020-01-02 10:00:00", true},
		{"neither", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp := newImporter(nil, "x.xml", io.Discard)
			th := imp.sortComments(&item{date: tt.itemDate, comments: []comment{{id: 1, approved: "1", date: tt.commentDate}}})
			if got := len(th.kept) == 1; got != tt.kept {
				t.Errorf("kept %v, want %v (skipped %v)", got, tt.kept, imp.sum.Skipped)
			}
		})
	}
}

package wordpress

import (
	"io"
	"maps"
	"testing"
)

func TestCommentStatus(t *testing.T) {
	tests := []struct {
		approved, ctype string
		status, skip    string
	}{
		{"1", "", "approved", ""},
		{"1", "comment", "approved", ""},
		{"0", "", "pending", ""},
		{"hold", "", "pending", ""},
		{"spam", "", "spam", ""},
		{"trash", "", "", "comment in trash"},
		{"post-trashed", "", "", "comment in trash"},
		{"1", "pingback", "", "pingback"},
		{"1", "trackback", "", "trackback"},
		{"0", "Pingback", "", "pingback"},
		{"weird", "", "pending", ""},
	}
	for _, tt := range tests {
		status, skip := commentStatus(&comment{approved: tt.approved, ctype: tt.ctype})
		if status != tt.status || skip != tt.skip {
			t.Errorf("commentStatus(%q, %q) = %q, %q; want %q, %q", tt.approved, tt.ctype, status, skip, tt.status, tt.skip)
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp := newImporter(nil, "x.xml", io.Discard)
			th := imp.sortComments(&item{comments: tt.comments})
			if got := th.parents(); !maps.Equal(got, tt.want) {
				t.Errorf("parents = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDuplicateCommentID(t *testing.T) {
	imp := newImporter(nil, "x.xml", io.Discard)
	th := imp.sortComments(&item{comments: []comment{{id: 1, approved: "1"}, {id: 1, approved: "0"}, {id: 0, approved: "1"}}})
	if len(th.kept) != 1 || th.status[1] != "approved" {
		t.Errorf("kept %v", th.kept)
	}
	want := map[string]int{"duplicate comment id": 1, "comment without an id": 1}
	if !maps.Equal(imp.sum.Skipped, want) {
		t.Errorf("skipped %v, want %v", imp.sum.Skipped, want)
	}
}

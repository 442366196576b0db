package pagedata

import (
	"slices"
	"testing"
)

func TestReads(t *testing.T) {
	var none *Reads
	none.Add(1, 2)
	if none.Len() != 0 || none.List() != nil || none.Since(0) != nil {
		t.Errorf("a nil Reads recorded something")
	}
	var r Reads
	r.Add(5, 3)
	r.Add(3, 9, 1)
	if r.Len() != 5 {
		t.Errorf("Len = %d, want 5", r.Len())
	}
	if got := r.Since(2); !slices.Equal(got, []int{1, 3, 9}) {
		t.Errorf("Since(2) = %v", got)
	}
	if got := r.List(); !slices.Equal(got, []int{1, 3, 5, 9}) {
		t.Errorf("List = %v", got)
	}
}

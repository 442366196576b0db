package mdentry

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/blogen/blogen/internal/markdown"
)

// site answers look-ups from fixed tables.
type site struct{ authors, tags map[string]string }

func (s site) Author(h string) (string, bool) { u, ok := s.authors[h]; return u, ok }
func (s site) Tag(t string) (string, bool)    { u, ok := s.tags[t]; return u, ok }

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		res     markdown.Result
		lookups []Lookup
	}{
		{"empty", markdown.Result{}, nil},
		{"body and summary", markdown.Result{HTML: []byte("<p>hi</p>"), Summary: []byte("<p>h</p>"), Words: 1, HasMore: true}, nil},
		{"look-ups", markdown.Result{HTML: []byte("x")}, []Lookup{{'a', "ana", "/authors/ana/", true}, {'t', "nope", "", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := Append([]byte("prefix"), tc.res, tc.lookups)
			res, lookups, err := Decode(b[len("prefix"):])
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(res.HTML, tc.res.HTML) || !bytes.Equal(res.Summary, tc.res.Summary) || res.Words != tc.res.Words || res.HasMore != tc.res.HasMore {
				t.Errorf("result %+v, want %+v", res, tc.res)
			}
			if len(lookups) != len(tc.lookups) || len(lookups) > 0 && !reflect.DeepEqual(lookups, tc.lookups) {
				t.Errorf("look-ups %+v, want %+v", lookups, tc.lookups)
			}
		})
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	good := Append(nil, markdown.Result{HTML: []byte("<p>body</p>"), Words: 3}, []Lookup{{'t', "care", "/tags/care/", true}})
	for _, b := range [][]byte{nil, good[:len(good)-1], append(bytes.Clone(good), 0), {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}} {
		if _, _, err := Decode(b); err == nil {
			t.Errorf("Decode(%q) took a damaged entry", b)
		}
	}
}

func TestStillValid(t *testing.T) {
	now := site{authors: map[string]string{"ana": "/authors/ana/"}, tags: map[string]string{"care": "/tags/care/"}}
	rec := &Recorder{Resolver: now}
	rec.Author("ana")
	rec.Tag("care")
	rec.Tag("new")
	if !StillValid(rec.Lookups(), now) {
		t.Error("the same site does not validate its own look-ups")
	}
	later := site{authors: now.authors, tags: map[string]string{"care": "/tags/care/", "new": "/tags/new/"}}
	if StillValid(rec.Lookups(), later) {
		t.Error("a tag added since the render went unnoticed")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(Append(nil, markdown.Result{HTML: []byte("<p>x</p>"), Summary: []byte("s"), Words: 1}, []Lookup{{'a', "q", "/u/", true}}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		res, lookups, err := Decode(b)
		if err != nil {
			return
		}
		res2, lookups2, err := Decode(Append(nil, res, lookups))
		if err != nil {
			t.Fatalf("an entry made again from a decoded one does not decode: %v", err)
		}
		if !bytes.Equal(res2.HTML, res.HTML) || !bytes.Equal(res2.Summary, res.Summary) || res2.Words != res.Words ||
			res2.HasMore != res.HasMore || len(lookups2) != len(lookups) || len(lookups) > 0 && !reflect.DeepEqual(lookups2, lookups) {
			t.Fatalf("Append then Decode changed the entry: %+v %+v, then %+v %+v", res, lookups, res2, lookups2)
		}
	})
}

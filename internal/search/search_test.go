package search

import (
	"encoding/json"
	"hash/fnv"
	"strings"
	"testing"
	"unicode/utf8"
)

func tokens(s string) string {
	var out []string
	Tokens(s, func(t string) { out = append(out, t) })
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Social Listening, auto-replies!", "social listening auto replies"},
		{"a I x2 don't", "x2 don"},
		{"Café au lait", "café au lait"},
		{"Москва слушает", "москва слушает"},
		{"社会化媒体", "社会 会化 化媒 媒体"},
		{"東 京", "東 京"},
		{"ソーシャルmedia", "ソー ーシ シャ ャル media"},
		{"", ""},
		{strings.Repeat("x", 50), strings.Repeat("x", MaxTermBytes)},
		{strings.Repeat("é", 30), strings.Repeat("é", MaxTermBytes/2)},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Social listening", "社会化媒体", "Ünïcödé\u0301 x", "a\x00b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Tokens(s, func(term string) {
			if term == "" || len(term) > MaxTermBytes {
				t.Fatalf("term %q of %q is empty or too long", term, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(term) {
				t.Fatalf("term %q of valid %q is not valid UTF-8", term, s)
			}
			if strings.ToLower(term) != term && utf8.ValidString(term) {
				t.Fatalf("term %q is not lower-cased", term)
			}
			if k := Key(term); !strings.HasPrefix(term, k) {
				t.Fatalf("key %q is not a prefix of %q", k, term)
			}
		})
	})
}

func TestKeyAndShard(t *testing.T) {
	tests := []struct{ term, key string }{
		{"listening", "lis"}, {"go", "go"}, {"社会", "社"}, {"éèêë", "éèê"},
	}
	for _, tt := range tests {
		if got := Key(tt.term); got != tt.key {
			t.Errorf("Key(%q) = %q, want %q", tt.term, got, tt.key)
		}
	}
	// Every term with one key is in one shard.
	if ShardOf("listen", 64) != ShardOf("listening", 64) {
		t.Error("listen and listening are in different shards")
	}
	// FNV-1a of the key, as the script computes it.
	for _, term := range []string{"lis", "listening", "社会", "x"} {
		h := fnv.New32a()
		h.Write([]byte(Key(term)))
		if got, want := ShardOf(term, 1000), int(h.Sum32()%1000); got != want {
			t.Errorf("ShardOf(%q, 1000) = %d, want %d", term, got, want)
		}
	}
}

func TestShards(t *testing.T) {
	for _, tt := range []struct{ posts, want int }{{0, 8}, {13, 8}, {200, 16}, {10000, 1024}, {1 << 20, 8192}} {
		if got := Shards(tt.posts); got != tt.want {
			t.Errorf("Shards(%d) = %d, want %d", tt.posts, got, tt.want)
		}
	}
}

// lookup decodes the postings of term from the index.
func lookup(t *testing.T, x *Index, term string) [][2]int {
	t.Helper()
	var shard map[string][]int
	if err := json.Unmarshal(x.Shard(ShardOf(term, Shards(3))), &shard); err != nil {
		t.Fatal(err)
	}
	var out [][2]int
	doc := 0
	ps := shard[term]
	for i := 0; i+1 < len(ps); i += 2 {
		doc += ps[i]
		out = append(out, [2]int{doc, ps[i+1]})
	}
	return out
}

func TestIndex(t *testing.T) {
	docs := []Doc{
		{ID: 2, Title: "Old post", Text: "listening listening care"},
		{ID: 0, Title: "Social listening", Meta: []string{"Care"}, Text: "listening to customers"},
		{ID: 1, Title: "Other", Summary: "About listening", Text: "care care care"},
	}
	var shards [][]byte
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		x := NewIndex(3)
		for _, i := range order {
			x.Add(docs[i])
		}
		x.Add(Doc{ID: 0, Title: "Added twice", Text: "ignored"})
		var all []byte
		for s := range Shards(3) {
			all = append(all, x.Shard(s)...)
		}
		shards = append(shards, all)
		if got := lookup(t, x, "listening"); len(got) != 3 || got[0] != [2]int{0, TitleWeight + 1} || got[1] != [2]int{1, MetaWeight} || got[2] != [2]int{2, 2} {
			t.Errorf("listening: %v", got)
		}
		if got := lookup(t, x, "care"); len(got) != 3 || got[0] != [2]int{0, MetaWeight} || got[1] != [2]int{1, 3} {
			t.Errorf("care: %v", got)
		}
		if got := lookup(t, x, "ignored"); got != nil {
			t.Errorf("a post added twice was indexed twice: %v", got)
		}
	}
	if string(shards[0]) != string(shards[1]) {
		t.Error("the shards depend on the order posts were added in")
	}
}

func TestCapPostings(t *testing.T) {
	var ps []posting
	for i := range MaxPostings + 10 {
		ps = append(ps, posting{int32(i), uint8(1 + i%2)})
	}
	got := capPostings(ps)
	heavy, lastLight := 0, int32(0)
	for _, p := range got {
		if p.weight == 2 {
			heavy++
		} else {
			lastLight = p.doc
		}
	}
	// Every post where the term weighs 2 is kept, then the newest others.
	if len(got) != MaxPostings || heavy != (MaxPostings+10)/2 || lastLight != 2*int32(MaxPostings-heavy-1) {
		t.Errorf("kept %d postings, %d heavy, last light one %d", len(got), heavy, lastLight)
	}
	for i := 1; i < len(got); i++ {
		if got[i].doc <= got[i-1].doc {
			t.Fatal("postings out of order")
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two"},
		{"ééééé", 5, "éé"},
		{"abcdefghij", 4, "abcd"},
	}
	for _, tt := range tests {
		if got := clip(tt.s, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

package pagedata

import (
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/site"
)

func TestIdenticon(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	tests := []struct {
		name, hash, author string
		want               []string
	}{
		// The hue is the first two bytes modulo 360 (65535 % 360 = 15);
		// then one bit a cell, down the columns.
		{"from the hash", "ffff" + strings.Repeat("00", 30), "A", []string{`fill="hsl(15 55% 45%)"`, `d=""`}},
		{"cells mirrored", "0000" + "01" + strings.Repeat("00", 29), "A", []string{"M0 0h1v1h-1zM4 0h1v1h-1z\""}},
		{"middle column alone", "0000" + "0004" + strings.Repeat("00", 28), "A", []string{`d="M2 0h1v1h-1z"`}},
	}
	for _, tt := range tests {
		got := string(identicon(tt.hash, tt.author))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %s lacks %s", tt.name, got, w)
			}
		}
	}
	if identicon(hash, "A") != identicon(hash, "B") {
		t.Error("the picture of a hash depends on the name")
	}
	if identicon("", "Ana") == identicon("", "Ben") || identicon("not hex", "Ana") != identicon("", "Ana") {
		t.Error("without a hash, the picture does not follow the name")
	}
}

func TestByPostAuthor(t *testing.T) {
	ana := &site.Author{Author: &content.Author{ID: "ana"}}
	post := &site.Post{Authors: []*site.Author{ana}}
	p := &Page{}
	for _, tt := range []struct {
		id   string
		want bool
	}{{"ana", true}, {"ben", false}, {"", false}} {
		th := &site.Thread{Comment: &content.Comment{AuthorID: tt.id}}
		if got := p.ByPostAuthor(post, th); got != tt.want {
			t.Errorf("author_id %q: %v", tt.id, got)
		}
	}
}

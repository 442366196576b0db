package sitewriter

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Hello, World!", "hello-world"},
		{"  --Hello   world--  ", "hello-world"},
		{"Réseaux sociaux : ça marche !", "reseaux-sociaux-ca-marche"},
		{"Straße & Œuvre — Ærø", "strasse-oeuvre-aero"},
		{"Łódź Żółć", "lodz-zolc"},
		{"Привет, мир", "привет-мир"},
		{"Йога и ёж", "йога-и-ёж"},
		{"日本のソーシャル・ビジネス", "日本のソーシャル-ビジネス"},
		{"ガイド", "ガイド"},
		{"../../etc/passwd", "etc-passwd"},
		{`..\..\windows`, "windows"},
		{"a/b", "a-b"},
		{"nul\x00byte", "nul-byte"},
		{"🎉🎉", ""},
		{"", ""},
		{"2013 in review", "2013-in-review"},
		{"C'est l'été", "c-est-l-ete"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugLength(t *testing.T) {
	tests := []string{
		strings.Repeat("word ", 40),
		strings.Repeat("é", 100),
		strings.Repeat("日本", 40),
		strings.Repeat("x", 200),
	}
	for _, in := range tests {
		got := Slug(in)
		if len(got) > MaxSlugBytes || got == "" || strings.HasSuffix(got, "-") {
			t.Errorf("Slug(%q) = %q (%d bytes)", in, got, len(got))
		}
	}
}

func TestNames(t *testing.T) {
	var n Names
	tests := []struct{ base, want string }{
		{"hello", "hello"},
		{"hello", "hello-2"},
		{"hello", "hello-3"},
		{"hello-2", "hello-2-2"},
		{"other", "other"},
	}
	for _, tt := range tests {
		if got := n.Claim(tt.base); got != tt.want {
			t.Errorf("Claim(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Hello", "../x", "Réseaux", "日本", "a\x00b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if len(got) > MaxSlugBytes {
			t.Fatalf("Slug(%q) is %d bytes", s, len(got))
		}
		if strings.ContainsAny(got, "/\\.\x00 ") || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Fatalf("Slug(%q) = %q is not safe", s, got)
		}
		if got != "" {
			if err := CheckPath("content/posts/" + got + ".md"); err != nil {
				t.Fatal(err)
			}
		}
	})
}

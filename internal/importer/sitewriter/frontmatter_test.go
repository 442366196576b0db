package sitewriter

import (
	"testing"
	"time"
)

func TestEncode(t *testing.T) {
	date := time.Date(2013, 6, 10, 14, 34, 56, 0, time.FixedZone("", 2*3600))
	tests := []struct {
		name string
		fm   any
		body string
		want string
	}{
		{
			name: "post keys in order, empty ones left out",
			fm: Post{
				Title: "Réseaux: ça marche", Date: At(date), Author: "ana",
				Tags: []string{"true", "2013"}, Featured: true,
				Aliases: []string{"/2013/06/reseaux/", "/?p=12"},
				Image:   "https://example.com/a.jpg", ImageCredit: &Credit{Text: "Photo: Bo"},
				Comments: "closed",
			},
			body: "\n\nHello.\n\n",
			want: `---
title: 'Réseaux: ça marche'
date: 2013-06-10T14:34:56+02:00
author: ana
tags:
  - "true"
  - "2013"
featured: true
aliases:
  - /2013/06/reseaux/
  - /?p=12
image: https://example.com/a.jpg
image_credit:
  text: 'Photo: Bo'
comments: closed
---

Hello.
`,
		},
		{
			name: "republished post",
			fm: Post{
				Title:                     "Why social business",
				OriginallyAppearedOn:      &Attribution{Site: "LinkedIn", URL: "https://www.linkedin.com/pulse/x", Date: date},
				RepublishedWithPermission: true,
				Canonical:                 CanonicalOriginal,
			},
			want: `---
title: Why social business
originally_appeared_on:
  site: LinkedIn
  url: https://www.linkedin.com/pulse/x
  date: 2013-06-10
republished_with_permission: true
canonical: original
---
`,
		},
		{
			name: "comment",
			fm:   Comment{Author: "Bo", EmailHash: "ab", Date: At(date.UTC()), Status: "approved", Parent: "000007"},
			body: "Nice.",
			want: `---
author: Bo
email_hash: ab
date: 2013-06-10T12:34:56Z
status: approved
parent: "000007"
---

Nice.
`,
		},
		{
			name: "author",
			fm:   Author{Name: "Ana Ruiz"},
			want: "---\nname: Ana Ruiz\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Encode(tt.fm, tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

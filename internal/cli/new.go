package cli

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/scaffold"
)

func runInit(_ context.Context, e *env, args []string) error {
	fs := newFlags("init", "init DIR", e.stdout)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("init takes one folder: blogen init mysite")
	}
	files, err := scaffold.Init(rest[0], time.Now().UTC())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Created %s with %d files. Next:\n  cd %s && blogen serve\n", rest[0], len(files), rest[0])
	return nil
}

func runNew(_ context.Context, e *env, args []string) error {
	fs := newFlags("new", `new post "Title" [--author ID [--new-author]] [-s DIR] [--republish URL --site NAME --date YYYY-MM-DD [--permission]]`, e.stdout)
	dir := fs.String("s", ".", "the site `folder`")
	author := fs.String("author", "", "the author `id` (a file in content/authors)")
	republish := fs.String("republish", "", "the `URL` where the post first appeared")
	siteName := fs.String("site", "", "the `name` of the site where it first appeared, such as LinkedIn")
	date := fs.String("date", "", "the `date` it first appeared, YYYY-MM-DD")
	draft := fs.Bool("draft", false, "mark the post as a draft")
	newAuthor := fs.Bool("new-author", false, "create content/authors/ID.md when the site has no such author")
	permission := fs.Bool("permission", false, "with --republish: the author allowed it (the post says so)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 || rest[0] != "post" {
		return usagef(`new takes "post" and a title: blogen new post "Why crowdsourcing is not customer service"`)
	}
	p := scaffold.Post{Title: rest[1], Author: *author, Date: time.Now().UTC().Truncate(time.Second), Draft: *draft,
		NewAuthor: *newAuthor, Permission: *permission}
	if *permission && *republish == "" {
		return usagef("--permission goes with --republish URL")
	}
	if p.Republished, err = attribution(*republish, *siteName, *date); err != nil {
		return err
	}
	rel, err := scaffold.NewPost(*dir, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Created %s\n", rel)
	return nil
}

// attribution checks the --republish, --site and --date flags.
func attribution(rawURL, siteName, date string) (*content.Attribution, error) {
	if rawURL == "" {
		if siteName != "" || date != "" {
			return nil, usagef("--site and --date go with --republish URL")
		}
		return nil, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, usagef("--republish %q is not an http(s) URL", rawURL)
	}
	a := &content.Attribution{URL: rawURL, Site: siteName}
	if a.Site == "" {
		a.Site = siteFromHost(u.Host)
	}
	if date != "" {
		if a.Date, err = time.Parse("2006-01-02", date); err != nil {
			return nil, usagef("--date %q: write it as YYYY-MM-DD", date)
		}
	}
	return a, nil
}

// siteFromHost names well-known sites from their host.
func siteFromHost(host string) string {
	host = strings.TrimPrefix(host, "www.")
	switch {
	case strings.HasSuffix(host, "linkedin.com"):
		return "LinkedIn"
	case strings.HasSuffix(host, "medium.com"):
		return "Medium"
	}
	return host
}

package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/blogen/blogen/internal/importer/fetch"
	"github.com/blogen/blogen/internal/importer/hugo"
	"github.com/blogen/blogen/internal/importer/jekyll"
	"github.com/blogen/blogen/internal/importer/linkedin"
	"github.com/blogen/blogen/internal/importer/ssg"
	"github.com/blogen/blogen/internal/importer/wordpress"
	"github.com/blogen/blogen/internal/importer/zola"
	"github.com/blogen/blogen/internal/termsafe"
)

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags("import", "import wordpress export.xml [--media] [--mentions keep|skip] | linkedin DIR --author ID | jekyll|hugo|zola DIR  [-s DIR] [--force]", e.stdout)
	dir := fs.String("s", ".", "the site `folder` to import into")
	author := fs.String("author", "", "with linkedin: the author `id` of the imported articles")
	force := fs.Bool("force", false, "replace files of the site that differ from the imported ones (not with linkedin)")
	media := fs.Bool("media", false, "with wordpress: download the images, audio and video the posts use into the site")
	mediaMax := fs.Int64("media-max-mb", fetch.DefaultMaxBytes>>20, "with --media: the largest file downloaded, in `MB`")
	mentions := fs.String("mentions", "keep", "with wordpress: `keep` pingbacks and trackbacks as mentions listed under the comments, or skip them")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("import takes a source and a file or folder: blogen import wordpress export.xml, blogen import linkedin Articles/ --author ID, or blogen import jekyll|hugo|zola DIR")
	}
	switch rest[0] {
	case "wordpress":
		if *mentions != "keep" && *mentions != "skip" {
			return usagef("--mentions must be keep or skip, not %q", *mentions)
		}
		return importWordPress(ctx, e, rest[1], wordpress.Options{SiteDir: *dir, Force: *force, Media: *media,
			Fetch: fetch.Options{MaxBytes: *mediaMax << 20}, SkipMentions: *mentions == "skip"})
	case "linkedin":
		sum, err := linkedin.Import(ctx, rest[1], linkedin.Options{SiteDir: *dir, Author: *author})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, termsafe.Text(fmt.Sprint(sum)))
		return nil
	case "jekyll":
		return importSite(ctx, e, jekyll.Read, rest[1], ssg.Options{SiteDir: *dir, Force: *force})
	case "hugo":
		return importSite(ctx, e, hugo.Read, rest[1], ssg.Options{SiteDir: *dir, Force: *force})
	case "zola":
		return importSite(ctx, e, zola.Read, rest[1], ssg.Options{SiteDir: *dir, Force: *force})
	}
	return usagef("unknown import source %q; use wordpress, linkedin, jekyll, hugo or zola", rest[0])
}

func importWordPress(ctx context.Context, e *env, file string, opts wordpress.Options) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	opts.Log = termsafe.NewWriter(e.stderr)
	sum, err := wordpress.Import(ctx, f, file, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, termsafe.Text(fmt.Sprint(sum)))
	return nil
}

// importSite runs the importer of a whole site of another generator.
func importSite(ctx context.Context, e *env, read func(string) (*ssg.Source, error), src string, opts ssg.Options) error {
	r, err := ssg.Import(ctx, read, src, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, termsafe.Text(fmt.Sprint(r)))
	return nil
}

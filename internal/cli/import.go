package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/blogen/blogen/internal/importer/linkedin"
	"github.com/blogen/blogen/internal/importer/wordpress"
	"github.com/blogen/blogen/internal/termsafe"
)

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags("import", "import wordpress export.xml | linkedin DIR --author ID  [-s DIR]", e.stdout)
	dir := fs.String("s", ".", "the site `folder` to import into")
	author := fs.String("author", "", "with linkedin: the author `id` of the imported articles")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("import takes a source and a file or folder: blogen import wordpress export.xml, or blogen import linkedin Articles/ --author ID")
	}
	switch rest[0] {
	case "wordpress":
		return importWordPress(ctx, e, rest[1], *dir)
	case "linkedin":
		sum, err := linkedin.Import(ctx, rest[1], linkedin.Options{SiteDir: *dir, Author: *author})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, sum)
		return nil
	}
	return usagef("unknown import source %q; use wordpress or linkedin", rest[0])
}

func importWordPress(ctx context.Context, e *env, file, dir string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sum, err := wordpress.Import(ctx, f, file, wordpress.Options{SiteDir: dir, Log: termsafe.NewWriter(e.stderr)})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, sum)
	return nil
}

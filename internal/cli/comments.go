package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/termsafe"
)

// openModeration loads site.toml, the linter for its policy and the
// comment queue of the site in dir.
func openModeration(dir string) (*config.Config, *comments.Linter, *comments.Queue, error) {
	cfg, err := config.Load(filepath.Join(dir, config.FileName), config.FileName)
	if err != nil {
		return nil, nil, nil, err
	}
	linter, err := comments.NewLinter(cfg.Comments.Policy)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: [comments.policy]: %w", config.FileName, err)
	}
	q, err := comments.OpenQueue(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	return cfg, linter, q, nil
}

func runLint(_ context.Context, e *env, args []string) error {
	fs := newFlags("lint", "lint [-s DIR] [--format text|json]", e.stdout)
	dir := fs.String("s", ".", "the site `folder`")
	format := fs.String("format", "text", "output `format`: text (one line a finding) or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("lint takes no arguments; use -s DIR for the site folder")
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json, not %q", *format)
	}
	_, linter, q, err := openModeration(*dir)
	if err != nil {
		return err
	}
	report := comments.LintAll(linter, q.List(""))
	if *format == "json" {
		err = report.WriteJSON(e.stdout)
	} else {
		err = report.WriteText(e.stdout)
	}
	if err != nil {
		return err
	}
	if report.Failed() {
		fmt.Fprintln(e.stderr, "blogen: an approved comment breaks the comment policy; reject it or change the policy")
		return errSilent
	}
	return nil
}

func runComments(_ context.Context, e *env, args []string) error {
	fs := newFlags("comments", "comments list [--status S] | approve ID | reject ID | spam ID | moderate  [-s DIR]", e.stdout)
	dir := fs.String("s", ".", "the site `folder`")
	status := fs.String("status", "", "with list: only comments with this `status` (pending, approved, rejected, spam)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("comments needs a command: list, approve ID, reject ID, spam ID or moderate")
	}
	cfg, linter, q, err := openModeration(*dir)
	if err != nil {
		return err
	}
	switch verb := rest[0]; verb {
	case "list":
		if *status != "" && !content.Status(*status).Valid() {
			return usagef("--status must be pending, approved, rejected or spam, not %q", *status)
		}
		return listComments(e.stdout, q.List(content.Status(*status)))
	case "approve", "reject", "spam", "pending":
		if len(rest) != 2 {
			return usagef("comments %s takes one comment id, such as shouty-customer/004", verb)
		}
		to := map[string]content.Status{"approve": content.StatusApproved, "reject": content.StatusRejected, "spam": content.StatusSpam, "pending": content.StatusPending}[verb]
		if err := q.SetStatus(rest[1], to); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is now %s\n", termsafe.Line(rest[1]), to)
		return nil
	case "moderate":
		changes, err := q.Moderate(linter, cfg.Comments.AutoApprove)
		for _, c := range changes {
			fmt.Fprintf(e.stdout, "%s: %s -> %s [%s]\n", termsafe.Line(c.Comment.Source), c.From, c.To, strings.Join(c.Result.Rules(), ", "))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d comments changed; %d still pending\n", len(changes), len(q.List(content.StatusPending)))
		return nil
	default:
		return usagef("unknown comments command %q; use list, approve, reject, spam or moderate", verb)
	}
}

// listComments prints one comment a line: id, status, date, author and
// the start of the text, each escaped for the terminal (termsafe.Line).
func listComments(w io.Writer, cs []*content.Comment) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tDATE\tAUTHOR\tTEXT")
	for _, c := range cs {
		text := strings.Join(strings.Fields(string(c.Body)), " ")
		if r := []rune(text); len(r) > 60 {
			text = string(r[:59]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", termsafe.Line(c.Post+"/"+c.ID), termsafe.Line(string(c.Status)),
			c.Date.Format("2006-01-02"), termsafe.Line(c.Author), termsafe.Line(text))
	}
	return tw.Flush()
}

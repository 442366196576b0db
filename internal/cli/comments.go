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
	"github.com/blogen/blogen/internal/moderation"
	"github.com/blogen/blogen/internal/termsafe"
)

// openModeration loads site.toml, the linter for its policy and the
// comment queue of the site in dir.
func openModeration(dir string) (*config.Config, *comments.Linter, *moderation.Queue, error) {
	cfg, err := config.Load(filepath.Join(dir, config.FileName), config.FileName)
	if err != nil {
		return nil, nil, nil, err
	}
	linter, err := comments.NewLinter(cfg.Comments.Policy)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: [comments.policy]: %w", config.FileName, err)
	}
	q, err := moderation.OpenQueue(dir)
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
		err = report.WriteStatusText(e.stdout)
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

func runComments(ctx context.Context, e *env, args []string) error {
	fs := newFlags("comments", "comments list [--status S] | approve ID | reject ID | spam ID | moderate | serve [--addr HOST:PORT] [--git] [--push]  [-s DIR]", e.stdout)
	dir := fs.String("s", ".", "the site `folder`")
	status := fs.String("status", "", "with list: only comments with this `status` (pending, approved, rejected, spam)")
	dry := fs.Bool("dry-run", false, "with moderate: print what would change, and change nothing")
	force := fs.Bool("force", false, "with approve: approve a comment the policy rejects")
	in := intakeFlags{}
	fs.StringVar(&in.addr, "addr", "127.0.0.1:8081", "with serve: the `address` to listen on")
	fs.BoolVar(&in.git, "git", false, "with serve: commit each comment in the site's git repository")
	fs.BoolVar(&in.push, "push", false, "with serve: push each commit to the branch's upstream (implies --git)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("comments needs a command: list, approve ID, reject ID, spam ID, moderate or serve")
	}
	if rest[0] == "serve" {
		if len(rest) > 1 {
			return usagef("comments serve takes no arguments; use -s DIR for the site folder")
		}
		in.dir, in.git = *dir, in.git || in.push
		if err := siteExists(in.dir); err != nil {
			return fmt.Errorf("comments serve: %w", err)
		}
		return runIntake(ctx, e, in)
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
		if to == content.StatusApproved && !*force {
			if err := checkApprove(q, linter, rest[1]); err != nil {
				return err
			}
		}
		if err := q.SetStatus(rest[1], to); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is now %s\n", termsafe.Line(rest[1]), to)
		return nil
	case "moderate":
		if *dry {
			changes := q.Plan(linter, cfg.Comments.AutoApprove)
			for _, c := range changes {
				fmt.Fprintf(e.stdout, "%s: %s -> %s [%s] (dry run)\n", termsafe.Line(c.Comment.Source), c.From, c.To, strings.Join(c.Result.Rules(), ", "))
			}
			fmt.Fprintf(e.stdout, "%d comments would change; nothing was changed\n", len(changes))
			return nil
		}
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

// checkApprove refuses to approve a comment the policy rejects, naming
// the rules it breaks.
func checkApprove(q *moderation.Queue, l *comments.Linter, id string) error {
	c, err := q.Find(id)
	if err != nil {
		return err
	}
	r := l.Lint(c.Body)
	if r.Verdict != comments.Reject {
		return nil
	}
	var why []string
	for _, f := range r.Findings {
		if f.Verdict == comments.Reject {
			why = append(why, fmt.Sprintf("[%s] %s", f.Rule, f.Message))
		}
	}
	return fmt.Errorf("comments approve: the comment policy rejects %s/%s: %s; approve it anyway with --force", c.Thread(), c.ID, strings.Join(why, "; "))
}

// listComments prints one comment a line: id, type (comment or mention),
// status, date, author and the start of the text, each escaped for the
// terminal (termsafe.Line).
func listComments(w io.Writer, cs []*content.Comment) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tSTATUS\tDATE\tAUTHOR\tTEXT")
	for _, c := range cs {
		text := strings.Join(strings.Fields(string(c.Body)), " ")
		if r := []rune(text); len(r) > 60 {
			text = string(r[:59]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", termsafe.Line(c.Thread()+"/"+c.ID), c.TypeName(), termsafe.Line(string(c.Status)),
			c.Date.Format("2006-01-02"), termsafe.Line(c.Author), termsafe.Line(text))
	}
	return tw.Flush()
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/intake"
	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/moderation"
	"github.com/blogen/blogen/internal/site"
	"github.com/blogen/blogen/internal/watch"
)

// intakeFlags are the flags of blogen comments serve.
type intakeFlags struct {
	dir, addr string
	git, push bool
}

// runIntake is blogen comments serve: the production comment service,
// until ctx ends (SIGTERM or Ctrl-C).
func runIntake(ctx context.Context, e *env, f intakeFlags) error {
	cfg, err := config.Load(filepath.Join(f.dir, config.FileName), config.FileName)
	if err != nil {
		return err
	}
	opts, err := intakeOptions(f.dir, endpointPath(cfg.Comments.Endpoint), cfg)
	if err != nil {
		return err
	}
	load := catalogLoader(f.dir, cfg)
	cat, err := load(nil)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	if n, err := moderation.RemoveStaleTemp(f.dir, time.Minute); err != nil || n > 0 {
		log.Info("temporary files of an interrupted run removed", "files", n, "err", err)
	}
	opts.Log = log
	g, n := gitCommitter(f, cfg.Comments.Intake, log), notifier(cfg.Comments.Intake, log)
	opts.Kept = tellKept(g, n)
	if g != nil {
		opts.Health = g.Health
	}
	svc := intake.New(opts)
	svc.SetCatalog(cat)
	ln, err := net.Listen("tcp", f.addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("comments serve: %s is in use by another program; choose another with --addr", f.addr)
	} else if err != nil {
		return fmt.Errorf("comments serve: %w", err)
	}
	w, err := watch.New(f.dir, watch.Options{Ignore: []string{"public", "layouts", "static"},
		Errors: func(err error) { log.Warn("watch", "err", err) }})
	if err != nil {
		ln.Close()
		return fmt.Errorf("comments serve: %w", err)
	}
	defer w.Close()
	fctx, stop := context.WithCancel(context.Background())
	defer stop()
	if g != nil {
		g.Start(fctx)
		defer g.Wait(time.Minute)
	}
	go svc.Follow(fctx, w.Batches(), load, time.Second)
	fmt.Fprintf(e.stdout, "Taking comments for %s at http://%s%s (SIGTERM to stop)\n", f.dir, ln.Addr(), opts.Path)
	err = svc.Serve(ctx, ln)
	stop()
	if g != nil {
		g.Wait(time.Minute)
	}
	if n != nil {
		n.Close(notifyGrace)
	}
	fmt.Fprintln(e.stdout, "Stopped.")
	return err
}

// notifyGrace bounds how long a stopping service waits for the
// notifications still queued.
const notifyGrace = 5 * time.Second

// smtpPasswordEnv names the environment variable that holds the SMTP
// password, which site.toml, kept in git, must not.
const smtpPasswordEnv = "BLOGEN_SMTP_PASSWORD"

// gitCommitter is the committer of --git, or nil without it.
func gitCommitter(f intakeFlags, in config.Intake, log *slog.Logger) *intake.Git {
	if !f.git {
		return nil
	}
	return &intake.Git{Dir: f.dir, Push: f.push, AuthorName: in.GitAuthorName, AuthorEmail: in.GitAuthorEmail, Log: log}
}

// notifier tells moderators through the webhook and the mail server of
// [comments.intake]; nil when it names neither.
func notifier(in config.Intake, log *slog.Logger) *intake.Notifier {
	opts := intake.NotifyOptions{Webhook: in.Webhook, Log: log}
	if in.SMTPAddr != "" {
		opts.Mail = &intake.Mail{Addr: in.SMTPAddr, From: in.SMTPFrom, To: in.SMTPTo, User: in.SMTPUser, Password: os.Getenv(smtpPasswordEnv)}
	}
	if opts.Webhook == "" && opts.Mail == nil {
		return nil
	}
	return intake.NewNotifier(opts)
}

// tellKept tells the committer and the notifier, those there are, of each
// kept comment.
func tellKept(g *intake.Git, n *intake.Notifier) func(intake.Kept) {
	var tell []func(intake.Kept)
	if g != nil {
		tell = append(tell, g.Add)
	}
	if n != nil {
		tell = append(tell, n.Add)
	}
	return func(k intake.Kept) {
		for _, f := range tell {
			f(k)
		}
	}
}

// endpointPath is the path of the endpoint URL, "/comments" when it has
// none.
func endpointPath(endpoint string) string {
	if u, err := url.Parse(endpoint); err == nil && strings.HasPrefix(u.Path, "/") {
		return u.Path
	}
	return "/comments"
}

// intakeOptions are the options of the comment service of the site in
// dir, whose endpoint is path: blogen comments serve and blogen serve
// take comments alike.
func intakeOptions(dir, path string, cfg *config.Config) (intake.Options, error) {
	linter, err := comments.NewLinter(cfg.Comments.Policy)
	if err != nil {
		return intake.Options{}, fmt.Errorf("%s: [comments.policy]: %w", config.FileName, err)
	}
	return intake.Options{SiteDir: dir, Path: path, Comments: cfg.Comments, BaseURL: cfg.BaseURL,
		Linter: linter, Render: markdown.NewCommentRenderer().Render}, nil
}

// catalogLoader loads what the intake needs of the site in dir: its posts
// as blogen build publishes them, and its comments.
func catalogLoader(dir string, cfg *config.Config) intake.Loader {
	session := build.NewSession(build.Options{SiteDir: dir, NoCache: true})
	base := strings.TrimSuffix(cfg.BaseURL, "/")
	return func(changed []string) (*intake.Catalog, error) {
		p, err := session.Prepare(changed...)
		if err != nil {
			return nil, err
		}
		return catalog(p.Site, dir, base)
	}
}

// catalog is what the intake needs of a site: its posts and pages, with their URLs
// under base, and what the comments of the site folder dir count.
func catalog(s *site.Site, dir, base string) (*intake.Catalog, error) {
	q, err := moderation.OpenQueue(dir)
	if err != nil {
		return nil, fmt.Errorf("comments: %w", err)
	}
	cat := &intake.Catalog{Posts: map[string]intake.Post{}, Approved: map[string]bool{}, Pending: map[string]int{}}
	for slug, post := range posts(s) {
		post.URL = base + post.URL
		cat.Posts[slug] = post
	}
	for _, c := range q.List("") {
		switch c.Status {
		case content.StatusPending:
			cat.Pending[c.Thread()]++
		case content.StatusApproved:
			if c.EmailHash != "" {
				cat.Approved[c.EmailHash] = true
			}
		}
	}
	return cat, nil
}

// siteExists checks that dir is a folder.
func siteExists(dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s is not a site folder", dir)
	}
	return nil
}

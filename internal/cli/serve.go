package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/intake"
	"github.com/blogen/blogen/internal/livereload"
	"github.com/blogen/blogen/internal/server"
	"github.com/blogen/blogen/internal/site"
	"github.com/blogen/blogen/internal/termsafe"
	"github.com/blogen/blogen/internal/watch"
)

// shutdownGrace bounds how long a stopping server waits for requests
// under way before it closes every connection. Browsers open connections
// ahead of need, which Shutdown would wait for otherwise.
const shutdownGrace = time.Second

// serveConfig is what the flags of blogen serve say.
type serveConfig struct {
	build build.Options
	bind  string
	port  int
}

// Serve runs blogen serve with args (the flags that follow "serve") and
// returns its exit status, as Main does for the serve command.
func Serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	return report(e, runServe(ctx, e, args))
}

// runServe is blogen serve: it serves the site with live reload until ctx
// ends (Ctrl-C).
func runServe(ctx context.Context, e *env, args []string) error {
	c, err := parseServe(e, args)
	if err != nil {
		return err
	}
	return serve(ctx, e, c)
}

func parseServe(e *env, args []string) (serveConfig, error) {
	fs := newFlags("serve", "serve [-s DIR] [--port 1313] [--bind 127.0.0.1] [--drafts] [--future] [--plain-templates]", e.stdout)
	var c serveConfig
	fs.StringVar(&c.build.SiteDir, "s", ".", "the site `folder`")
	fs.IntVar(&c.port, "port", 1313, "the `port` to listen on; 0 picks a free one")
	fs.StringVar(&c.bind, "bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 lets other machines in")
	fs.BoolVar(&c.build.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&c.build.Future, "future", false, "include future-dated and expired posts")
	fs.BoolVar(&c.build.PlainTemplates, "plain-templates", false, "run every page through html/template, never compiled (plain_templates in site.toml)")
	rest, err := parse(fs, args)
	switch {
	case err != nil:
		return c, err
	case len(rest) > 0:
		return c, usagef("serve takes no arguments, got %q; use -s DIR for the site folder", rest[0])
	case c.port < 0 || c.port > 65535:
		return c, usagef("serve: --port %d is not a port; use 1 to 65535, or 0 for a free one", c.port)
	}
	return c, nil
}

// serve listens, builds, watches and serves until ctx ends.
func serve(ctx context.Context, e *env, c serveConfig) error {
	if err := build.CheckSiteDir(c.build.SiteDir); err != nil {
		return err
	}
	ln, err := listen(c.bind, c.port)
	if err != nil {
		return err
	}
	hub := livereload.NewHub(strconv.FormatInt(time.Now().UnixNano(), 36))
	p := &preview{e: e, opts: c.build, session: build.NewSession(c.build),
		srv: server.New(server.Options{Hub: hub, Addr: listenAddr(c.bind, ln.Addr())})}
	w, err := watch.New(c.build.SiteDir, watch.Options{Ignore: outputFolder(c.build),
		Errors: func(err error) { fmt.Fprintf(e.stderr, "blogen: %s\n", termsafe.Text(err.Error())) }})
	if err != nil {
		ln.Close()
		hub.Close()
		return fmt.Errorf("serve: %w", err)
	}
	p.rebuild(nil, true)
	httpSrv := &http.Server{Handler: p.srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "Serving %s at %s (Ctrl-C to stop)\n", c.build.SiteDir, p.url(ln.Addr()))
	err = p.loop(ctx, w, served)
	return errors.Join(err, stop(httpSrv, w, hub))
}

// listen opens the server's socket, explaining a port in use.
func listen(bind string, port int) (net.Listener, error) {
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, fmt.Errorf("serve: port %d on %s is in use by another program; stop it, choose another port with --port, or use --port 0 for a free one", port, bind)
	case err != nil:
		return nil, fmt.Errorf("serve: listen on %s: %w", addr, err)
	}
	return ln, nil
}

// listenAddr is the address the server answers to: the --bind host with
// the port the listener got (--port 0 picks one).
func listenAddr(bind string, addr net.Addr) string {
	port := "0"
	if a, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(a.Port)
	}
	return net.JoinHostPort(bind, port)
}

// outputFolder names the output folder for the watcher to ignore, when
// it is inside the site folder.
func outputFolder(opts build.Options) []string {
	out := opts.OutDir
	if out == "" {
		out = filepath.Join(opts.SiteDir, "public")
	}
	rel, err := filepath.Rel(opts.SiteDir, out)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	return []string{filepath.ToSlash(rel)}
}

// stop ends the serving: the watcher first, then the live-reload streams
// (so that Shutdown need not wait for them), then the server.
func stop(httpSrv *http.Server, w *watch.Watcher, hub *livereload.Hub) error {
	werr := w.Close()
	hub.Close()
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := httpSrv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = httpSrv.Close() // what is left are connections opened ahead of need
	}
	if err != nil {
		return errors.Join(werr, fmt.Errorf("serve: stop: %w", err))
	}
	return werr
}

// preview is the site being served and the session that rebuilds it.
type preview struct {
	e        *env
	opts     build.Options
	session  *build.Session
	srv      *server.Server
	basePath string
	// served is what the server was last given, and graph the site graph
	// it came from: a version that shares the graph shares all of it but
	// the rendering.
	served *server.Site
	graph  *site.Site
	// comments takes the comments posted to the preview, and commentsFor
	// is what it was set up from.
	comments    *intake.Service
	commentsFor commentSettings
}

// commentSettings is what the preview's comment service is set up from.
type commentSettings struct {
	endpoint, baseURL string
	comments          config.CommentsConfig
}

// loop rebuilds the site after each batch of changes until ctx ends or
// the server fails.
func (p *preview) loop(ctx context.Context, w *watch.Watcher, served <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(p.e.stdout, "Stopped.")
			return nil
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case b, ok := <-w.Batches():
			if !ok {
				return nil
			}
			p.rebuild(b.Paths, b.Full)
		}
	}
}

// rebuild prepares the site again and publishes it, or shows why it
// cannot be. A full rebuild forgets everything parsed before.
func (p *preview) rebuild(changed []string, full bool) {
	start := time.Now()
	if full {
		p.session = build.NewSession(p.opts)
		changed = nil
	}
	prepared, err := p.session.Prepare(changed...)
	var s *server.Site
	switch {
	case err == nil && prepared.Site == p.graph:
		next := *p.served
		next.Output = prepared.Renderer().Output
		s = &next
	case err == nil:
		s, err = p.serverSite(prepared)
	}
	if err == nil {
		p.served, p.graph = s, prepared.Site
	}
	if err == nil {
		p.basePath = s.BasePath
		err = p.srv.Publish(s, changed)
	} else {
		p.srv.Fail(err)
	}
	if err != nil {
		fmt.Fprintf(p.e.stderr, "blogen: the site does not build; the last good version is still served:\n%s\n", termsafe.Text(err.Error()))
		return
	}
	fmt.Fprintf(p.e.stdout, "%s in %s\n", termsafe.Line(describe(changed)), time.Since(start).Round(time.Millisecond))
}

// describe says what a rebuild was for.
func describe(changed []string) string {
	switch {
	case changed == nil:
		return "Built"
	case len(changed) > 3:
		return fmt.Sprintf("Rebuilt after %s and %d more", strings.Join(changed[:3], ", "), len(changed)-3)
	}
	return "Rebuilt after " + strings.Join(changed, ", ")
}

// url is the address to print: the listener's, under the base path.
func (p *preview) url(addr net.Addr) string {
	base := p.basePath
	if base == "" {
		base = "/"
	}
	return "http://" + addr.String() + base
}

// serverSite is what the server needs of a prepared site.
func (p *preview) serverSite(prep *build.Prepared) (*server.Site, error) {
	static, err := prep.Static()
	if err != nil {
		return nil, err
	}
	// The site's own files are read through its os.Root (package
	// sitefs), as the build reads them: a link that leads out of the site
	// is refused.
	files := make(map[string]server.StaticFile, len(static))
	for _, f := range static {
		files[f.Path] = server.StaticFile{FS: f.FS, Name: f.Src}
	}
	svc, err := p.commentService(prep)
	if err != nil {
		return nil, err
	}
	s := &server.Site{Output: prep.Renderer().Output, Static: files, BasePath: basePath(prep.Config.BaseURL),
		CommentEndpoint: commentEndpoint(prep.Config)}
	if svc != nil {
		s.Comments = svc
	}
	return s, nil
}

// commentService returns the comment service that takes what the
// preview's comment form posts, as blogen comments serve would, or nil
// when the form posts to another host. The service of the last version
// is kept while the site's comment settings stay the same, so that its
// flood limit holds across rebuilds; it is given the new version's posts.
func (p *preview) commentService(prep *build.Prepared) (*intake.Service, error) {
	endpoint := commentEndpoint(prep.Config)
	if endpoint == "" {
		return nil, nil
	}
	set := commentSettings{endpoint: endpoint, baseURL: prep.Config.BaseURL, comments: prep.Config.Comments}
	if p.comments == nil || !reflect.DeepEqual(set, p.commentsFor) {
		opts, err := intakeOptions(p.opts.SiteDir, endpoint, prep.Config)
		if err != nil {
			return nil, err
		}
		opts.SameHost = true
		p.comments, p.commentsFor = intake.New(opts), set
	}
	cat, err := catalog(prep.Site, p.opts.SiteDir, strings.TrimSuffix(basePath(prep.Config.BaseURL), "/"))
	if err != nil {
		return nil, err
	}
	p.comments.SetCatalog(cat)
	return p.comments, nil
}

// posts lists what the comment service needs of each post and page, by
// thread; URLs are from the site root.
func posts(s *site.Site) map[string]intake.Post {
	out := make(map[string]intake.Post, len(s.Posts)+len(s.Pages))
	add := func(url string, d *site.Discussion) {
		var ids []string
		for _, t := range d.Shown() {
			ids = append(ids, t.ID)
		}
		out[d.Thread] = intake.Post{URL: url, Open: s.Config.Comments.Enabled && d.Open, Comments: ids}
	}
	for _, post := range s.Posts {
		add(post.URL, post.Discussion())
	}
	for _, page := range s.Pages {
		add(page.URL, page.Discussion())
	}
	return out
}

// basePath is the path of the base URL, with slashes on both ends.
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "/"
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		return "/" + p + "/"
	}
	return "/"
}

// commentEndpoint is the path the comment form posts to when the
// preview server can take it: comments are on and the endpoint is a path
// of this site, not another host's address.
func commentEndpoint(cfg *config.Config) string {
	ep := cfg.Comments.Endpoint
	if !cfg.Comments.Enabled || !strings.HasPrefix(ep, "/") || strings.HasPrefix(ep, "//") {
		return ""
	}
	return ep
}

// Package build runs blogen's pipeline: load, assemble, render, publish.
//
// Build reads a site folder, checks everything it can before it writes
// anything (site.toml, every content file, the site graph, every template),
// and reports all the problems found together. Only a site with none is
// rendered, into a staging folder that replaces the output folder when the
// render has succeeded, so a failed build leaves the previous output as it
// was.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blogen/blogen"
	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/layout"
	"github.com/blogen/blogen/internal/markdown"
	"github.com/blogen/blogen/internal/pagedata"
	"github.com/blogen/blogen/internal/publish"
	"github.com/blogen/blogen/internal/render"
	"github.com/blogen/blogen/internal/site"
	"github.com/blogen/blogen/internal/sitefs"
)

// Options say what to build and how.
type Options struct {
	SiteDir string    // the site folder; "." when empty
	OutDir  string    // the output folder; SiteDir/public when empty
	BaseURL string    // overrides base_url of site.toml when set
	Drafts  bool      // publish drafts
	Future  bool      // publish future-dated and expired posts
	Now     time.Time // the time of the build; time.Now() when zero
	// Progress, when set, is told how far rendering has got.
	Progress func(done, total int)
	// Theme is the built-in theme; blogen.Theme when nil.
	Theme fs.FS
	// CacheDir keeps rendered Markdown and the list of outputs between
	// builds; SiteDir/.blogen-cache when empty. NoCache turns it off.
	CacheDir string
	NoCache  bool
	// CheckTemplates runs every page both through the compiled templates
	// and through html/template, and writes html/template's: slower, for
	// checking the compiled templates (Prepared.TemplateStats).
	CheckTemplates bool
	// PlainTemplates runs every page through html/template, never
	// compiled (as plain_templates in site.toml does): the same pages,
	// written more slowly.
	PlainTemplates bool
	// Loaded, when set, is told the number of posts once the site is
	// loaded, before anything is rendered: blogen build sets its memory
	// budget (MemoryBudget) there.
	Loaded func(posts int)
}

// MemoryBudget is the heap a build of a site of the given number of posts
// is kept within, softly (see runtime/debug.SetMemoryLimit): 160 MiB, in
// which a worker's 12-megapixel photo and its copies fit, and 4 KiB a
// post for the loaded site, its pages and its search index. Without it
// the heap of a build that makes image copies grows to twice its peak
// live size between collections, mostly with the scalers' buffers of
// photos already written.
func MemoryBudget(posts int) int64 {
	return 160<<20 + int64(posts)*4<<10
}

// Result describes a finished build.
type Result struct {
	Posts, Pages, Lists, Feeds, Files int
	Skipped                           int // drafts, future and expired posts left out
	// Due is when the next post left out for its date falls due (or a
	// published one expires): the time of the next build that changes
	// the site by the clock alone.
	Due site.NextDue
	// Kept counts the outputs the build kept from the previous one, as
	// nothing they are made from had changed.
	Kept int
	// NoFile are the ids of the authors that posts name and that have no
	// file in content/authors/.
	NoFile []string
	// Warnings are the tags and shortcodes of other generators left in
	// the text of posts and pages, as file:line: message.
	Warnings []string
	// Sections are the _index.md files skipped (section pages of Hugo and
	// Zola).
	Sections []string
	Duration time.Duration
	OutDir   string
	// Templates tells how many pages and partials the compiled templates
	// wrote, and how many html/template wrote instead and why.
	Templates layout.Stats

	usedKeys map[cache.Key]bool
}

// String is the one-line summary printed at the end of a build.
func (r Result) String() string {
	s := fmt.Sprintf("Built %d posts, %d pages, %d list pages and %d feeds (%d files) in %s into %s",
		r.Posts, r.Pages, r.Lists, r.Feeds, r.Files, r.Duration.Round(time.Millisecond), r.OutDir)
	if r.Kept > 0 {
		s += fmt.Sprintf("; %d files were unchanged", r.Kept)
	}
	if r.Skipped > 0 {
		s += fmt.Sprintf("; left out %d drafts or future posts (use --drafts, --future)", r.Skipped)
	}
	return s + dueNote(r.Due) + noFileNote(r.NoFile) + sectionsNote(r.Sections)
}

// dueNote is the line of the summary that tells when the site next
// changes by the clock alone, so that a build can be scheduled for then.
func dueNote(d site.NextDue) string {
	if d.Post == nil {
		return ""
	}
	what := "is due"
	if d.Expires {
		what = "expires"
	}
	return fmt.Sprintf("\nNext: %s %s at %s; build again then (blogen build --next-due prints only that time).",
		d.Post.Source, what, d.Time.UTC().Format(time.RFC3339))
}

// sectionsNote is the line of the summary that lists the section pages
// skipped.
func sectionsNote(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return fmt.Sprintf("\nNote: skipped %d section or theme pages of Hugo or Zola, as blogen makes its own lists: %s. "+
		"Move one to content/pages/, with a title, to keep its text as a page.", len(files), strings.Join(files, ", "))
}

// noFileNote is the line of the summary that lists the authors without
// a file and tells how to give them a bio.
func noFileNote(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("\nNote: %d authors have no file, so their pages show no bio: %s. "+
		"To add one, write content/authors/<id>.md with name:, role: and avatar: in its front matter and the bio as its text.",
		len(ids), strings.Join(ids, ", "))
}

func (o *Options) defaults() {
	if o.SiteDir == "" {
		o.SiteDir = "."
	}
	if o.OutDir == "" {
		o.OutDir = filepath.Join(o.SiteDir, "public")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Theme == nil {
		o.Theme = blogen.Theme
	}
	if o.CacheDir == "" {
		o.CacheDir = filepath.Join(o.SiteDir, cache.Dir)
	}
}

// Build builds the site into its output folder.
func Build(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	opts.defaults()
	if err := CheckSiteDir(opts.SiteDir); err != nil {
		return Result{}, err
	}
	out, err := publish.NewDir(opts.OutDir)
	if err != nil {
		return Result{}, err
	}
	// The build cache and the previous output are opened while the site
	// loads: with a previous output and no spare, the output's folders
	// are made meanwhile (see publish.Dir.KeepUnchanged).
	opened := make(chan *cache.Store, 1)
	go func() { opened <- openCache(opts, out) }()
	parsed, saveParsed := openParsed(opts)
	p, err := prepare(ctx, opts, parsed)
	store := <-opened
	defer store.Close()
	if err != nil {
		abort(ctx, out)
		return Result{}, err
	}
	if opts.Loaded != nil {
		opts.Loaded(len(p.Site.Posts))
	}
	if p.assets, err = p.hashAssets(); err != nil {
		out.Abort()
		return Result{}, err
	}
	if store != nil {
		p.graph = graphKey(p.Options, p.tmpl, p.loaded, p.Site, p.markdownSettings, p.assets, p.imageStamps())
	}
	res, err := p.render(ctx, out, store)
	if err != nil {
		abort(ctx, out)
		return Result{}, err
	}
	// The parsed content is saved for the next build while the output is
	// committed: the two touch different files.
	saved := make(chan struct{})
	go func() {
		defer close(saved)
		saveParsed()
	}()
	if err := out.Commit(); err != nil {
		<-saved
		return Result{}, err
	}
	if store != nil {
		store.Prune(res.usedKeys)
	}
	<-saved
	res.Files = out.Files()
	res.Duration, res.OutDir = time.Since(start), opts.OutDir
	return res, nil
}

// abortGrace bounds how long an interrupted build waits for its staging
// folder to be removed: a large one takes seconds, and a stopped build
// should exit within one. What is left is removed by the next build, as
// the staging folder of a killed build is.
const abortGrace = 300 * time.Millisecond

// abort gives up the output: the staging folder is removed, within
// abortGrace when ctx has ended.
func abort(ctx context.Context, out *publish.Dir) {
	if ctx.Err() == nil {
		out.Abort()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		out.Abort()
	}()
	select {
	case <-done:
	case <-time.After(abortGrace):
	}
}

// openParsed returns the content files parsed by the last build, unless
// caching is off, and a function that saves them for the next build.
func openParsed(opts Options) (*content.Cache, func()) {
	stamp, err := executableID()
	if opts.NoCache || err != nil {
		return nil, func() {}
	}
	file := filepath.Join(opts.CacheDir, "content.gob")
	parsed := content.ReadCache(file, stamp)
	return parsed, func() { _ = parsed.Save(file, stamp) }
}

// openCache opens the Markdown cache and gives the output folder its
// manifest, unless caching is off, removing the temporary files of builds
// that were killed. A cache that cannot be opened is no cache: the build
// goes on cold.
func openCache(opts Options, out *publish.Dir) *cache.Store {
	if opts.NoCache {
		return nil
	}
	store, err := cache.Open(filepath.Join(opts.CacheDir, "markdown"))
	if err != nil {
		return nil
	}
	outputs := filepath.Join(opts.CacheDir, "outputs")
	cache.RemoveTemporary(opts.CacheDir)
	cache.RemoveTemporary(outputs)
	abs, _ := filepath.Abs(opts.OutDir)
	name := filepath.Join(outputs, cache.NewHasher("out").String(abs).Key().String()[:16])
	out.KeepUnchanged(name+".manifest", name+".spare")
	return store
}

// Prepared is a site loaded, checked and ready to render.
type Prepared struct {
	Options  Options
	Site     *site.Site
	Config   *config.Config
	tmpl     *layout.Templates
	md       *markdown.Renderer
	comments *markdown.CommentRenderer
	siteFS   fs.FS
	// markdownSettings describes the Markdown options, for cache keys.
	markdownSettings string
	// store, set by a Session, keeps rendered Markdown across versions.
	store *cache.Store
	// due is the first moment after the build's time at which a post
	// becomes due or expires, zero when there is none: from then on the
	// site graph is out of date.
	due time.Time
	// loaded is the content the site graph was assembled from.
	loaded *content.Site
	// graph is the key of everything but the bodies of posts
	// (render.Options.Graph), when Build keeps outputs between builds.
	graph cache.Key
	// assets are the content-hashed names of the theme's stylesheets and
	// scripts; nil (plain names) but in Build.
	assets Assets
	// tables is the first renderer made of this site graph; versions
	// that share the graph share its tables (render.Renderer.Fresh).
	tables *sharedRenderer
}

// sharedRenderer is a renderer made once, on first use.
type sharedRenderer struct {
	once sync.Once
	r    *render.Renderer
}

// Session builds one site again and again, as the preview server does:
// each Prepare re-parses only the content files that changed since the
// last one, and when the only change is to the text of posts (their front
// matter says exactly what it said before), it keeps the site graph of
// the last version: the new text is read when the post is rendered.
type Session struct {
	opts  Options
	cache *content.Cache
	store *cache.Store // rendered Markdown, shared by every version
	now   func() time.Time
	// last is the last version prepared without error, nil after a
	// failure, so that a site with a problem is always prepared whole.
	last *Prepared
	// saveParsed saves the parsed content for the next session or build,
	// once, after the first version prepared without error.
	saveParsed func()
}

// NewSession starts a session for the site opts names.
func NewSession(opts Options) *Session {
	now := time.Now
	if fixed := opts.Now; !fixed.IsZero() {
		now = func() time.Time { return fixed }
	}
	opts.defaults()
	parsed, save := openParsed(opts)
	if parsed == nil {
		parsed = content.NewCache()
	}
	s := &Session{opts: opts, cache: parsed, now: now, saveParsed: save}
	if !opts.NoCache {
		s.store, _ = cache.Open(filepath.Join(opts.CacheDir, "markdown"))
	}
	return s
}

// Prepare loads and checks the site as it is now. changed names files
// (relative to the site folder, with forward slashes) known to have
// changed, which are read again whatever their size and time say.
func (s *Session) Prepare(changed ...string) (*Prepared, error) {
	opts := s.opts
	opts.Now = s.now()
	if p, ok := s.reuse(changed, opts.Now); ok {
		return p, nil
	}
	s.cache.Forget(changed...)
	p, err := prepare(context.Background(), opts, s.cache)
	s.last = nil
	if err != nil {
		return p, err
	}
	p.store, p.tables = s.store, &sharedRenderer{}
	s.last = p
	if s.saveParsed != nil {
		s.saveParsed()
		s.saveParsed = nil
	}
	return p, nil
}

// reuse returns a new version that shares the last one's site graph,
// when every changed file is a post whose front matter is unchanged and
// no post has become due or expired since the last version was
// assembled.
func (s *Session) reuse(changed []string, now time.Time) (*Prepared, bool) {
	last := s.last
	if last == nil || len(changed) == 0 || (!last.due.IsZero() && !now.Before(last.due)) {
		return nil, false
	}
	siteFS := last.siteFS
	for _, file := range changed {
		if !strings.HasPrefix(file, content.PostsDir+"/") || !strings.HasSuffix(file, ".md") {
			return nil, false
		}
		before, after, ok := s.cache.Reparse(siteFS, file)
		if !ok {
			return nil, false
		}
		old, isPost := before.(*content.Post)
		cur, stillPost := after.(*content.Post)
		if !isPost || !stillPost || !old.SameMetadata(cur) {
			return nil, false
		}
	}
	next := *last
	return &next, true
}

// Prepare loads and checks a site without writing anything. The error
// lists every problem found.
func Prepare(opts Options) (*Prepared, error) { return prepare(context.Background(), opts, nil) }

// prepare is Prepare with the content parsed last time, which stops with
// ctx's error when ctx ends while the content loads.
func prepare(ctx context.Context, opts Options, cache *content.Cache) (*Prepared, error) {
	opts.defaults()
	if err := CheckSiteDir(opts.SiteDir); err != nil {
		return nil, err
	}
	siteFS, err := sitefs.Open(opts.SiteDir)
	if err != nil {
		return nil, fmt.Errorf("%s is not a site folder: %w", opts.SiteDir, err)
	}
	var errs diag.List
	cfg, err := loadConfig(opts)
	errs.Add(err)
	loaded, err := content.LoadContext(ctx, siteFS, cache)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	errs.Add(err)
	methods, err := pagedata.Methods()
	errs.Add(err)
	plain := opts.PlainTemplates || cfg != nil && cfg.PlainTemplates
	tmpl, err := layout.Load(opts.Theme, siteLayouts(opts.SiteDir, siteFS),
		layout.Options{Funcs: pagedata.Funcs(), Methods: methods, Plain: plain})
	errs.Add(err)
	if tmpl != nil && opts.CheckTemplates {
		tmpl = tmpl.Checked()
	}
	if cfg == nil {
		return nil, errs.Err()
	}
	graph, err := site.Assemble(cfg, loaded, site.Options{Drafts: opts.Drafts || cfg.BuildDrafts, Future: opts.Future || cfg.BuildFuture, Now: opts.Now})
	errs.Add(err)
	if errs.Len() > 0 {
		return nil, errs.Err()
	}
	mdOpts := markdown.Options{Mentions: markdown.MentionOptions{
		Enabled: cfg.Social.Mentions, MentionURL: cfg.Social.MentionURL, HashtagURL: cfg.Social.HashtagURL,
	}}
	settings := fmt.Sprintf("%+v", mdOpts)
	return &Prepared{Options: opts, Site: graph, Config: cfg, tmpl: tmpl, md: markdown.New(mdOpts),
		comments: markdown.NewCommentRenderer(), siteFS: siteFS, markdownSettings: settings,
		due: nextDue(loaded, opts.Now), loaded: loaded}, nil
}

// nextDue returns the first date or expiry date of a post after now, or
// the zero time.
func nextDue(loaded *content.Site, now time.Time) time.Time {
	var due time.Time
	for _, p := range loaded.Posts {
		for _, t := range []time.Time{p.Date, p.Expiry} {
			if t.After(now) && (due.IsZero() || t.Before(due)) {
				due = t
			}
		}
	}
	return due
}

// CheckSiteDir reports a site folder that is not there, not a folder, or
// not a site (it has no site.toml), before anything is written.
func CheckSiteDir(dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s is not a site folder: %w", dir, errOr(err, errors.New("not a folder")))
	}
	if _, err := os.Lstat(filepath.Join(dir, config.FileName)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s is not a blogen site: it has no %s; run blogen in the site folder or name it with -s DIR, or create a site with blogen init DIR", dir, config.FileName)
	}
	return nil
}

func errOr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// loadConfig reads site.toml and applies the --base-url override.
func loadConfig(opts Options) (*config.Config, error) {
	cfg, err := config.Load(filepath.Join(opts.SiteDir, config.FileName), config.FileName)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		override := *cfg
		override.BaseURL = opts.BaseURL
		if problems := override.Validate(); len(problems) > 0 {
			return nil, fmt.Errorf("--base-url %q is not an absolute URL; write it as https://blog.example.org/", opts.BaseURL)
		}
		cfg = &override
		cfg.BaseURL = trimSlash(cfg.BaseURL) + "/"
	}
	return cfg, nil
}

func trimSlash(s string) string {
	for len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}

// siteLayouts returns the site's own file system when it has a layouts/
// folder, else nil.
func siteLayouts(dir string, fsys fs.FS) fs.FS {
	if info, err := os.Stat(filepath.Join(dir, layout.Dir)); err == nil && info.IsDir() {
		return fsys
	}
	return nil
}

// Renderer returns a renderer of the prepared site, for rendering every
// output or any one on demand. Each call returns a renderer that has
// rendered nothing yet.
func (p *Prepared) Renderer() *render.Renderer {
	if p.tables == nil {
		return p.renderer(p.store)
	}
	p.tables.once.Do(func() { p.tables.r = p.renderer(p.store) })
	return p.tables.r.Fresh()
}

func (p *Prepared) renderer(store *cache.Store) *render.Renderer {
	return render.New(p.Site, p.tmpl, p.md, p.comments, render.Options{
		Minify: p.Config.Minify, Progress: p.Options.Progress, Content: p.siteFS,
		Cache: store, MarkdownSettings: p.markdownSettings, Graph: p.graph, Assets: p.assets, Images: p.imageFiles(),
	})
}

// TemplateStats tells how the site's templates have run so far: compiled,
// handed to html/template, or, with CheckTemplates, run both ways.
func (p *Prepared) TemplateStats() layout.Stats { return p.tmpl.Stats() }

// Render writes every output of the prepared site into sink: the static
// files of the theme and the site, then the rendered pages.
func (p *Prepared) Render(ctx context.Context, sink render.Sink) (Result, error) {
	return p.render(ctx, sink, nil)
}

func (p *Prepared) render(ctx context.Context, sink render.Sink, store *cache.Store) (Result, error) {
	static, err := p.Static()
	if err != nil {
		return Result{}, err
	}
	r := p.renderer(store)
	paths := make([]string, len(static))
	for i, f := range static {
		paths[i] = f.Path
	}
	if err := r.CheckAliases(paths); err != nil {
		return Result{}, err
	}
	for _, f := range static {
		if images.IsRaster(f.Path) {
			continue // published by render, without its metadata
		}
		if err := sink.Copy(f.Path, f.FS, f.Src); err != nil {
			return Result{}, diag.Locate(f.Src, 0, err, "cannot copy the static file")
		}
		if hashed, ok := p.assets[f.Path]; ok {
			if err := sink.Copy(hashed, f.FS, f.Src); err != nil {
				return Result{}, diag.Locate(f.Src, 0, err, "cannot copy the static file")
			}
		}
	}
	stats, err := r.Site(ctx, sink)
	if err != nil {
		return Result{}, err
	}
	noFile := make([]string, len(p.Site.NoFile))
	for i, a := range p.Site.NoFile {
		noFile[i] = a.ID
	}
	return Result{Posts: stats.Posts, Pages: stats.Pages, Lists: stats.Lists, Feeds: stats.Feeds, Kept: stats.Kept,
		Skipped: p.Site.Skipped, Due: p.Site.Due, Templates: p.tmpl.Stats(), NoFile: noFile, Sections: p.loaded.Sections, Warnings: stats.Warnings, usedKeys: r.UsedKeys()}, nil
}

// StaticFile is one file copied as it is into the output.
type StaticFile struct {
	Path string // output path, "theme/style.css"
	FS   fs.FS  // the theme's or the site's files
	Src  string // path within FS, "static/theme/style.css"
}

// Static lists the files of static/ of the theme and then of the site,
// sorted by output path; a site file replaces the theme's file of the same
// name. Links in the site's static/ are followed when they stay in the
// site folder, to files and folders alike, and are an error otherwise.
func (p *Prepared) Static() ([]StaticFile, error) {
	files := map[string]StaticFile{}
	for _, fsys := range []fs.FS{p.Options.Theme, p.siteFS} {
		err := sitefs.WalkDir(fsys, "static", func(src string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || content.Ignored(d.Name()) {
				return nil
			}
			out := path.Clean(src[len("static/"):])
			files[out] = StaticFile{Path: out, FS: fsys, Src: src}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, diag.Locate("static", 0, err, "cannot read the folder")
		}
	}
	out := make([]StaticFile, 0, len(files))
	for _, f := range files {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b StaticFile) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

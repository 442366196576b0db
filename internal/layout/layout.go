// Package layout loads the templates of a site over the built-in theme.
//
// Templates are Go html/template files in layouts/:
//
//	baseof.html          the base layout; it calls the "main" block
//	partials/*.html      partials, called with {{template "partials/name.html" .}}
//	home.html post.html page.html list.html terms.html authors.html 404.html alias.html
//	                     one file a kind of page; each defines "main"
//
// A site overrides any of them, partials included, by placing a file of the
// same name in its own layouts/ folder; the other files come from the theme.
// Parse errors and errors while running a template name the file and line
// they come from.
package layout

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/blogen/blogen/internal/diag"
	"github.com/blogen/blogen/internal/layout/compile"
)

// Dir is the folder of templates, in the theme and in a site.
const Dir = "layouts"

// Kinds are the page templates each site has.
var Kinds = []string{"home", "post", "page", "list", "terms", "authors", "search", "404", "alias"}

// Templates are a site's parsed templates, one set for each kind of page.
// They are safe for concurrent use once loaded.
type Templates struct {
	sets map[string]*template.Template
	// standalone kinds have a page template with content of its own, run
	// without the base layout (alias pages).
	standalone map[string]bool
	origin     map[string]string // template file name -> path printed in errors
	files      map[string]source
	opts       Options
	// asWritten, for compacted templates, are the templates as their files
	// are written, run again to report an error at its true line.
	asWritten *Templates
	// programs are the compiled templates, by kind of page and by partial;
	// checked runs every page both ways.
	programs sync.Map // string -> *program
	checked  bool
	stats    *stats // shared by the templates Compact and Checked make
}

// program is a compiled template, made after html/template has run (and
// so escaped) the template once.
type program struct {
	once     sync.Once
	compiled atomic.Pointer[compile.Program]
	refused  atomic.Pointer[string] // why the compiler refused the template
}

// source is one template file and where it came from.
type source struct {
	name   string // path within layouts/, "partials/bio.html"
	origin string // path printed in errors
	text   string
}

// Options say what the templates are given and how they run.
type Options struct {
	// Funcs are the functions the templates call.
	Funcs template.FuncMap
	// Methods are the methods of the data's types that compiled templates
	// call without reflection; nil for none.
	Methods *compile.Methods
	// Plain runs every page and partial through html/template, never
	// compiled: for debugging, and for a site that would rather not trust
	// the compiler. The pages are the same, written more slowly.
	Plain bool
}

// Load parses the theme's templates with the site's over them. site may be
// nil for a site without a layouts/ folder. Errors name files of the theme
// with the prefix "(built-in theme)".
func Load(theme, site fs.FS, opts Options) (*Templates, error) {
	files := map[string]source{}
	var errs diag.List
	errs.Add(readLayouts(theme, "(built-in theme) ", files))
	if site != nil {
		errs.Add(readLayouts(site, "", files))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return parseAll(files, opts)
}

// parseAll parses every template of files.
func parseAll(files map[string]source, opts Options) (*Templates, error) {
	var errs diag.List
	t := &Templates{sets: map[string]*template.Template{}, standalone: map[string]bool{}, origin: map[string]string{},
		files: files, opts: opts, stats: new(stats)}
	for name, s := range files {
		t.origin[name] = s.origin
	}
	base, err := t.parseBase(files, opts.Funcs)
	if err != nil {
		return nil, err
	}
	for _, kind := range Kinds {
		set, err := t.parseKind(base, files, kind)
		errs.Add(err)
		t.sets[kind] = set
	}
	return t, errs.Err()
}

// Compact returns the templates with the text of each file rewritten by
// compact, such as a minifier that knows template actions, so that pages
// come out compact without a pass over every page. A file compact fails
// on is kept as written, and so are all of them if the rewritten files do
// not parse. Errors while running still name the line of the file as
// written: a compacted template that fails is run again as written.
func (t *Templates) Compact(compact func(text string) (string, error)) *Templates {
	files := make(map[string]source, len(t.files))
	for name, s := range t.files {
		if text, err := compact(s.text); err == nil {
			s.text = text
		}
		files[name] = s
	}
	c, err := parseAll(files, t.opts)
	if err != nil {
		return t
	}
	c.asWritten = t
	c.checked, c.stats = t.checked, t.stats
	return c
}

// Sum returns the SHA-256 of the template files as written: their names,
// where they came from and their text.
func (t *Templates) Sum() [sha256.Size]byte {
	names := make([]string, 0, len(t.files))
	for name := range t.files {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		f := t.files[name]
		fmt.Fprintf(h, "%d:%s%d:%s%d:%s", len(name), name, len(f.origin), f.origin, len(f.text), f.text)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// readLayouts reads every .html file below layouts/ of fsys into files.
func readLayouts(fsys fs.FS, label string, files map[string]source) error {
	var errs diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(diag.Wrap(label+p, 0, err, "cannot read the template"))
			return nil
		}
		name := strings.TrimPrefix(p, Dir+"/")
		files[name] = source{name: name, origin: label + p, text: string(b)}
		return nil
	})
	if err != nil && !isNotExist(err) {
		errs.Add(diag.Wrap(label+Dir, 0, err, "cannot read the folder"))
	}
	return errs.Err()
}

// parseBase parses baseof.html and every partial into one template set.
func (t *Templates) parseBase(files map[string]source, funcs template.FuncMap) (*template.Template, error) {
	baseFile, ok := files["baseof.html"]
	if !ok {
		return nil, diag.Errorf("layouts/baseof.html", 0, "the base layout is missing")
	}
	base := template.New("baseof.html").Funcs(funcs)
	if _, err := base.Parse(baseFile.text); err != nil {
		return nil, t.wrap(err)
	}
	var errs diag.List
	names := make([]string, 0, len(files))
	for name := range files {
		if strings.HasPrefix(name, "partials/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if _, err := base.New(name).Parse(files[name].text); err != nil {
			errs.Add(t.wrap(err))
		}
	}
	return base, errs.Err()
}

// parseKind clones the base set and adds the page template of kind.
func (t *Templates) parseKind(base *template.Template, files map[string]source, kind string) (*template.Template, error) {
	name := kind + ".html"
	f, ok := files[name]
	if !ok {
		return nil, diag.Errorf("layouts/"+name, 0, "the %s template is missing", kind)
	}
	set, err := base.Clone()
	if err != nil {
		return nil, t.wrap(err)
	}
	page, err := set.New(name).Parse(f.text)
	if err != nil {
		return nil, t.wrap(err)
	}
	t.standalone[kind] = hasContent(page)
	return set, nil
}

// hasContent reports whether a template has anything besides {{define}}
// blocks and white space.
func hasContent(t *template.Template) bool {
	if t.Tree == nil || t.Tree.Root == nil {
		return false
	}
	for _, n := range t.Tree.Root.Nodes {
		text, ok := n.(*parse.TextNode)
		if !ok || len(bytes.TrimSpace(text.Text)) > 0 {
			return true
		}
	}
	return false
}

// Execute runs the template of kind with data into w. The base layout is
// the entry point, except for page templates with content of their own
// (alias.html), which run alone.
func (t *Templates) Execute(w io.Writer, kind string, data any) error {
	set := t.sets[kind]
	if set == nil {
		return fmt.Errorf("no template for %s pages", kind)
	}
	entry := "baseof.html"
	if t.standalone[kind] {
		entry = kind + ".html"
	}
	err := t.run(w, kind, set, entry, data)
	if err != nil && t.asWritten != nil {
		if again := t.asWritten.Execute(io.Discard, kind, data); again != nil {
			return again
		}
	}
	return err
}

// Partial runs one partial ("partials/summary.html") with data, as
// {{template}} would inside a page, and returns its HTML.
func (t *Templates) Partial(name string, data any) (template.HTML, error) {
	set := t.sets["page"]
	if set == nil || set.Lookup(name) == nil {
		return "", fmt.Errorf("no partial %s in layouts/", name)
	}
	b := getBuffer()
	defer putBuffer(b)
	if err := t.run(b, name, set, name, data); err != nil {
		if t.asWritten != nil {
			if _, again := t.asWritten.Partial(name, data); again != nil {
				return "", again
			}
		}
		return "", err
	}
	return template.HTML(b.String()), nil
}

// run runs the template entry of set with data into w: compiled when it
// has been, else through html/template, after which it is compiled for
// the next page. key names the compiled template: a kind of page or a
// partial.
func (t *Templates) run(w io.Writer, key string, set *template.Template, entry string, data any) error {
	if t.opts.Plain {
		t.stats.plain.Add(1)
		if err := set.ExecuteTemplate(w, entry, data); err != nil {
			return t.wrap(err)
		}
		return nil
	}
	slot := t.program(key)
	prog := slot.compiled.Load()
	if prog != nil && t.checked {
		return t.runChecked(prog, w, key, set, entry, data)
	}
	if prog != nil {
		if done, err := t.runCompiled(prog, w, data); done {
			return err
		}
	} else if why := slot.refused.Load(); why != nil {
		t.stats.refusal(*why)
	} else {
		t.stats.firstRuns.Add(1)
	}
	if err := set.ExecuteTemplate(w, entry, data); err != nil {
		return t.wrap(err)
	}
	t.compile(slot, set, entry)
	return nil
}

// program returns the slot of the compiled template for key.
func (t *Templates) program(key string) *program {
	if p, ok := t.programs.Load(key); ok {
		return p.(*program)
	}
	p, _ := t.programs.LoadOrStore(key, new(program))
	return p.(*program)
}

// runCompiled runs a compiled template into w; done is false if
// html/template must run it instead.
func (t *Templates) runCompiled(prog *compile.Program, w io.Writer, data any) (done bool, err error) {
	b, direct := w.(*bytes.Buffer)
	if !direct {
		b = getBuffer()
		defer putBuffer(b)
	}
	start := b.Len()
	if err := prog.Execute(b, data); err != nil {
		b.Truncate(start)
		t.stats.fallback(err)
		return false, nil
	}
	t.stats.compiled.Add(1)
	if !direct {
		_, err = w.Write(b.Bytes())
	}
	return true, err
}

// runChecked runs a template both compiled and through html/template,
// writes what html/template wrote and notes whether the two differ.
func (t *Templates) runChecked(prog *compile.Program, w io.Writer, key string, set *template.Template, entry string, data any) error {
	compiled := getBuffer()
	defer putBuffer(compiled)
	runErr := prog.Execute(compiled, data)
	ok := runErr == nil
	standard := getBuffer()
	defer putBuffer(standard)
	if err := set.ExecuteTemplate(standard, entry, data); err != nil {
		return t.wrap(err)
	}
	t.stats.checked.Add(1)
	if !ok {
		t.stats.fallback(runErr)
	} else if !bytes.Equal(compiled.Bytes(), standard.Bytes()) {
		t.stats.mismatch(key, compiled.Bytes(), standard.Bytes())
	}
	_, err := w.Write(standard.Bytes())
	return err
}

// compile compiles the template entry of set once, after html/template has
// run it. A template that does not compile keeps running through
// html/template.
func (t *Templates) compile(slot *program, set *template.Template, entry string) {
	slot.once.Do(func() {
		lookup := func(name string) *parse.Tree {
			if tmpl := set.Lookup(name); tmpl != nil {
				return tmpl.Tree
			}
			return nil
		}
		prog, err := compile.Compile(entry, lookup, t.opts.Funcs, t.opts.Methods)
		if err != nil {
			why := fmt.Sprintf("%s: %v", entry, err)
			slot.refused.Store(&why)
			return
		}
		slot.compiled.Store(prog)
	})
}

// Checked returns the templates set to run every page both compiled and
// through html/template: pages come from html/template, and Stats tells
// where the compiled templates wrote something else.
func (t *Templates) Checked() *Templates {
	c, err := parseAll(t.files, t.opts)
	if err != nil {
		return t
	}
	c.checked, c.stats, c.asWritten = true, t.stats, t.asWritten
	return c
}

// Stats tells how templates ran, for tests, for checking the compiled
// templates on a site and for the build's -v output. Each page and each
// partial run counts once: compiled, or written by html/template for one
// of the reasons counted after Compiled.
type Stats struct {
	Compiled int64 // pages and partials compiled templates wrote
	// FirstRuns are written by html/template as the first run of their
	// template, which escapes it; it is compiled after.
	FirstRuns int64
	// Refused are written by html/template because the compiler does not
	// compile their template (such as one that calls a template
	// html/template derived for another context); FirstRefusal says why.
	Refused      int64
	FirstRefusal string
	// Fallbacks are handed back by compiled templates to html/template: to
	// report an error, or for what they do not do (a range over a map);
	// FirstFallback says why.
	Fallbacks     int64
	FirstFallback string
	// Plain are written by html/template because Options.Plain asked for
	// every page to be.
	Plain   int64
	Checked int64 // run both ways, by templates from Checked
	// Mismatches counts the pages and partials, run both ways, on which
	// the compiled templates wrote something else; FirstMismatch shows the
	// first.
	Mismatches    int64
	FirstMismatch string
}

// Standard returns how many pages and partials html/template wrote
// instead of a compiled template, for any reason.
func (s Stats) Standard() int64 { return s.FirstRuns + s.Refused + s.Fallbacks + s.Plain }

// String says how many pages and partials were compiled, how many
// html/template wrote instead and why, in one line.
func (s Stats) String() string {
	var why []string
	if s.FirstRuns > 0 {
		why = append(why, fmt.Sprintf("%d first runs of a template, which compile it", s.FirstRuns))
	}
	if s.Refused > 0 {
		why = append(why, fmt.Sprintf("%d of templates not compiled (first: %s)", s.Refused, s.FirstRefusal))
	}
	if s.Fallbacks > 0 {
		why = append(why, fmt.Sprintf("%d handed back by compiled templates (first: %s)", s.Fallbacks, s.FirstFallback))
	}
	if s.Plain > 0 {
		why = append(why, fmt.Sprintf("%d as plain templates were asked for", s.Plain))
	}
	line := fmt.Sprintf("Templates: %d pages and partials compiled, %d through html/template", s.Compiled, s.Standard())
	if len(why) > 0 {
		line += ": " + strings.Join(why, "; ")
	}
	return line
}

// Stats returns how the templates (and those Compact and Checked made
// from them) have run so far.
func (t *Templates) Stats() Stats {
	s := t.stats
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{Compiled: s.compiled.Load(), FirstRuns: s.firstRuns.Load(), Refused: s.refused,
		FirstRefusal: s.firstRefusal, Fallbacks: s.fallbacks, FirstFallback: s.firstFallback,
		Plain: s.plain.Load(), Checked: s.checked.Load(), Mismatches: s.mismatches, FirstMismatch: s.first}
}

// stats are the counters behind Stats.
type stats struct {
	compiled, firstRuns, plain, checked atomic.Int64
	mu                                  sync.Mutex
	refused, fallbacks, mismatches      int64
	firstRefusal, firstFallback, first  string
}

// refusal notes a run of a template the compiler refused, and why.
func (s *stats) refusal(why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refused++
	if s.firstRefusal == "" {
		s.firstRefusal = why
	}
}

// fallback notes a run a compiled template handed back, with err, the
// error that says why.
func (s *stats) fallback(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fallbacks++
	if s.firstFallback == "" {
		s.firstFallback = strings.TrimPrefix(err.Error(), compile.ErrFallback.Error()+": ")
	}
}

// mismatch notes a template whose compiled output differs.
func (s *stats) mismatch(key string, compiled, standard []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mismatches++
	if s.first != "" {
		return
	}
	i := 0
	for i < len(compiled) && i < len(standard) && compiled[i] == standard[i] {
		i++
	}
	from := max(0, i-80)
	s.first = fmt.Sprintf("%s, at byte %d:\ncompiled:      %q\nhtml/template: %q", key, i,
		compiled[from:min(len(compiled), i+80)], standard[from:min(len(standard), i+80)])
}

// Render runs kind and returns what it wrote, in a buffer of a pool: a
// caller that is done with the page hands it back with Recycle, for a
// later page to be written into.
func (t *Templates) Render(kind string, data any) ([]byte, error) {
	b := getBuffer()
	if err := t.Execute(b, kind, data); err != nil {
		putBuffer(b)
		return nil, err
	}
	return b.Bytes(), nil
}

// Recycle hands back a page Render returned, which its caller and anyone
// it passed the page to no longer read.
func Recycle(page []byte) { putBuffer(bytes.NewBuffer(page[:0])) }

// buffers are reused by Render, Partial and Execute. Partial copies out
// what it wrote: a partial grows a buffer many times, a copy allocates
// once. Render hands its buffer over and takes it back in Recycle.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer returns b to the pool, unless it grew very large.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// templateErr matches html/template's "template: name:line:col: message".
var templateErr = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)

// wrap turns a template error into file:line: message.
func (t *Templates) wrap(err error) error {
	msg := err.Error()
	m := templateErr.FindStringSubmatch(msg)
	if m == nil {
		return diag.Errorf("layouts", 0, "%s", strings.TrimPrefix(msg, "template: "))
	}
	line, _ := strconv.Atoi(m[2])
	file := t.origin[m[1]]
	if file == "" {
		file = "layouts/" + m[1]
	}
	return diag.Errorf(file, line, "%s", m[3])
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

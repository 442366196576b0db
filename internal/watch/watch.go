// Package watch reports changes to a site's files as batches.
//
// A Watcher watches site.toml and the folders content/, layouts/ and
// static/ of a site with every folder below them, including folders made
// after it started (their files are reported as new). It leaves out what
// blogen never reads (content.Ignored: hidden files, editor swap, backup
// and temporary files) and the folders Options.Ignore names, such as the
// output folder.
//
// Events come in bursts: an editor's save is several events, a git
// checkout thousands. The Watcher gathers them and sends one Batch once
// the files have been quiet for Options.Quiet, or at the latest
// Options.MaxDelay after the first event of the burst, so a long burst
// still shows progress. A batch names each changed file once, relative to
// the site folder, sorted.
//
// Saves that go through other names end as a change of the real file:
//
//   - an atomic save writes a temporary file and renames it over the real
//     one: the temporary name is ignored or, when it was created and is gone
//     again by the end of the burst, left out of the batch;
//   - vim's backup save renames the file to file~, writes the file anew
//     and removes file~: the ~ file is ignored and the file is reported as
//     changed, not as removed and added;
//   - a burst cut by MaxDelay while a file is missing but was touched less
//     than Quiet ago waits for it a little longer, so a save is never
//     reported half done.
//
// When the kernel's event queue overflows, events are lost: the next batch
// has Full set, and the reader should rebuild everything.
//
// Batches are sent on Batches. A reader that is slow does not hold up the
// watching: batches that are not yet taken merge into one.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/blogen/blogen/internal/content"
)

// The default timing of batches.
const (
	DefaultQuiet    = 10 * time.Millisecond
	DefaultMaxDelay = 250 * time.Millisecond
)

// configFile is the one file of the site folder itself that is watched.
const configFile = "site.toml"

// isRoot reports whether a folder of the site folder is watched.
func isRoot(name string) bool {
	return name == "content" || name == "layouts" || name == "static"
}

// Batch is one burst of changes.
type Batch struct {
	// Paths are the changed files and folders, relative to the site folder
	// with forward slashes, sorted, each once.
	Paths []string
	// Full is set when events were lost: anything may have changed.
	Full bool
}

// Options tune a Watcher. The zero value is ready to use.
type Options struct {
	// Quiet is how long the files must be still before a batch is sent;
	// DefaultQuiet when zero.
	Quiet time.Duration
	// MaxDelay bounds the wait from the first event of a burst to its
	// batch; DefaultMaxDelay when zero.
	MaxDelay time.Duration
	// Clock is SystemClock() when nil.
	Clock Clock
	// Ignore names folders of the site (relative, with forward slashes,
	// "public") whose changes are never reported.
	Ignore []string
	// Errors, when set, is told of problems that do not stop the watching,
	// such as a new folder that cannot be watched. It is called from the
	// Watcher's goroutine.
	Errors func(error)
}

// source is where events come from: an fsnotify.Watcher, or a fake in
// tests.
type source interface {
	Add(name string) error
	Remove(name string) error
	Close() error
}

// Watcher watches one site folder. Its methods are safe for concurrent
// use.
type Watcher struct {
	dir       string
	opts      Options
	src       source
	events    <-chan fsnotify.Event
	errs      <-chan error
	out       chan Batch
	fire      chan uint64
	calls     chan func() // runs functions on the loop, for tests
	quit      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error

	// The loop's own state.
	dirs    map[string]bool // watched folders, absolute
	pending map[string]*change
	full    bool
	burst   bool
	first   time.Time // the first event of the burst
	limit   time.Time // the latest time its batch may wait for
	timer   Timer
	gen     uint64 // which timer is the current one
	ready   *Batch // a batch not yet taken
	tap     func(fsnotify.Event)
}

// change is what the burst did to one path.
type change struct {
	created bool      // the burst's first event for it made it
	last    time.Time // its latest event
}

// New starts watching the site folder dir.
func New(dir string, opts Options) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	w, err := start(dir, opts, fw, fw.Events, fw.Errors, nil)
	if err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// start adds the watches and starts the loop. tap, when set, sees every
// event first.
func start(dir string, opts Options, src source, events <-chan fsnotify.Event, errs <-chan error, tap func(fsnotify.Event)) (*Watcher, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	opts.defaults()
	w := &Watcher{dir: abs, opts: opts, src: src, events: events, errs: errs,
		out: make(chan Batch), fire: make(chan uint64), calls: make(chan func()),
		quit: make(chan struct{}), done: make(chan struct{}),
		dirs: map[string]bool{}, pending: map[string]*change{}, tap: tap}
	if err := w.addRoots(); err != nil {
		return nil, err
	}
	go w.run()
	return w, nil
}

func (o *Options) defaults() {
	if o.Quiet <= 0 {
		o.Quiet = DefaultQuiet
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = DefaultMaxDelay
	}
	if o.Clock == nil {
		o.Clock = SystemClock()
	}
	ignore := make([]string, len(o.Ignore))
	for i, p := range o.Ignore {
		ignore[i] = strings.Trim(filepath.ToSlash(filepath.Clean(p)), "/")
	}
	o.Ignore = ignore
}

// addRoots watches the site folder itself and every folder below the
// watched ones.
func (w *Watcher) addRoots() error {
	if err := w.src.Add(w.dir); err != nil {
		return watchError(w.dir, err)
	}
	for _, name := range []string{"content", "layouts", "static"} {
		root := filepath.Join(w.dir, name)
		if info, err := os.Stat(root); err != nil || !info.IsDir() {
			continue
		}
		if err := w.addTree(root, false); err != nil {
			return err
		}
	}
	return nil
}

// Batches returns the channel batches are sent on. It is closed when the
// Watcher is closed.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Close stops the watching and returns once the Watcher's goroutine has
// ended.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.quit)
		<-w.done
		if err := w.src.Close(); err != nil {
			w.closeErr = fmt.Errorf("watch %s: close: %w", w.dir, err)
		}
	})
	return w.closeErr
}

// run is the Watcher's goroutine: it takes events and timer calls and
// sends batches.
func (w *Watcher) run() {
	defer close(w.done)
	defer close(w.out)
	defer w.stopTimer()
	for {
		var out chan<- Batch
		var next Batch
		if w.ready != nil {
			out, next = w.out, *w.ready
		}
		select {
		case ev, ok := <-w.events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.errs:
			if !ok {
				return
			}
			w.handleError(err)
		case g := <-w.fire:
			if g == w.gen {
				w.flush()
			}
		case out <- next:
			w.ready = nil
		case f := <-w.calls:
			f()
		case <-w.quit:
			return
		}
	}
}

// do runs f on the loop and waits for it; false when the loop has ended.
func (w *Watcher) do(f func()) bool {
	finished := make(chan struct{})
	select {
	case w.calls <- func() { f(); close(finished) }:
	case <-w.done:
		return false
	}
	<-finished
	return true
}

// handle takes one event.
func (w *Watcher) handle(ev fsnotify.Event) {
	if w.tap != nil {
		w.tap(ev)
	}
	rel, ok := w.rel(ev.Name)
	if !ok || ev.Op == fsnotify.Chmod {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forgetTree(ev.Name)
	}
	if ev.Has(fsnotify.Create) && isDir(ev.Name) {
		if err := w.addTree(ev.Name, true); err != nil {
			w.report(err)
		}
	}
	w.note(rel, ev.Has(fsnotify.Create))
}

// handleError takes one error of the event source.
func (w *Watcher) handleError(err error) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.report(fmt.Errorf("watch %s: %w", w.dir, err))
		return
	}
	w.full = true
	if err := w.addRoots(); err != nil {
		w.report(err)
	}
	w.startBurst(w.opts.Clock.Now())
}

func (w *Watcher) report(err error) {
	if w.opts.Errors != nil {
		w.opts.Errors(err)
	}
}

// rel returns the path of name relative to the site folder, and false
// when changes to it are not reported.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.dir, name)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	r = filepath.ToSlash(r)
	top, _, _ := strings.Cut(r, "/")
	if r != configFile && !isRoot(top) {
		return "", false
	}
	for seg := range strings.SplitSeq(r, "/") {
		if content.Ignored(seg) {
			return "", false
		}
	}
	for _, ig := range w.opts.Ignore {
		if r == ig || strings.HasPrefix(r, ig+"/") {
			return "", false
		}
	}
	return r, true
}

func isDir(name string) bool {
	info, err := os.Lstat(name)
	return err == nil && info.IsDir()
}

// addTree watches root and every folder below it. With noteFiles, what
// is found below root is reported as new: it may have been made before
// the watch was in place.
func (w *Watcher) addTree(root string, noteFiles bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return fmt.Errorf("watch %s: %w", p, err)
			}
			return nil // gone meanwhile
		}
		rel, ok := w.rel(p)
		switch {
		case !ok && d.IsDir():
			return filepath.SkipDir
		case !ok:
			return nil
		}
		if noteFiles && p != root {
			w.note(rel, true)
		}
		if !d.IsDir() {
			return nil
		}
		if err := w.src.Add(p); err != nil {
			return watchError(p, err)
		}
		w.dirs[p] = true
		return nil
	})
}

// watchError explains the errors of a full watch table.
func watchError(p string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("watch %s: %w: the system's limit of watched folders is reached; raise it, for example with sysctl fs.inotify.max_user_watches=524288", p, err)
	}
	return fmt.Errorf("watch %s: %w", p, err)
}

// forgetTree drops the watches of a folder that was removed or renamed,
// and of every folder below it.
func (w *Watcher) forgetTree(p string) {
	if !w.dirs[p] {
		return
	}
	prefix := p + string(filepath.Separator)
	for d := range w.dirs {
		if d == p || strings.HasPrefix(d, prefix) {
			_ = w.src.Remove(d) // the kernel may have dropped it already
			delete(w.dirs, d)
		}
	}
}

// note records an event for rel and sets the timer.
func (w *Watcher) note(rel string, created bool) {
	now := w.opts.Clock.Now()
	c, ok := w.pending[rel]
	if !ok {
		c = &change{created: created}
		w.pending[rel] = c
	}
	c.last = now
	w.startBurst(now)
}

// startBurst sets the timer for an event at now: Quiet from now, but no
// later than MaxDelay after the first event of the burst.
func (w *Watcher) startBurst(now time.Time) {
	if !w.burst {
		w.burst, w.first, w.limit = true, now, now.Add(w.opts.MaxDelay)
	}
	w.setTimer(min(w.opts.Quiet, w.limit.Sub(now)))
}

func (w *Watcher) setTimer(d time.Duration) {
	w.stopTimer()
	w.gen++
	g := w.gen
	w.timer = w.opts.Clock.AfterFunc(d, func() {
		select {
		case w.fire <- g:
		case <-w.quit:
		}
	})
}

func (w *Watcher) stopTimer() {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
}

// flush ends the burst and makes its batch ready to send.
func (w *Watcher) flush() {
	w.timer = nil
	now := w.opts.Clock.Now()
	if longest := w.first.Add(4 * w.opts.MaxDelay); now.Before(longest) && w.unsettled(now) {
		w.limit = longest
		w.setTimer(min(w.opts.Quiet, longest.Sub(now)))
		return
	}
	b := Batch{Paths: w.changedPaths(), Full: w.full}
	clear(w.pending)
	w.full, w.burst = false, false
	if len(b.Paths) > 0 || b.Full {
		w.ready = merge(w.ready, b)
	}
}

// unsettled reports whether a file of the burst is missing while it was
// touched less than Quiet ago: a save may be under way.
func (w *Watcher) unsettled(now time.Time) bool {
	for rel, c := range w.pending {
		if now.Sub(c.last) < w.opts.Quiet && !w.exists(rel) {
			return true
		}
	}
	return false
}

// changedPaths lists the paths of the burst, less the files it made and
// removed again (temporary files of saves) unless those are all it has.
func (w *Watcher) changedPaths() []string {
	all := make([]string, 0, len(w.pending))
	kept := make([]string, 0, len(w.pending))
	for rel, c := range w.pending {
		all = append(all, rel)
		if !c.created || w.exists(rel) {
			kept = append(kept, rel)
		}
	}
	if len(kept) == 0 {
		return all
	}
	return kept
}

func (w *Watcher) exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(w.dir, filepath.FromSlash(rel)))
	return err == nil
}

// merge adds b to a batch not yet sent.
func merge(a *Batch, b Batch) *Batch {
	if a != nil {
		b.Paths = append(b.Paths, a.Paths...)
		b.Full = b.Full || a.Full
	}
	slices.Sort(b.Paths)
	b.Paths = slices.Compact(b.Paths)
	return &b
}

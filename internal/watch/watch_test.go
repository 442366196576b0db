package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const ms = time.Millisecond

// fakeSource stands for fsnotify: the test sends the events.
type fakeSource struct {
	mu     sync.Mutex
	added  map[string]bool
	events chan fsnotify.Event
	errs   chan error
}

func newFakeSource() *fakeSource {
	return &fakeSource{added: map[string]bool{}, events: make(chan fsnotify.Event), errs: make(chan error)}
}

func (s *fakeSource) Add(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.added[name] = true
	return nil
}

func (s *fakeSource) Remove(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.added, name)
	return nil
}

func (s *fakeSource) Close() error { return nil }

func (s *fakeSource) watched(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.added[name]
}

// harness runs a Watcher over a fake source and a fake clock, on a real
// folder so that the Watcher can see which files exist.
type harness struct {
	t     *testing.T
	dir   string
	src   *fakeSource
	clock *fakeClock
	w     *Watcher
}

// testQuiet is the quiet period of the harness's watchers.
const testQuiet = 30 * time.Millisecond

func newHarness(t *testing.T, files []string, opts Options) *harness {
	t.Helper()
	h := &harness{t: t, dir: t.TempDir(), src: newFakeSource(), clock: newFakeClock()}
	for _, f := range append([]string{"content/posts/.keep", "layouts/.keep", "static/.keep"}, files...) {
		h.touch(f)
	}
	opts.Clock = h.clock
	if opts.Quiet == 0 {
		opts.Quiet = testQuiet // the steps below are written for it
	}
	w, err := start(h.dir, opts, h.src, h.src.events, h.src.errs, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.w = w
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
		if _, open := <-w.Batches(); open {
			t.Error("Batches is still open after Close")
		}
	})
	return h
}

func (h *harness) abs(rel string) string { return filepath.Join(h.dir, filepath.FromSlash(rel)) }

func (h *harness) touch(rel string) {
	h.t.Helper()
	if err := os.MkdirAll(filepath.Dir(h.abs(rel)), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(h.abs(rel), []byte("x"), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// send sends one event and waits until the Watcher has taken it.
func (h *harness) send(op fsnotify.Op, rel string) {
	h.src.events <- fsnotify.Event{Name: h.abs(rel), Op: op}
	h.w.do(func() {})
}

// step is one thing a test does to the harness.
type step func(h *harness)

func create(rel string) step {
	return func(h *harness) { h.touch(rel); h.send(fsnotify.Create, rel) }
}

func write(rel string) step {
	return func(h *harness) { h.touch(rel); h.send(fsnotify.Write, rel) }
}

func remove(rel string) step {
	return func(h *harness) {
		if err := os.RemoveAll(h.abs(rel)); err != nil {
			h.t.Fatal(err)
		}
		h.send(fsnotify.Remove, rel)
	}
}

func rename(from, to string) step {
	return func(h *harness) {
		if err := os.Rename(h.abs(from), h.abs(to)); err != nil {
			h.t.Fatal(err)
		}
		h.send(fsnotify.Rename, from)
		h.send(fsnotify.Create, to)
	}
}

func mkdir(rel string, files ...string) step {
	return func(h *harness) {
		for _, f := range files {
			h.touch(rel + "/" + f)
		}
		h.send(fsnotify.Create, rel)
	}
}

func chmod(rel string) step { return func(h *harness) { h.send(fsnotify.Chmod, rel) } }

func overflow() step {
	return func(h *harness) { h.src.errs <- fsnotify.ErrEventOverflow; h.w.do(func() {}) }
}

// advance moves the clock a millisecond at a time, letting the Watcher
// take each timer before the next.
func advance(d time.Duration) step {
	return func(h *harness) {
		for range d / ms {
			h.clock.Advance(ms)
			h.w.do(func() {})
		}
	}
}

// none asserts that no batch is ready.
func none() step {
	return func(h *harness) {
		h.t.Helper()
		var ready *Batch
		h.w.do(func() { ready = h.w.ready })
		if ready != nil {
			h.t.Fatalf("at %v: got batch %+v, want none yet", h.elapsed(), *ready)
		}
	}
}

// want asserts that the batch ready is b, and takes it.
func want(b Batch) step {
	return func(h *harness) {
		h.t.Helper()
		var ready *Batch
		h.w.do(func() { ready = h.w.ready })
		if ready == nil {
			h.t.Fatalf("at %v: no batch, want %+v", h.elapsed(), b)
		}
		got := <-h.w.Batches()
		if !slices.Equal(got.Paths, b.Paths) || got.Full != b.Full {
			h.t.Fatalf("at %v: got batch %+v, want %+v", h.elapsed(), got, b)
		}
	}
}

func paths(p ...string) Batch { return Batch{Paths: p} }

func (h *harness) elapsed() time.Duration { return h.clock.Now().Sub(newFakeClock().now) }

// repeat runs s n times.
func repeat(n int, s ...step) []step {
	var out []step
	for range n {
		out = append(out, s...)
	}
	return out
}

func TestCoalescing(t *testing.T) {
	const a, b = "content/posts/a.md", "content/posts/b.md"
	tests := []struct {
		name   string
		files  []string // there before the watch starts
		ignore []string
		steps  []step
	}{
		{"a write is sent once the files are quiet", nil, nil, []step{
			write(a), advance(29 * ms), none(), advance(ms), want(paths(a)),
			advance(time.Second), none(),
		}},
		{"events within the quiet period extend it", nil, nil, []step{
			write(a), advance(20 * ms), write(b), advance(20 * ms), write(a), advance(29 * ms), none(),
			advance(ms), want(paths(a, b)),
		}},
		{"a long burst is cut at the max delay", nil, nil, slices.Concat(
			repeat(25, write(a), advance(10*ms)), []step{want(paths(a))},
			repeat(25, write(b), advance(10*ms)), []step{want(paths(b)), advance(time.Second), none()},
		)},
		{"an atomic save through an ignored temporary file", []string{a}, nil, []step{
			create("content/posts/.a.md.tmp"), write("content/posts/.a.md.tmp"),
			rename("content/posts/.a.md.tmp", a), advance(30 * ms), want(paths(a)),
		}},
		{"an atomic save through a temporary file of any name", []string{a}, nil, []step{
			create("content/posts/a.md.48213"), write("content/posts/a.md.48213"),
			rename("content/posts/a.md.48213", a), advance(30 * ms), want(paths(a)),
		}},
		{"vim's backup save", []string{a}, nil, []step{
			rename(a, a+"~"), create("content/posts/4913"), remove("content/posts/4913"),
			create(a), write(a), remove(a + "~"), advance(30 * ms), want(paths(a)),
		}},
		{"a save cut by the max delay waits for its file", []string{a}, nil, slices.Concat(
			repeat(24, write(b), advance(10*ms)),
			[]step{advance(5 * ms), rename(a, a+"~"), advance(5 * ms), none(), advance(10 * ms),
				create(a), write(a), remove(a + "~"), advance(29 * ms), none(), advance(ms), want(paths(a, b))},
		)},
		{"swap, backup and hidden files, ignored folders and chmod are left out", []string{a}, []string{"static/out"}, []step{
			create("content/posts/.a.md.swp"), create("content/posts/a.md~"), create("content/posts/#a.md#"),
			create("content/posts/x.bak"), create(".git/index"), create("public/index.html"),
			create("static/out/x.css"), create("README.md"), chmod(a), advance(time.Second), none(),
		}},
		{"site.toml is watched", nil, nil, []step{write("site.toml"), advance(30 * ms), want(paths("site.toml"))}},
		{"a deleted file", []string{a}, nil, []step{remove(a), advance(30 * ms), want(paths(a))}},
		{"a renamed post names both files", []string{a}, nil, []step{rename(a, b), advance(30 * ms), want(paths(a, b))}},
		{"a file made and removed is reported when it is all there is", nil, nil, []step{
			create(a), remove(a), advance(30 * ms), want(paths(a)),
		}},
		{"an overflow asks for a full rebuild", nil, nil, []step{overflow(), advance(30 * ms), want(Batch{Full: true})}},
		{"batches not taken merge", nil, nil, []step{
			write(a), advance(30 * ms), write(b), advance(30 * ms), want(paths(a, b)), none(),
		}},
		{"a new folder's files are reported", nil, nil, []step{
			mkdir("content/posts/new", "index.md", "img/x.png"), advance(30 * ms),
			want(paths("content/posts/new", "content/posts/new/img", "content/posts/new/img/x.png", "content/posts/new/index.md")),
		}},
		{"a new content folder is watched", nil, nil, []step{
			remove("layouts"), advance(30 * ms), want(paths("layouts")),
			mkdir("layouts", "post.html"), advance(30 * ms), want(paths("layouts", "layouts/post.html")),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.files, Options{Ignore: tt.ignore})
			for _, s := range tt.steps {
				s(h)
			}
		})
	}
}

// TestFolderWatches checks which folders are watched as folders come and
// go.
func TestFolderWatches(t *testing.T) {
	h := newHarness(t, []string{"content/posts/b/c/index.md", "content/.hidden/x.md", "static/out/x.css"}, Options{Ignore: []string{"static/out"}})
	for _, tt := range []struct {
		dir  string
		want bool
	}{
		{"", true}, {"content", true}, {"content/posts/b", true}, {"content/posts/b/c", true},
		{"layouts", true}, {"static", true}, {"content/.hidden", false}, {"static/out", false},
	} {
		if got := h.src.watched(h.abs(tt.dir)); got != tt.want {
			t.Errorf("at start, %q watched = %v, want %v", tt.dir, got, tt.want)
		}
	}
	rename("content/posts/b", "content/posts/d")(h)
	advance(30 * ms)(h)
	want(paths("content/posts/b", "content/posts/d", "content/posts/d/c", "content/posts/d/c/index.md"))(h)
	for _, tt := range []struct {
		dir  string
		want bool
	}{
		{"content/posts/b", false}, {"content/posts/b/c", false}, {"content/posts/d", true}, {"content/posts/d/c", true},
	} {
		if got := h.src.watched(h.abs(tt.dir)); got != tt.want {
			t.Errorf("after the rename, %q watched = %v, want %v", tt.dir, got, tt.want)
		}
	}
}

// TestRealSaves runs the Watcher on fsnotify and saves files the ways
// editors do. The clock is fake: a hidden marker file written after each
// save tells when the Watcher has seen every event of it.
func TestRealSaves(t *testing.T) {
	const a = "content/posts/a.md"
	tests := []struct {
		name string
		save func(t *testing.T, r *realHarness)
		want []string
	}{
		{"a write in place", func(t *testing.T, r *realHarness) { r.write(a, "new") }, []string{a}},
		{"an atomic save", func(t *testing.T, r *realHarness) {
			f, err := os.CreateTemp(filepath.Dir(r.abs(a)), "a.md.*")
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("new")
			f.Close()
			r.rename(f.Name(), r.abs(a))
		}, []string{a}},
		{"vim's backup save", func(t *testing.T, r *realHarness) {
			r.rename(r.abs(a), r.abs(a+"~"))
			r.write("content/posts/4913", "")
			r.remove("content/posts/4913")
			r.write(a, "new")
			r.remove(a + "~")
		}, []string{a}},
		{"a rename", func(t *testing.T, r *realHarness) { r.rename(r.abs(a), r.abs("content/posts/b.md")) }, []string{a, "content/posts/b.md"}},
		{"a delete", func(t *testing.T, r *realHarness) { r.remove(a) }, []string{a}},
		{"site.toml", func(t *testing.T, r *realHarness) { r.write("site.toml", "title = \"T\"") }, []string{"site.toml"}},
		{"a new bundle", func(t *testing.T, r *realHarness) {
			r.write("content/posts/new/index.md", "new")
			r.write("content/posts/new/img/x.png", "png")
		}, []string{"content/posts/new", "content/posts/new/img", "content/posts/new/img/x.png", "content/posts/new/index.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRealHarness(t)
			tt.save(t, r)
			r.settle()
			r.clock.Advance(testQuiet)
			r.expect(tt.want)
			r.clock.Advance(time.Hour)
			r.expectNone()
		})
	}
}

// TestRealNewFolderIsWatched writes into a folder made while watching.
func TestRealNewFolderIsWatched(t *testing.T) {
	r := newRealHarness(t)
	r.write("layouts/partials/a.html", "a")
	r.settle()
	r.clock.Advance(testQuiet)
	r.expect([]string{"layouts/partials", "layouts/partials/a.html"})
	r.write("layouts/partials/b.html", "b")
	r.settle()
	r.clock.Advance(testQuiet)
	r.expect([]string{"layouts/partials/b.html"})
}

// realHarness is a Watcher on fsnotify with a fake clock.
type realHarness struct {
	t      *testing.T
	dir    string
	clock  *fakeClock
	w      *Watcher
	marks  chan string
	marker int
}

func newRealHarness(t *testing.T) *realHarness {
	t.Helper()
	r := &realHarness{t: t, dir: t.TempDir(), clock: newFakeClock(), marks: make(chan string, 64)}
	r.write("site.toml", "")
	r.write("content/posts/a.md", "old")
	r.write("layouts/.keep", "")
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	tap := func(ev fsnotify.Event) {
		if strings.HasPrefix(filepath.Base(ev.Name), ".mark-") && ev.Has(fsnotify.Create) {
			r.marks <- filepath.Base(ev.Name)
		}
	}
	w, err := start(r.dir, Options{Clock: r.clock}, fw, fw.Events, fw.Errors, tap)
	if err != nil {
		fw.Close()
		t.Fatal(err)
	}
	r.w = w
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	return r
}

func (r *realHarness) abs(rel string) string { return filepath.Join(r.dir, filepath.FromSlash(rel)) }

func (r *realHarness) write(rel, data string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(r.abs(rel)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(r.abs(rel), []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *realHarness) rename(from, to string) {
	r.t.Helper()
	if err := os.Rename(from, to); err != nil {
		r.t.Fatal(err)
	}
}

func (r *realHarness) remove(rel string) {
	r.t.Helper()
	if err := os.Remove(r.abs(rel)); err != nil {
		r.t.Fatal(err)
	}
}

// settle writes a hidden marker file and waits until the Watcher has
// taken its event, and so every event before it.
func (r *realHarness) settle() {
	r.t.Helper()
	r.marker++
	name := ".mark-" + string(rune('a'+r.marker))
	r.write("content/"+name, "")
	deadline := time.After(10 * time.Second)
	for {
		select {
		case got := <-r.marks:
			if got == name {
				r.w.do(func() {})
				return
			}
		case <-deadline:
			r.t.Fatal("the watcher never saw the marker file")
		}
	}
}

func (r *realHarness) expect(want []string) {
	r.t.Helper()
	var ready *Batch
	r.w.do(func() { ready = r.w.ready })
	if ready == nil {
		r.t.Fatalf("no batch, want %q", want)
	}
	got := <-r.w.Batches()
	if !slices.Equal(got.Paths, want) || got.Full {
		r.t.Fatalf("got batch %+v, want %q", got, want)
	}
}

func (r *realHarness) expectNone() {
	r.t.Helper()
	var ready *Batch
	r.w.do(func() { ready = r.w.ready })
	if ready != nil {
		r.t.Fatalf("got a second batch %+v", *ready)
	}
}

// Package publish stores a build's outputs: in a folder, replaced
// atomically, or in memory for the preview server.
//
// A Dir writes every output into a staging folder beside the output folder
// and, only when the whole build has succeeded, swaps it in: on Linux with
// one renameat2(RENAME_EXCHANGE) call, elsewhere with two renames. Until
// then the previous output is untouched, so a failed or interrupted build
// leaves it as it was, and files of deleted posts never linger because the
// new folder holds only what this build wrote. Staging folders left by an
// interrupted build are removed by the next one.
//
// Only one build at a time writes into an output folder: NewDir takes a
// lock on it, an flock(2) on the file .NAME.blogen.lock beside it, which
// the build holds until it commits or gives up (or its process ends), and
// a second build fails at once, naming the process of the first.
//
// With a build cache, the folder swapped out is kept as a spare instead of
// deleted, and the next build stages into it: outputs that did not change
// are already there (the same files, hard-linked), so a build after a small
// edit writes a few files and removes a few, instead of making and
// deleting a folder for every page. Nothing in the spare is trusted: a
// file is kept only when it is the very file (the same inode) the output
// folder holds for an output whose inputs are unchanged, and anything the
// build did not produce is removed before the swap. Without a spare, the
// staging folder starts empty, and the folders the previous build's
// outputs went into are made in the background from the start, while the
// build loads the site; those no output of this build lands in are
// removed before the swap.
package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/blogen/blogen/internal/cache"
)

// Dir publishes into a folder. Its Write and Copy methods are safe for
// concurrent use; Commit and Abort are called once, at the end.
type Dir struct {
	final   string
	staging string

	mu      sync.Mutex
	written map[string]string // output path -> what wrote it ("" for a page), to catch collisions

	// With a manifest, outputs made from the same source as in the
	// previous build are hard-linked from it instead of written again.
	manifestFile string
	prev, next   *cache.Manifest

	// spare is where the output folder swapped out is kept for the next
	// build, "" to delete it; reused is set when staging is that spare,
	// a folder that may hold anything.
	spare  string
	reused bool
	// contents lists what the reused spare held, taken while the build
	// writes into it; nil when staging is not the spare.
	contents *inventory
	// folders holds the folders of the reused spare known to be folders,
	// not links, all the way from the staging folder (see folder).
	folders sync.Map

	// premade makes, in a fresh staging folder, the folders of the
	// previous build's outputs; nil otherwise.
	premade *premade

	// lock keeps other builds out of the output folder until Commit or
	// Abort.
	lock *outputLock
}

// KeepUnchanged makes the Dir record what each output was made from in
// manifestFile and, when the previous build recorded the same source for
// an output, link the previous file instead of writing a new one. The
// previous output folder is never modified: files are only ever linked
// from it.
//
// The output folder replaced at Commit is kept as the folder spare (in
// the build cache), and when spare holds one from an earlier build, this
// build stages into it. A spare on another file system than the output
// folder is not used.
func (d *Dir) KeepUnchanged(manifestFile, spare string) {
	d.manifestFile = manifestFile
	d.prev = cache.ReadManifest(manifestFile)
	d.next = cache.NewManifest()
	if d.reuseSpare(spare) {
		d.contents = takeInventory(d.staging)
		return
	}
	d.premade = premake(d.staging, d.prev.Folders())
}

// reuseSpare moves the spare folder, when there is one on the output
// folder's file system, in place of the empty staging folder, and reports
// whether it did.
func (d *Dir) reuseSpare(spare string) bool {
	if err := os.MkdirAll(filepath.Dir(spare), 0o755); err != nil || !sameDevice(filepath.Dir(spare), filepath.Dir(d.final)) {
		return false
	}
	d.spare = spare
	if info, err := os.Lstat(spare); err != nil || !info.IsDir() {
		os.RemoveAll(spare)
		return false
	}
	// Moved in place of the empty staging folder, the spare is this
	// build's alone: a build starting meanwhile finds none.
	if os.Remove(d.staging) != nil {
		return false
	}
	if d.reused = os.Rename(spare, d.staging) == nil; !d.reused {
		os.Mkdir(d.staging, 0o755)
	}
	return d.reused
}

// stagingPrefix starts the names of staging and retired folders.
func stagingPrefix(final string) string { return "." + filepath.Base(final) + ".blogen-" }

// NewDir prepares to publish into the folder final: it takes the lock of
// the folder, held until Commit or Abort, and creates a staging folder
// beside it. When another build holds the lock, NewDir fails at once with
// an error that wraps ErrBusy and names that build's process.
func NewDir(final string) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	lock, err := lockOutput(final)
	if err != nil {
		return nil, err
	}
	removeLeftovers(parent, stagingPrefix(final))
	staging, err := os.MkdirTemp(parent, stagingPrefix(final)+"staging-")
	if err == nil {
		err = os.Chmod(staging, 0o755)
	}
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("create a staging folder beside %s: %w", final, err)
	}
	return &Dir{final: final, staging: staging, written: map[string]string{}, lock: lock}, nil
}

// removeLeftovers deletes staging and retired folders of earlier builds
// that did not finish. It is called with the lock of the output folder
// held, so no build that is still running owns any of them.
func removeLeftovers(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// claim records that origin ("" for the page p) writes p, and fails when
// something else already did.
func (d *Dir) claim(p, origin string) (string, error) {
	if clean := path.Clean("/" + p)[1:]; clean == "" || clean != p {
		return "", fmt.Errorf("output path %q is not a clean relative path", p)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if prev, ok := d.written[p]; ok {
		return "", fmt.Errorf("%s and %s both write %s; rename one of them", writer(p, prev), writer(p, origin), p)
	}
	d.written[p] = origin
	return filepath.Join(d.staging, filepath.FromSlash(p)), nil
}

// writer names what wrote p: origin, or the page p when origin is "".
func writer(p, origin string) string {
	if origin == "" {
		return "the page " + p
	}
	return origin
}

// Write stores one generated file.
func (d *Dir) Write(p string, data []byte) error {
	_, _, err := d.write(p, data)
	return err
}

// write stores one generated file and returns its size and time.
func (d *Dir) write(p string, data []byte) (size, mod int64, err error) {
	dst, err := d.claim(p, "")
	if err != nil {
		return 0, 0, err
	}
	err = d.place(dst, func() (err error) {
		size, mod, err = writeNew(dst, data)
		return err
	})
	return size, mod, err
}

// place makes the file dst with op. Usually dst's folder is made first
// and, in a reused folder, whatever is at dst is removed. In a staging
// folder whose folders are made ahead, op runs first: dst's folder is
// made only when op finds it missing, and a folder made ahead where the
// file goes is removed.
func (d *Dir) place(dst string, op func() error) error {
	if d.premade == nil {
		if err := d.mkdir(filepath.Dir(dst)); err != nil {
			return err
		}
		if err := d.clear(dst); err != nil {
			return err
		}
		return op()
	}
	err := op()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		if err := d.mkdir(filepath.Dir(dst)); err != nil {
			return err
		}
	case !d.premade.free(dst):
		return err
	}
	return op()
}

// clear makes room for the file dst: in a reused folder whatever is at
// dst is removed first, as it may be a link to a file of the output
// folder, which must not be written through.
func (d *Dir) clear(dst string) error {
	if d.reused {
		return removeAny(dst)
	}
	return nil
}

// removeAny removes the file or folder at p, if there is one.
func removeAny(p string) error {
	err := os.Remove(p)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return os.RemoveAll(p)
}

// Previous returns what the previous build recorded of the output p.
func (d *Dir) Previous(p string) (cache.Output, bool) { return d.prev.Get(p) }

// Reuse links the previous build's file at p into the new output when it
// was made from the same source as o and is still as that build left it,
// and records it with o's inputs. It reports whether it did; when it did
// not, the caller writes the file with WriteFrom.
func (d *Dir) Reuse(p string, o cache.Output) bool {
	if d.prev == nil {
		return false
	}
	old, ok := d.prev.Get(p)
	if !ok || old.Source != o.Source {
		return false
	}
	prevFile := filepath.Join(d.final, filepath.FromSlash(p))
	info, err := os.Lstat(prevFile)
	if err != nil || !info.Mode().IsRegular() || info.Size() != old.Size || info.ModTime().UnixNano() != old.Mod {
		return false
	}
	dst, err := d.claim(p, "")
	if err != nil {
		return false
	}
	if !d.alreadyThere(dst, info) && d.link(prevFile, dst) != nil {
		d.unclaim(p)
		return false
	}
	o.Size, o.Mod = old.Size, old.Mod
	d.next.Set(p, o)
	return true
}

// alreadyThere reports whether the staging folder, reused, holds at dst
// the very file the output folder holds (info). dst's folder is made
// sure of first: through a link, dst could be the output's file itself.
func (d *Dir) alreadyThere(dst string, info fs.FileInfo) bool {
	if !d.reused || d.folder(filepath.Dir(dst)) != nil {
		return false
	}
	there, err := os.Lstat(dst)
	return err == nil && os.SameFile(there, info)
}

// link links the file src as dst of the staging folder.
func (d *Dir) link(src, dst string) error {
	return d.place(dst, func() error { return os.Link(src, dst) })
}

// WriteFrom stores one generated file and records what it was made from
// (o's size and time are those of the file written).
func (d *Dir) WriteFrom(p string, data []byte, o cache.Output) error {
	size, mod, err := d.write(p, data)
	if err != nil {
		return err
	}
	if d.next != nil {
		o.Size, o.Mod = size, mod
		d.next.Set(p, o)
	}
	return nil
}

// record notes the file at p, as written, in the next manifest.
func (d *Dir) record(p string, o cache.Output) {
	if d.next == nil {
		return
	}
	if info, err := os.Lstat(filepath.Join(d.staging, filepath.FromSlash(p))); err == nil {
		o.Size, o.Mod = info.Size(), info.ModTime().UnixNano()
		d.next.Set(p, o)
	}
}

func (d *Dir) unclaim(p string) {
	d.mu.Lock()
	delete(d.written, p)
	d.mu.Unlock()
}

// Copy stores the file src of fsys as p. With KeepUnchanged, a file whose
// size and time are those of the previous build's copy is linked instead.
func (d *Dir) Copy(p string, fsys fs.FS, src string) error {
	var source cache.Key
	if d.prev != nil {
		if info, err := fs.Stat(fsys, src); err == nil {
			source = cache.NewHasher("copy").String(src).String(info.ModTime().String()).String(strconv.FormatInt(info.Size(), 10)).Key()
			if d.Reuse(p, cache.Output{Source: source}) {
				return nil
			}
		}
	}
	if err := d.copy(p, fsys, src); err != nil {
		return err
	}
	if d.prev != nil {
		d.record(p, cache.Output{Source: source})
	}
	return nil
}

func (d *Dir) copy(p string, fsys fs.FS, src string) error {
	dst, err := d.claim(p, src)
	if err != nil {
		return err
	}
	in, err := fsys.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	var out *os.File
	err = d.place(dst, func() (err error) {
		out, err = os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|noFollow, 0o644)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// mkdir makes the folder dir of the staging folder, and its parents when
// they are missing: one call when the parent is there, where
// os.MkdirAll would first ask about dir and each of its parents. A reused
// staging folder is walked instead (see folder).
func (d *Dir) mkdir(dir string) error {
	if d.reused {
		return d.folder(dir)
	}
	if dir == d.staging {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// A parent is missing.
		if err = d.mkdir(filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// folder makes sure that dir, in the reused staging folder, is a folder,
// and so is every folder between it and the staging folder: the spare may
// hold anything, and a symbolic link where a folder goes would lead the
// build's writes (and removals) out of the staging folder. Each is looked
// at without following links, parents first, and what is not a folder is
// removed, never followed, and a folder made in its place. The folders
// found so are remembered: the build alone writes into the staging folder.
func (d *Dir) folder(dir string) error {
	if dir == d.staging {
		return nil
	}
	if _, ok := d.folders.Load(dir); ok {
		return nil
	}
	if err := d.folder(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := replaceWithFolder(dir); err != nil {
		return err
	}
	d.folders.Store(dir, true)
	return nil
}

// replaceWithFolder makes sure dir is a folder, removing what else it is
// (a link is removed, not followed). dir's parent must be a folder.
func replaceWithFolder(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		if err := removeAny(dir); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	err = os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrExist) { // made meanwhile by another writer of this build
		if info, lerr := os.Lstat(dir); lerr == nil && info.IsDir() {
			return nil
		}
	}
	return err
}

// Commit swaps the staging folder in as the output folder and deletes the
// previous output, or keeps it as the spare; then it releases the lock.
func (d *Dir) Commit() error {
	defer d.lock.release()
	if d.reused {
		if err := d.removeUnwritten(); err != nil {
			return fmt.Errorf("prepare %s: %w", d.final, err)
		}
	}
	d.removeUnusedPremade()
	old, err := swap(d.staging, d.final, stagingPrefix(d.final))
	if err != nil {
		d.Abort()
		return fmt.Errorf("replace %s: %w", d.final, err)
	}
	var errs []error
	if d.next != nil {
		errs = append(errs, d.next.Write(d.manifestFile))
	}
	if old != "" {
		errs = append(errs, d.retire(old))
	}
	return errors.Join(errs...)
}

// retire keeps the previous output folder old as the spare, or deletes it.
func (d *Dir) retire(old string) error {
	if d.spare != "" && os.Rename(old, d.spare) == nil {
		return nil
	}
	return removeTree(old)
}

// removeUnwritten removes from the reused staging folder every file this
// build did not write or keep, and the folders left empty: those the
// inventory of the spare lists, or, should it have failed, those a walk
// of the folder finds.
func (d *Dir) removeUnwritten() error {
	inv := d.contents.wait()
	d.mu.Lock()
	defer d.mu.Unlock()
	if inv.err != nil {
		_, err := d.prune(d.staging, "")
		return err
	}
	holding := d.holding()
	for _, f := range inv.files {
		if _, ok := d.written[f]; ok || holding[f] {
			continue
		}
		err := os.Remove(filepath.Join(d.staging, filepath.FromSlash(f)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			return err
		}
	}
	for i := len(inv.dirs) - 1; i >= 0; i-- { // inner folders first
		if _, ok := d.written[inv.dirs[i]]; !ok && !holding[inv.dirs[i]] {
			_ = syscall.Rmdir(filepath.Join(d.staging, filepath.FromSlash(inv.dirs[i])))
		}
	}
	return nil
}

// holding returns the folders that hold an output, as slash-separated
// paths relative to the staging folder. d.mu must be held.
func (d *Dir) holding() map[string]bool {
	holding := map[string]bool{}
	for p := range d.written {
		for dir := path.Dir(p); dir != "." && !holding[dir]; dir = path.Dir(dir) {
			holding[dir] = true
		}
	}
	return holding
}

// removeUnusedPremade waits for the folders being made ahead, and removes
// those no output of this build went into, inner folders first.
func (d *Dir) removeUnusedPremade() {
	made := d.premade.wait()
	if len(made) == 0 {
		return
	}
	d.mu.Lock()
	holding := d.holding()
	d.mu.Unlock()
	for i := len(made) - 1; i >= 0; i-- {
		if !holding[made[i]] {
			_ = syscall.Rmdir(filepath.Join(d.staging, filepath.FromSlash(made[i])))
		}
	}
}

// inventory is what a folder held when a build began writing into it:
// its files (and links and the like) and its folders, parents before
// their children, as slash-separated paths relative to it.
type inventory struct {
	done  chan struct{}
	files []string
	dirs  []string
	err   error
}

// takeInventory lists dir in the background. A folder that goes away
// meanwhile (the build replaced it) is skipped: what it held went with
// it.
func takeInventory(dir string) *inventory {
	inv := &inventory{done: make(chan struct{})}
	go func() {
		defer close(inv.done)
		inv.err = inv.list(dir, "")
	}()
	return inv
}

func (inv *inventory) list(dir, rel string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(rel, e.Name())
		if !e.IsDir() {
			inv.files = append(inv.files, name)
			continue
		}
		inv.dirs = append(inv.dirs, name)
		if err := inv.list(filepath.Join(dir, e.Name()), name); err != nil {
			return err
		}
	}
	return nil
}

// wait returns the inventory once it is taken.
func (inv *inventory) wait() *inventory {
	<-inv.done
	return inv
}

// prune removes what is not in d.written under dir (rel is its path in
// the output) and reports whether dir is left empty.
func (d *Dir) prune(dir, rel string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	left := len(entries)
	for _, e := range entries {
		p, name := filepath.Join(dir, e.Name()), path.Join(rel, e.Name())
		gone := false
		if e.IsDir() {
			empty, err := d.prune(p, name)
			if err != nil {
				return false, err
			}
			gone = empty && os.Remove(p) == nil
		} else if _, ok := d.written[name]; !ok {
			if err := os.Remove(p); err != nil {
				return false, err
			}
			gone = true
		}
		if gone {
			left--
		}
	}
	return left == 0, nil
}

// removeTree removes the folder dir and everything in it, its top-level
// entries in parallel: a site's output is many small folders.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	next := make(chan string)
	errs := make([]error, 4*runtime.GOMAXPROCS(0))
	for w := range errs {
		wg.Go(func() {
			for p := range next {
				errs[w] = errors.Join(errs[w], os.RemoveAll(p))
			}
		})
	}
	for _, e := range entries {
		next <- filepath.Join(dir, e.Name())
	}
	close(next)
	wg.Wait()
	return errors.Join(append(errs, os.RemoveAll(dir))...)
}

// Abort deletes the staging folder, or puts the spare it reused back for
// the next build, and releases the lock; the output folder stays as it
// was.
func (d *Dir) Abort() error {
	defer d.lock.release()
	d.premade.wait()
	if d.reused && os.Rename(d.staging, d.spare) == nil {
		return nil
	}
	return os.RemoveAll(d.staging)
}

// Files lists what was written, sorted, for tests and summaries.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.written)
}

// swap puts staging in place of final. It returns the folder now holding
// the previous output, to be deleted, or "" when there was none.
func swap(staging, final, prefix string) (string, error) {
	info, err := os.Lstat(final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", os.Rename(staging, final)
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("%s exists and is not a folder", final)
	}
	if exchange(staging, final) == nil {
		return staging, nil
	}
	retired := filepath.Join(filepath.Dir(final), prefix+"old-"+filepath.Base(staging))
	if err := os.Rename(final, retired); err != nil {
		return "", err
	}
	if err := os.Rename(staging, final); err != nil {
		os.Rename(retired, final)
		return "", err
	}
	return retired, nil
}

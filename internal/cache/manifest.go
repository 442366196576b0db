package cache

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Manifest records every output of one build: the key of what it was made
// from and the size and modification time of the file it became. It is
// safe for concurrent use.
type Manifest struct {
	mu      sync.Mutex
	entries map[string]Output
}

// Output is one output file in a manifest.
type Output struct {
	Source Key   // the fingerprint of the unminified bytes (NewOutputHasher), or the hash of the copied file
	Size   int64 // of the written file
	Mod    int64 // modification time of the written file, in nanoseconds
	// Inputs is the hash of everything the output was made from, when
	// that is known before making it (else zero): the site apart from the
	// bodies of posts, and the bodies of the posts named by Deps (their
	// indexes in the site's list of posts).
	Inputs Key
	Deps   []int
}

// NewManifest returns an empty manifest.
func NewManifest() *Manifest { return &Manifest{entries: map[string]Output{}} }

// Get returns the entry of an output path.
func (m *Manifest) Get(path string) (Output, bool) {
	if m == nil {
		return Output{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.entries[path]
	return o, ok
}

// Set records an output path.
func (m *Manifest) Set(path string, o Output) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries[path] = o
}

// Len returns the number of outputs recorded.
func (m *Manifest) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
}

// Folders returns the folders the outputs are in, and their parents, as
// slash-separated paths, each before the folders it holds. Paths that are
// not clean and relative, which only a damaged manifest holds, are left
// out.
func (m *Manifest) Folders() []string {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	seen := map[string]bool{}
	for p := range m.entries {
		if clean := path.Clean("/" + p)[1:]; clean == "" || clean != p {
			continue
		}
		for dir := path.Dir(p); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
		}
	}
	m.mu.Unlock()
	return slices.Sorted(maps.Keys(seen))
}

// manifestHeader starts every manifest file.
const manifestHeader = version + " manifest 2\n"

// ReadManifest reads a manifest file; a missing or damaged one is an empty
// manifest.
func ReadManifest(file string) *Manifest {
	m := NewManifest()
	f, err := os.Open(file)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	if !sc.Scan() || sc.Text()+"\n" != manifestHeader {
		return m
	}
	for sc.Scan() {
		path, o, ok := parseLine(sc.Text())
		if !ok {
			return NewManifest()
		}
		m.entries[path] = o
	}
	if sc.Err() != nil {
		return NewManifest()
	}
	return m
}

// parseLine reads "source size mod inputs deps path"; deps are indexes
// joined by commas, or "-".
func parseLine(line string) (string, Output, bool) {
	f := strings.SplitN(line, " ", 6)
	if len(f) != 6 {
		return "", Output{}, false
	}
	var o Output
	n, err := hex.Decode(o.Source[:], []byte(f[0]))
	size, err1 := strconv.ParseInt(f[1], 10, 64)
	mod, err2 := strconv.ParseInt(f[2], 10, 64)
	m, err3 := hex.Decode(o.Inputs[:], []byte(f[3]))
	deps, ok := parseDeps(f[4])
	if err != nil || err1 != nil || err2 != nil || err3 != nil || !ok || n != len(o.Source) || m != len(o.Inputs) {
		return "", Output{}, false
	}
	o.Size, o.Mod, o.Deps = size, mod, deps
	return f[5], o, true
}

func parseDeps(s string) ([]int, bool) {
	if s == "-" {
		return nil, true
	}
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		i, err := strconv.Atoi(f)
		if err != nil || i < 0 {
			return nil, false
		}
		out = append(out, i)
	}
	return out, true
}

func formatDeps(deps []int) string {
	if len(deps) == 0 {
		return "-"
	}
	b := make([]byte, 0, 8*len(deps))
	for i, d := range deps {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(d), 10)
	}
	return string(b)
}

// Write saves the manifest atomically, sorted by path.
func (m *Manifest) Write(file string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	paths := make([]string, 0, len(m.entries))
	for p := range m.entries {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return WriteAtomic(file, func(w io.Writer) error {
		if _, err := io.WriteString(w, manifestHeader); err != nil {
			return err
		}
		for _, p := range paths {
			o := m.entries[p]
			if _, err := fmt.Fprintf(w, "%s %d %d %s %s %s\n", o.Source, o.Size, o.Mod, o.Inputs, formatDeps(o.Deps), p); err != nil {
				return err
			}
		}
		return nil
	})
}

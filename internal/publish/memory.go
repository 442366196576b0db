package publish

import (
	"io/fs"
	"maps"
	"sync"
)

// Memory keeps a build's outputs in memory, for the preview server. It is
// safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Write stores one generated file.
func (m *Memory) Write(p string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = data
	return nil
}

// Copy reads the file src of fsys into memory as p.
func (m *Memory) Copy(p string, fsys fs.FS, src string) error {
	b, err := fs.ReadFile(fsys, src)
	if err != nil {
		return err
	}
	return m.Write(p, b)
}

// Get returns the file at p.
func (m *Memory) Get(p string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[p]
	return b, ok
}

// Snapshot returns a copy of the file table.
func (m *Memory) Snapshot() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.files)
}

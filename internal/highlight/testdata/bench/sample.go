// Package cache keeps rendered pages between builds.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ErrMiss is returned by Get when the key is not cached.
var ErrMiss = errors.New("cache: miss")

// Cache is a directory of files named by the hash of their key.
type Cache struct {
	dir string
	mu  sync.Mutex
	// hits and misses count lookups since Open.
	hits, misses int64
	maxAge       time.Duration
}

// Open returns the cache in dir, creating the directory if needed.
func Open(dir string, maxAge time.Duration) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: open %s: %w", dir, err)
	}
	return &Cache{dir: dir, maxAge: maxAge}, nil
}

func (c *Cache) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	name := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, name[:2], name[2:])
}

// Get returns the value stored under key, or ErrMiss.
func (c *Cache) Get(key string) ([]byte, error) {
	p := c.path(key)
	info, err := os.Stat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		c.count(false)
		return nil, ErrMiss
	case err != nil:
		return nil, err
	case c.maxAge > 0 && time.Since(info.ModTime()) > c.maxAge:
		c.count(false)
		return nil, ErrMiss
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("cache: read %q: %w", key, err)
	}
	c.count(true)
	return data, nil
}

// Put stores value under key, replacing what was there.
func (c *Cache) Put(key string, value []byte) error {
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, value, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

func (c *Cache) count(hit bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if hit {
		c.hits++
	} else {
		c.misses++
	}
}

// Stats returns the hit ratio, between 0 and 1.
func (c *Cache) Stats() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	total := c.hits + c.misses
	if total == 0 {
		return 0
	}
	return float64(c.hits) / float64(total)
}

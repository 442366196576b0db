package intake

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blogen/blogen/internal/content"
)

// idTime is the time part of an id: UTC, to the millisecond, so that ids
// sort by time as strings.
const idTime = "20060102-150405.000"

// newID returns a comment id: the time, then 16 hex digits that are
// random, or, when the reader's script sent an idempotency key, derived
// from it and the post, so that a retry finds the comment it already
// sent. Ids are unique across processes and sort by time:
// "20260102-150405-123-9f86d081884c7d65".
func newID(now time.Time, post, key string) string {
	return strings.Replace(now.UTC().Format(idTime), ".", "-", 1) + "-" + idTail(post, key)
}

// idTail is the part of an id after the time.
func idTail(post, key string) string {
	var b [8]byte
	if key == "" {
		_, _ = rand.Read(b[:])
		return hex.EncodeToString(b[:])
	}
	sum := sha256.Sum256([]byte("blogen-intake\x00" + post + "\x00" + key))
	return hex.EncodeToString(sum[:8])
}

// findKeyed returns the id of the comment on post that a key made, if any.
func findKeyed(siteDir, post, key string) (string, bool) {
	entries, err := os.ReadDir(filepath.Join(siteDir, filepath.FromSlash(content.CommentsDir), post))
	if err != nil {
		return "", false
	}
	suffix := "-" + idTail(post, key) + ".md"
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, suffix) && !strings.HasPrefix(name, ".") {
			return strings.TrimSuffix(name, ".md"), true
		}
	}
	return "", false
}

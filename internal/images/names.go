package images

import (
	"path"
	"strings"
)

// IsRaster reports whether a file name has the extension of a format
// Probe reads (.jpg, .jpeg, .png, .gif, .webp, in any case).
func IsRaster(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		return true
	}
	return false
}

// Version names the way this package draws and encodes, in every cache
// key of its results: change it when a copy or a card would come out
// different for the same input.
const Version = "images/3"

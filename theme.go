// Package blogen holds the built-in theme of blogen, embedded in the binary.
//
// The repository root is also blogen's demo blog: its layouts/ folder and
// static/theme/ folder are the built-in theme that every site gets unless
// it overrides a file by placing one of the same name in its own layouts/
// or static/.
package blogen

import "embed"

// Theme is the built-in theme: layouts/ and static/theme/.
//
//go:embed layouts static/theme
var Theme embed.FS

package zola

import (
	"github.com/blogen/blogen/internal/importer/ssg"
)

// frontMatter is what the importer reads of a page's front matter.
type frontMatter struct {
	Slug     string `toml:"slug" yaml:"slug"`
	Path     string `toml:"path" yaml:"path"`
	Date     any    `toml:"date" yaml:"date"`
	Draft    bool   `toml:"draft" yaml:"draft"`
	Title    string `toml:"title" yaml:"title"`
	Template string `toml:"template" yaml:"template"`
}

// readFrontMatter decodes a page's front matter.
func readFrontMatter(data []byte) frontMatter {
	var fm frontMatter
	ssg.DecodeFrontMatter(data, &fm)
	return fm
}

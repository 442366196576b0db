package zola

import (
	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

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

// readFrontMatter decodes TOML (+++) or YAML (---) front matter; what it
// cannot read is left to the build to report.
func readFrontMatter(data []byte) frontMatter {
	var fm frontMatter
	switch format, block, _ := ssg.SplitFrontMatter(data); format {
	case "toml":
		_, _ = toml.Decode(string(block), &fm)
	case "yaml":
		_ = yaml.Unmarshal(block, &fm)
	}
	return fm
}

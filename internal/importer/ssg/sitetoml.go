package ssg

import (
	"bytes"
	"fmt"

	"github.com/BurntSushi/toml"
)

// siteFile is the site.toml an import writes, keys in this order.
type siteFile struct {
	Title       string      `toml:"title"`
	Description string      `toml:"description,omitempty"`
	BaseURL     string      `toml:"base_url,omitempty"`
	Language    string      `toml:"language,omitempty"`
	Permalinks  permalinks  `toml:"permalinks"`
	Pagination  *pagination `toml:"pagination,omitempty"`
	Social      social      `toml:"social"`
}

type permalinks struct {
	Post string `toml:"post"`
	Page string `toml:"page"`
}

type pagination struct {
	PerPage int `toml:"per_page"`
}

// social keeps @mentions and #hashtags off: the old site did not link
// them, and its text was not written for it.
type social struct {
	Mentions bool `toml:"mentions"`
}

// siteTOML writes the site.toml of an imported site.
func siteTOML(c Config, post, page string) ([]byte, error) {
	f := siteFile{Title: c.Title, Description: c.Description, BaseURL: c.BaseURL, Language: c.Language,
		Permalinks: permalinks{post, page}}
	if c.PerPage > 0 {
		f.Pagination = &pagination{c.PerPage}
	}
	var buf bytes.Buffer
	buf.WriteString("# Written by blogen import from a site of another generator.\n")
	if err := toml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, fmt.Errorf("writing site.toml: %w", err)
	}
	return buf.Bytes(), nil
}

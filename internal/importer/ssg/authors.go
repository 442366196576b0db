package ssg

import (
	"fmt"
	"maps"
	"path"
	"slices"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// maxData caps the size of a data file that is read.
const maxData = 1 << 20

// dataAuthor is one author of an authors data file (Jekyll's
// _data/authors.yml, a Hugo theme's data/authors.toml), with the keys
// themes use.
type dataAuthor struct {
	Name        string `yaml:"name" toml:"name"`
	DisplayName string `yaml:"display_name" toml:"display_name"`
	Bio         string `yaml:"bio" toml:"bio"`
	Avatar      string `yaml:"avatar" toml:"avatar"`
	Picture     string `yaml:"picture" toml:"picture"`
	Twitter     string `yaml:"twitter" toml:"twitter"`
	LinkedIn    string `yaml:"linkedin" toml:"linkedin"`
	URL         string `yaml:"url" toml:"url"`
	Web         string `yaml:"web" toml:"web"`
	Role        string `yaml:"role" toml:"role"`
}

// ParseAuthors decodes an authors data file, YAML or (for a name ending
// in .toml) TOML: a map from each author's id to their details.
func ParseAuthors(name string, b []byte) ([]Author, error) {
	if len(b) > maxData {
		return nil, fmt.Errorf("%s:1: %d bytes is more than an authors file holds; check that it is the right file", name, len(b))
	}
	var m map[string]dataAuthor
	if err := DecodeByName(name, b, &m); err != nil {
		return nil, fmt.Errorf("%s:1: %s; write one entry per author id with name, bio, twitter", name, err)
	}
	var out []Author
	var ids sitewriter.Names
	for _, key := range slices.Sorted(maps.Keys(m)) {
		a := m[key]
		id := sitewriter.Slug(key)
		if id == "" {
			continue
		}
		out = append(out, Author{From: name, ID: ids.Claim(id), Meta: a.meta(key), Bio: a.Bio})
	}
	return out, nil
}

// meta is the front matter of the author's file.
func (a dataAuthor) meta(key string) sitewriter.Author {
	m := sitewriter.Author{Name: firstOf(a.Name, a.DisplayName, key), Role: a.Role, Avatar: firstOf(a.Avatar, a.Picture)}
	links := sitewriter.Links{LinkedIn: a.LinkedIn, Website: firstOf(a.URL, a.Web)}
	if a.Twitter != "" {
		links.X = "https://x.com/" + trimAt(a.Twitter)
	}
	if links != (sitewriter.Links{}) {
		m.Links = &links
	}
	return m
}

func trimAt(s string) string {
	if len(s) > 0 && s[0] == '@' {
		return s[1:]
	}
	return s
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// DecodeByName decodes a configuration or data file into v: TOML for a
// name ending in .toml, YAML (and so JSON) otherwise.
func DecodeByName(name string, b []byte, v any) error {
	if path.Ext(name) == ".toml" {
		_, err := toml.Decode(string(b), v)
		return err
	}
	return yaml.Unmarshal(b, v)
}

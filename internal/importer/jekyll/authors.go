package jekyll

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/importer/sitewriter"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// dataAuthor is one author of _data/authors.yml, with the keys themes and
// jekyll-seo-tag use.
type dataAuthor struct {
	Name        string `yaml:"name"`
	DisplayName string `yaml:"display_name"`
	Bio         string `yaml:"bio"`
	Avatar      string `yaml:"avatar"`
	Picture     string `yaml:"picture"`
	Twitter     string `yaml:"twitter"`
	LinkedIn    string `yaml:"linkedin"`
	URL         string `yaml:"url"`
	Web         string `yaml:"web"`
	Role        string `yaml:"role"`
}

// authors reads _data/authors.yml, if the site has one.
func (r *reader) authors() error {
	for _, name := range []string{"_data/authors.yml", "_data/authors.yaml"} {
		b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		authors, err := parseAuthors(name, b)
		if err != nil {
			return err
		}
		r.src.Authors = authors
		return nil
	}
	return nil
}

// parseAuthors decodes an authors data file: a map from each author's id
// to their details.
func parseAuthors(name string, b []byte) ([]ssg.Author, error) {
	if len(b) > maxConfig {
		return nil, fmt.Errorf("%s:1: %d bytes is more than an authors file holds; check that it is the right file", name, len(b))
	}
	var m map[string]dataAuthor
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s:%d: %s; write one entry per author id with name, bio, twitter", name, yamlLine(err), err)
	}
	var out []ssg.Author
	var ids sitewriter.Names
	for _, key := range slices.Sorted(maps.Keys(m)) {
		a := m[key]
		id := sitewriter.Slug(key)
		if id == "" {
			continue
		}
		out = append(out, ssg.Author{From: name, ID: ids.Claim(id), Meta: a.meta(key), Bio: a.Bio})
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

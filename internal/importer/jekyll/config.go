package jekyll

import (
	"errors"
	"fmt"

	"github.com/blogen/blogen/internal/importer/ssg"
	"gopkg.in/yaml.v3"
)

// maxConfig caps the size of _config.yml that is read.
const maxConfig = 1 << 20

// siteConfig is what the importer reads of _config.yml.
type siteConfig struct {
	file         string
	Title        string   `yaml:"title"`
	Description  string   `yaml:"description"`
	URL          string   `yaml:"url"`
	BaseURL      string   `yaml:"baseurl"`
	Lang         string   `yaml:"lang"`
	Permalink    string   `yaml:"permalink"`
	Timezone     string   `yaml:"timezone"`
	Paginate     int      `yaml:"paginate"`
	PaginatePath string   `yaml:"paginate_path"`
	Exclude      []string `yaml:"exclude"`
	Include      []string `yaml:"include"`
	Defaults     []any    `yaml:"defaults"`
	Collections  any      `yaml:"collections"`
}

// readConfig reads DIR/_config.yml (or _config.yaml); a site without one
// has Jekyll's defaults.
func readConfig(dir string) (*siteConfig, error) {
	name, b, err := ssg.ReadFirst(dir, "_config.yml", "_config.yaml")
	if err != nil || name == "" {
		return &siteConfig{Permalink: "date"}, err
	}
	return parseConfig(name, b)
}

// parseConfig decodes the text of a _config.yml.
func parseConfig(name string, b []byte) (*siteConfig, error) {
	if len(b) > maxConfig {
		return nil, fmt.Errorf("%s:1: %d bytes is more than a site configuration holds; check that it is the right file", name, len(b))
	}
	c := &siteConfig{file: name}
	if err := yaml.Unmarshal(b, c); err != nil {
		return nil, fmt.Errorf("%s:%d: %s; fix the file so that Jekyll reads it too", name, yamlLine(err), err)
	}
	if p := postsPermalink(c.Collections); p != "" {
		c.Permalink = p
	}
	if c.Permalink == "" {
		c.Permalink = "date"
	}
	return c, nil
}

// yamlLine is the line a yaml.v3 error names, or 1.
func yamlLine(err error) int {
	var line int
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		if _, e := fmt.Sscanf(te.Errors[0], "line %d:", &line); e == nil {
			return line
		}
	}
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); e == nil {
		return line
	}
	return 1
}

// postsPermalink is the permalink that collections.posts sets, which
// takes the place of the site's for posts.
func postsPermalink(collections any) string {
	m, _ := collections.(map[string]any)
	posts, _ := m["posts"].(map[string]any)
	p, _ := posts["permalink"].(string)
	return p
}

package zola

import (
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
	"github.com/blogen/blogen/internal/importer/ssg"
)

// maxConfig caps the size of config.toml that is read.
const maxConfig = 1 << 20

// siteConfig is what the importer reads of config.toml.
type siteConfig struct {
	file            string
	BaseURL         string `toml:"base_url"`
	Title           string `toml:"title"`
	Description     string `toml:"description"`
	DefaultLanguage string `toml:"default_language"`
	Taxonomies      []struct {
		Name string `toml:"name"`
	} `toml:"taxonomies"`
	Slugify struct {
		Paths          string `toml:"paths"`
		PathsKeepDates bool   `toml:"paths_keep_dates"`
	} `toml:"slugify"`
	Languages map[string]any `toml:"languages"`
}

// readConfig reads DIR/zola.toml or DIR/config.toml.
func readConfig(dir string) (*siteConfig, error) {
	name, b, err := ssg.ReadFirst(dir, "zola.toml", "config.toml")
	if err != nil {
		return nil, err
	}
	if name != "" {
		return parseConfig(name, b)
	}
	return nil, fmt.Errorf("%s: no config.toml or zola.toml; give the folder of a Zola site", dir)
}

// parseConfig decodes the text of a config.toml.
func parseConfig(name string, b []byte) (*siteConfig, error) {
	if len(b) > maxConfig {
		return nil, fmt.Errorf("%s:1: %d bytes is more than a site configuration holds; check that it is the right file", name, len(b))
	}
	c := &siteConfig{file: name}
	if _, err := toml.Decode(string(b), c); err != nil {
		line := 1
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line
		}
		return nil, fmt.Errorf("%s:%d: %v; fix the file so that Zola reads it too", name, line, err)
	}
	if c.Slugify.Paths == "" {
		c.Slugify.Paths = "on"
	}
	return c, nil
}

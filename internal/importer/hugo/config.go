package hugo

import (
	"fmt"
	"strings"

	"github.com/blogen/blogen/internal/importer/ssg"
)

// maxConfig caps the size of a configuration file that is read.
const maxConfig = 1 << 20

// siteConfig is what the importer reads of hugo.toml (or config.toml,
// or their YAML forms). Hugo's keys are not case-sensitive.
type siteConfig struct {
	file             string
	BaseURL          string
	Title            string
	Description      string
	Language         string
	TimeZone         string
	PerPage          int
	UglyURLs         bool
	KeepCase         bool              // disablePathToLower
	Permalinks       map[string]string // section -> pattern, for pages
	MainSections     []string
	Taxonomies       map[string]string
	DefaultPermalink string
}

// configNames are the files Hugo reads its configuration from, in order.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml", "config/_default/hugo.toml", "config/_default/config.toml", "config/_default/hugo.yaml", "config/_default/config.yaml"}

// readConfig reads the first configuration file of dir.
func readConfig(dir string) (*siteConfig, error) {
	name, b, err := ssg.ReadFirst(dir, configNames...)
	if err != nil {
		return nil, err
	}
	if name != "" {
		return parseConfig(name, b)
	}
	return nil, fmt.Errorf("%s: no hugo.toml, config.toml or hugo.yaml; give the folder of a Hugo site", dir)
}

// parseConfig decodes a configuration file, TOML or YAML by its name.
func parseConfig(name string, b []byte) (*siteConfig, error) {
	if len(b) > maxConfig {
		return nil, fmt.Errorf("%s:1: %d bytes is more than a site configuration holds; check that it is the right file", name, len(b))
	}
	var m map[string]any
	if err := ssg.DecodeByName(name, b, &m); err != nil {
		return nil, fmt.Errorf("%s:1: %v; fix the file so that Hugo reads it too", name, err)
	}
	return fromMap(name, lower(m)), nil
}

// lower returns m with its keys lower-cased, at every level.
func lower(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lower(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// fromMap picks the settings out of a decoded configuration.
func fromMap(name string, m map[string]any) *siteConfig {
	params, _ := m["params"].(map[string]any)
	c := &siteConfig{file: name, BaseURL: str(m["baseurl"]), Title: str(m["title"]),
		Description: str(params["description"]), Language: str(m["languagecode"]), TimeZone: str(m["timezone"]),
		UglyURLs: m["uglyurls"] == true, KeepCase: m["disablepathtolower"] == true}
	if c.Language == "" {
		c.Language = str(m["defaultcontentlanguage"])
	}
	c.PerPage = number(m["paginate"])
	if p, ok := m["pagination"].(map[string]any); ok {
		c.PerPage = number(p["pagersize"])
	}
	c.Permalinks = permalinks(m["permalinks"])
	c.MainSections = strings.Fields(strings.Trim(fmt.Sprint(params["mainsections"]), "[]"))
	if params["mainsections"] == nil {
		c.MainSections = nil
	}
	if t, ok := m["taxonomies"].(map[string]any); ok {
		c.Taxonomies = map[string]string{}
		for k, v := range t {
			c.Taxonomies[k] = str(v)
		}
	}
	return c
}

// permalinks reads [permalinks]: section = pattern, or the newer
// [permalinks.page] table of them.
func permalinks(v any) map[string]string {
	m, _ := v.(map[string]any)
	if page, ok := m["page"].(map[string]any); ok {
		m = page
	}
	out := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func number(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

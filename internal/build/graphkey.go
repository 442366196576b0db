package build

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/blogen/blogen/internal/cache"
	"github.com/blogen/blogen/internal/config"
	"github.com/blogen/blogen/internal/content"
	"github.com/blogen/blogen/internal/layout"
	"github.com/blogen/blogen/internal/site"
)

// graphKey is the key of everything the outputs of a build are made from
// but the bodies of posts (render.Options.Graph): blogen itself, the
// build's options, site.toml, the templates, every content file but the
// bodies of posts, which posts the build publishes, and the hashed names
// of the theme's stylesheets and scripts. Two builds with
// the same key differ only where the body of a post differs. It is zero
// when something cannot be read, which keeps every output from being
// kept unmade.
func graphKey(opts Options, tmpl *layout.Templates, loaded *content.Site, graph *site.Site, markdownSettings string, assets Assets, images []cache.ImageStamp) cache.Key {
	exe, err := executableID()
	if err != nil {
		return cache.Key{}
	}
	cfg, err := os.ReadFile(filepath.Join(opts.SiteDir, config.FileName))
	if err != nil {
		return cache.Key{}
	}
	g := cache.Graph{Executable: exe, Config: cfg, Templates: tmpl.Sum(), MarkdownSettings: markdownSettings,
		BaseURL: opts.BaseURL, Drafts: opts.Drafts, Future: opts.Future, Assets: assets.lines(), Images: images}
	for _, p := range loaded.Posts {
		g.Files = append(g.Files, cache.File{Source: p.Source, Sum: p.Sum, Bundled: p.Files})
	}
	for _, p := range loaded.Pages {
		g.Files = append(g.Files, cache.File{Source: p.Source, Sum: p.Sum})
	}
	for _, a := range loaded.Authors {
		g.Files = append(g.Files, cache.File{Source: a.Source, Sum: a.Sum})
	}
	for _, c := range loaded.Comments {
		g.Files = append(g.Files, cache.File{Source: c.Source, Sum: c.Sum})
	}
	for _, p := range graph.Posts {
		g.Published = append(g.Published, p.Source)
	}
	return g.Key()
}

// executableID names the running blogen by the path, size and time of its
// file, so that a new blogen never keeps what an older one made. It is
// worked out once a process: the content cache and the graph key both ask.
func executableID() (string, error) {
	exeOnce.Do(func() { exeID, exeErr = statExecutable() })
	return exeID, exeErr
}

var (
	exeOnce sync.Once
	exeID   string
	exeErr  error
)

func statExecutable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	return exe + "\x00" + strconv.FormatInt(info.Size(), 10) + "\x00" + info.ModTime().String(), nil
}

package wordpress

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"html"
	"io"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/blogen/blogen/internal/importer/fetch"
	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// MediaSummary counts what Options.Media did.
type MediaSummary struct {
	Downloaded int   // files written into the site
	Bytes      int64 // their size
	Unchanged  int   // files the site had already, the same
	Kept       int   // files the site had, different, kept (their addresses stay remote)
	// Failed gives, by address, why a file could not be downloaded; its
	// address stays remote.
	Failed map[string]string
}

// String describes the media of an import in a few lines; "" when there
// were none.
func (m MediaSummary) String() string {
	if m.Downloaded+m.Unchanged+m.Kept+len(m.Failed) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "media: %d downloaded (%.1f MB), %d already in the site", m.Downloaded, float64(m.Bytes)/(1<<20), m.Unchanged)
	if m.Kept > 0 {
		fmt.Fprintf(&b, ", %d kept as the site has them (--force replaces them)", m.Kept)
	}
	b.WriteString("\n")
	if len(m.Failed) > 0 {
		fmt.Fprintf(&b, "media not downloaded, left at their addresses: %d\n", len(m.Failed))
		for _, u := range slices.Sorted(maps.Keys(m.Failed)) {
			fmt.Fprintf(&b, "  %s\n", m.Failed[u])
		}
	}
	return b.String()
}

// stager is where downloaded files go: *sitewriter.Writer.
type stager interface {
	Exists(rel string) bool
	StageFile(rel, src string) error
	Scratch(name string) (*os.File, error)
}

// localMedia brings the media of an export into the site: the first pass
// notes the addresses each post and page uses, the downloads run between
// the passes, and the second pass puts each file into the post's bundle
// (a file used by one post) or under static/media/ (one used by a page or
// by several items) and rewrites the addresses.
type localMedia struct {
	w     stager
	site  string
	force bool
	dl    *fetch.Downloader
	log   func(format string, args ...any)
	sum   *MediaSummary

	refs    map[int64]*itemRefs // by item id
	byKey   map[string]string   // attachment URL by urlKey
	uses    map[string]int      // items that use each canonical URL
	results map[string]fetch.Result
	static  map[string]string // canonical URL -> its path from the site root, once staged
	claimed map[string]bool   // staged paths, lower-cased
}

// itemRefs are the media a post or page uses, as found in the first pass.
type itemRefs struct {
	page      bool
	raw       []string // src and poster addresses, as written
	links     []string // href addresses, as written
	gallery   []int64  // attachment ids of its galleries
	children  bool     // a gallery of the post's own attachments
	thumbnail int64
	urls      []string // canonical addresses, after the first pass
}

func newLocalMedia(w stager, opts Options, sum *MediaSummary, log func(string, ...any)) *localMedia {
	create := func() (*os.File, error) { return w.Scratch("media-*") }
	sum.Failed = map[string]string{}
	return &localMedia{
		w: w, site: opts.SiteDir, force: opts.Force, dl: fetch.New(create, opts.Fetch), log: log, sum: sum,
		refs: map[int64]*itemRefs{}, byKey: map[string]string{}, uses: map[string]int{},
		static: map[string]string{}, claimed: map[string]bool{},
	}
}

// recorder is a mediaIndex for the first pass: it notes which attachments
// galleries ask for, before the attachments are all known.
type recorder struct {
	ids []int64
	own bool // asked for the post's own attachments
}

func (r *recorder) attachment(id int64) (attachment, bool) {
	r.ids = append(r.ids, id)
	return attachment{}, false
}

func (r *recorder) children(int64) []int64 {
	r.own = true
	return nil
}

var attrURLRE = regexp.MustCompile(`(?i)(\s(src|href|poster)\s*=\s*)("[^"]*"|'[^']*')`)

// note records, in the first pass, the media a post or page uses: the
// addresses in its HTML once its shortcodes are expanded, the attachments
// of its galleries and its featured image.
func (m *localMedia) note(it *item, page bool) {
	rec := &recorder{}
	ex := newExpander(rec, it.id, func(string) {})
	s := ex.embedLines(ex.htmlMedia(ex.expand(it.content)))
	r := &itemRefs{page: page, gallery: rec.ids, children: rec.own, thumbnail: number(strings.TrimSpace(it.meta["_thumbnail_id"]))}
	for _, h := range append([]string{s}, ex.blocks.list...) {
		for _, a := range attrURLRE.FindAllStringSubmatch(h, -1) {
			v := absolute(it.link, html.UnescapeString(strings.Trim(a[3], `"'`)))
			if strings.EqualFold(a[2], "href") {
				r.links = append(r.links, v)
			} else {
				r.raw = append(r.raw, v)
			}
		}
	}
	m.refs[it.id] = r
}

// urlKey is an address without its scheme, query and fragment, with its
// host lower-cased: http and https addresses of one file meet.
func urlKey(u *url.URL) string {
	return strings.ToLower(u.Host) + u.EscapedPath()
}

// parseWebURL parses an http, https or protocol-relative address.
func parseWebURL(raw string) (*url.URL, bool) {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "//") {
		raw = "https:" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// absolute reads an address of an item's HTML against the item's own
// address (its link), as a browser on the old site did, so that
// "/wp-content/uploads/x.jpg" and "x.jpg" are downloaded as full ones
// are. Full addresses, fragments and other schemes (mailto:, data:) are
// returned as they are, and so is everything when the item has no web
// address.
func absolute(base, raw string) string {
	if _, ok := parseWebURL(raw); ok || raw == "" || strings.HasPrefix(raw, "#") {
		return raw
	}
	b, ok := parseWebURL(base)
	if !ok {
		return raw
	}
	r, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || r.Scheme != "" || r.Host != "" {
		return raw
	}
	return b.ResolveReference(r).String()
}

var resizedRE = regexp.MustCompile(`-\d{1,5}x\d{1,5}(\.[A-Za-z0-9]{1,8})$`)

// canonical is the address to download for an address a post uses: the
// attachment it is, or whose resized copy (photo-300x200.jpg) it is, else
// the address itself; links count only when they are to an attachment or
// an upload. It reports false for what is not downloaded.
func (m *localMedia) canonical(raw string, link bool) (string, bool) {
	u, ok := parseWebURL(raw)
	if !ok {
		return "", false
	}
	key := urlKey(u)
	if a, ok := m.byKey[key]; ok {
		return a, true
	}
	if loc := resizedRE.FindStringSubmatchIndex(key); loc != nil {
		if a, ok := m.byKey[key[:loc[0]]+key[loc[2]:loc[3]]]; ok {
			return a, true
		}
	}
	if link && !strings.Contains(u.Path, "/wp-content/uploads/") {
		return "", false
	}
	if u.Fragment != "" {
		u.Fragment = ""
	}
	return u.String(), true
}

// download resolves what each item uses, now that every attachment is
// known, downloads all of it and stages the files used by pages or by
// several items under static/media/.
func (m *localMedia) download(ctx context.Context, media *media) error {
	for _, a := range media.byID {
		if u, ok := parseWebURL(a.url); ok {
			m.byKey[urlKey(u)] = a.url
		}
	}
	for id, r := range m.refs {
		seen := map[string]bool{}
		add := func(raw string, link bool) {
			if c, ok := m.canonical(raw, link); ok && !seen[c] {
				seen[c] = true
				r.urls = append(r.urls, c)
				m.uses[c]++
			}
		}
		ids := r.gallery
		if r.children {
			ids = append(ids, media.children(id)...)
		}
		if r.thumbnail != 0 {
			ids = append(ids, r.thumbnail)
		}
		for _, aid := range ids {
			if a, ok := media.attachment(aid); ok {
				add(a.url, false)
			}
		}
		for _, raw := range r.raw {
			add(raw, false)
		}
		for _, raw := range r.links {
			add(raw, true)
		}
		slices.Sort(r.urls)
	}
	m.results = m.dl.All(ctx, slices.Collect(maps.Keys(m.uses)))
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("downloading media: %w", err)
	}
	for _, u := range slices.Sorted(maps.Keys(m.results)) {
		if res := m.results[u]; res.Err != nil {
			m.sum.Failed[u] = res.Err.Error()
			m.log("media not downloaded, left at its address: %v", res.Err)
		}
	}
	shared := map[string]bool{}
	for _, r := range m.refs {
		for _, u := range r.urls {
			if r.page || m.uses[u] > 1 {
				shared[u] = true
			}
		}
	}
	for _, u := range slices.Sorted(maps.Keys(shared)) {
		if err := m.toStatic(u); err != nil {
			return err
		}
	}
	return nil
}

// toStatic stages the file of u under static/media/, once.
func (m *localMedia) toStatic(u string) error {
	res, ok := m.results[u]
	if _, done := m.static[u]; done || !ok || res.Err != nil {
		return nil
	}
	rel := m.claim("static/media/"+staticDir(u), u, res.Type)
	placed, err := m.place(rel, res)
	if placed {
		m.static[u] = strings.TrimPrefix(rel, "static")
	}
	return err
}

// localizer rewrites the addresses of one item to the files brought in.
type localizer struct {
	m     *localMedia
	base  string            // the item's own address, which relative ones are read against
	local map[string]string // canonical URL -> path from the page or the site root
}

// forItem stages the files only the post uses into its bundle folder
// (content/posts/<slug>/, or static/media/ when bundle is "") and returns
// what rewrites the item's addresses, and whether the post needs its
// bundle.
func (m *localMedia) forItem(it *item, bundle string) (*localizer, bool, error) {
	l := &localizer{m: m, base: it.link, local: map[string]string{}}
	r := m.refs[it.id]
	if r == nil {
		return l, false, nil
	}
	inBundle := false
	for _, u := range r.urls {
		res, ok := m.results[u]
		switch {
		case !ok || res.Err != nil:
			continue
		case r.page || m.uses[u] > 1: // staged under static/ by download, if it could be
		case bundle == "":
			if err := m.toStatic(u); err != nil {
				return nil, false, err
			}
		default:
			rel := m.claim(bundle, u, res.Type)
			placed, err := m.place(rel, res)
			if err != nil {
				return nil, false, err
			}
			if placed {
				l.local[u] = path.Base(rel)
				inBundle = true
			}
			continue
		}
		if p, ok := m.static[u]; ok {
			l.local[u] = p
		}
	}
	return l, inBundle, nil
}

// url returns the local address of raw, or raw.
func (l *localizer) url(raw string, link bool) string {
	if l == nil {
		return raw
	}
	if c, ok := l.m.canonical(absolute(l.base, raw), link); ok {
		if p, ok := l.local[c]; ok {
			return p
		}
	}
	return raw
}

var srcsetRE = regexp.MustCompile(`(?i)\s(?:srcset|sizes)\s*=\s*("[^"]*"|'[^']*')`)

// html rewrites the src, href and poster addresses of an HTML fragment
// and drops srcset and sizes, whose copies are remote (the build makes
// its own).
func (l *localizer) html(s string) string {
	if l == nil || len(l.local) == 0 {
		return s
	}
	s = srcsetRE.ReplaceAllString(s, "")
	return attrURLRE.ReplaceAllStringFunc(s, func(a string) string {
		m := attrURLRE.FindStringSubmatch(a)
		raw := html.UnescapeString(strings.Trim(m[3], `"'`))
		if local := l.url(raw, strings.EqualFold(m[2], "href")); local != raw {
			return m[1] + `"` + html.EscapeString(local) + `"`
		}
		return a
	})
}

// place stages the downloaded file as rel unless the site has it: the same
// file counts as in place; a different one is kept, and reported, without
// Force.
func (m *localMedia) place(rel string, res fetch.Result) (bool, error) {
	if m.w.Exists(rel) {
		if sameFile(filepath.Join(m.site, filepath.FromSlash(rel)), res.SHA256) {
			m.sum.Unchanged++
			return true, nil
		}
		if !m.force {
			m.sum.Kept++
			m.log("%s: kept the site's own file, which differs from %s; the address stays remote; --force replaces it", rel, res.URL)
			return false, nil
		}
	}
	if err := m.w.StageFile(rel, res.File); err != nil {
		return false, fmt.Errorf("%s: %w", res.URL, err)
	}
	m.sum.Downloaded++
	m.sum.Bytes += res.Size
	return true, nil
}

// sameFile reports whether the regular file p has the digest sum.
func sameFile(p string, sum [32]byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return bytes.Equal(h.Sum(nil), sum[:])
}

// claim returns a free path in dir for the file of u: its name made safe
// (a slug and an extension from a known list), with -2, -3, … on a clash.
// index.md is never handed out.
func (m *localMedia) claim(dir, u, mediaType string) string {
	m.claimed[strings.ToLower(dir+"/index.md")] = true
	stem, ext := safeName(u, mediaType)
	rel := dir + "/" + stem + ext
	for i := 2; m.claimed[strings.ToLower(rel)]; i++ {
		rel = fmt.Sprintf("%s/%s-%d%s", dir, stem, i, ext)
	}
	m.claimed[strings.ToLower(rel)] = true
	return rel
}

// fileTypes are the extensions files keep, and the extension of a file
// whose address has none, by media type.
var (
	fileExts = map[string]bool{
		".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true,
		".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".heic": true, ".mp4": true, ".m4v": true,
		".webm": true, ".ogv": true, ".mov": true, ".mp3": true, ".m4a": true, ".ogg": true, ".oga": true,
		".wav": true, ".flac": true, ".opus": true, ".pdf": true, ".zip": true, ".txt": true, ".csv": true,
		".vtt": true, ".srt": true, ".epub": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
		".ppt": true, ".pptx": true, ".odt": true, ".ods": true, ".odp": true,
	}
	typeExts = map[string]string{
		"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp", "image/avif": ".avif",
		"image/svg+xml": ".svg", "video/mp4": ".mp4", "video/webm": ".webm", "audio/mpeg": ".mp3", "audio/ogg": ".ogg",
		"audio/mp4": ".m4a", "application/pdf": ".pdf",
	}
)

// safeName is the name a downloaded file is given: the slug of the last
// segment of its address, and its extension when it is a known one, else
// the one of its media type, else .bin.
func safeName(raw, mediaType string) (string, string) {
	name := ""
	if u, err := url.Parse(raw); err == nil {
		name = path.Base(u.Path)
	}
	ext := strings.ToLower(path.Ext(name))
	stem := sitewriter.Slug(strings.TrimSuffix(name, path.Ext(name)))
	if stem == "" {
		stem = "file"
	}
	if !fileExts[ext] {
		ext = typeExts[mediaType]
		if ext == "" {
			ext = ".bin"
		}
	}
	return stem, ext
}

// staticDir is the folder under static/media/ of a shared file: the year
// and month of a WordPress upload (2013/06), else the host and folders of
// its address, each made a slug.
func staticDir(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "files"
	}
	dir := path.Dir(u.Path)
	parts := []string{u.Hostname()}
	if _, after, ok := strings.Cut(dir, "/wp-content/uploads"); ok {
		dir, parts = after, nil
	}
	parts = append(parts, strings.Split(dir, "/")...)
	for i := range parts {
		parts[i] = sitewriter.Slug(parts[i])
	}
	parts = slices.DeleteFunc(parts, func(s string) bool { return s == "" })
	if len(parts) == 0 {
		return "files"
	}
	return strings.Join(parts[:min(len(parts), 4)], "/")
}

// localize brings the files of a post (slug names it) or a page (slug is
// "") into the site, and returns what rewrites its addresses and whether
// the post is to be a bundle. A post becomes a bundle unless the site has
// it as a single file, content/posts/<slug>.md, already; its files then
// go under static/media/.
func (imp *importer) localize(it *item, slug string) (*localizer, bool, error) {
	if imp.files == nil {
		return nil, false, nil
	}
	bundle := ""
	if slug != "" && (imp.w.Exists("content/posts/"+slug+"/index.md") || !imp.w.Exists("content/posts/"+slug+".md")) {
		bundle = "content/posts/" + slug
	}
	return imp.files.forItem(it, bundle)
}

package build_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/images"
	"github.com/blogen/blogen/internal/images/imagetest"
	"github.com/blogen/blogen/internal/sitetest"
)

// imageSite is a site with a page bundle of a phone photo (EXIF
// orientation 6 and GPS tags), a transparent PNG, a GIF and a WebP, a
// photo in static/, an author with a PNG avatar, a post whose image is an
// SVG, a post without an image and one with a Japanese title.
const imageSite = `-- site.toml --
title = "Care notes"
base_url = "https://example.org/"
minify = false
[brand]
color = "#204060"
-- content/authors/ana.md --
---
name: Ana Ruiz
avatar: /images/ana.png
---
Ana.
-- content/posts/trip/index.md --
---
title: A trip to the coast
date: 2020-01-03
author: ana
image: photo.jpg
image_alt: The coast
image_focus: 0.5,0.3
---
Text.

![Clear](clear.png)

![A GIF](frame.gif "framed")

![WebP](pic.webp)

![Moving](moving.gif)

![Static](/images/static.jpg)

![Elsewhere](https://cdn.example.net/x.jpg)
-- content/posts/svg.md --
---
title: An SVG only
date: 2020-01-02
author: ana
image: /images/drawing.svg
---
Text.
-- content/posts/none.md --
---
title: Why listening comes before talking
date: 2020-01-01
author: ana
---
Text.
-- content/posts/ja.md --
---
title: 顧客サービス
date: 2019-12-31
author: ana
---
Text.
-- content/pages/about.md --
---
title: About us
---
![Our office](/images/static.jpg)
-- static/images/drawing.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>
`

// writeImageSite writes imageSite and its images.
func writeImageSite(t *testing.T) *sitetest.Site {
	t.Helper()
	s := sitetest.Write(t, imageSite)
	bundle := filepath.Join(s.Dir, "content/posts/trip")
	for name, data := range map[string][]byte{
		filepath.Join(bundle, "photo.jpg"):               imagetest.JPEGWithMetadata(t, imagetest.Turned(imagetest.Halves(1000, 2000)), 6),
		filepath.Join(bundle, "clear.png"):               imagetest.PNGWithMetadata(t, imagetest.Transparent(900, 600)),
		filepath.Join(bundle, "frame.gif"):               imagetest.GIFWithMetadata(t, imagetest.Halves(600, 400)),
		filepath.Join(bundle, "pic.webp"):                imagetest.WebPWithMetadata(t, imagetest.Halves(1000, 500)),
		filepath.Join(bundle, "moving.gif"):              imagetest.AnimatedGIF(t, imagetest.Halves(300, 200)),
		filepath.Join(s.Dir, "static/images/static.jpg"): imagetest.JPEGWithMetadata(t, imagetest.Halves(2000, 1500), 1),
		filepath.Join(s.Dir, "static/images/ana.png"):    imagetest.PNG(t, imagetest.Halves(300, 300)),
	} {
		sitetest.WriteFile(t, name, data)
	}
	return s
}

func buildImageSite(t *testing.T) *sitetest.Site {
	t.Helper()
	s := writeImageSite(t)
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	return s
}

// TestPicturesInPages checks the HTML of every kind of image a post
// shows: its size, copies, sizes and loading.
func TestPicturesInPages(t *testing.T) {
	skipImagesUnderRace(t)
	s := buildImageSite(t)
	page := s.File("2020/01/trip/index.html")
	tests := []struct{ name, want string }{
		{"hero", `<source type="image/webp" srcset="/2020/01/trip/photo-480w.webp 480w, /2020/01/trip/photo-800w.webp 800w, /2020/01/trip/photo-1000w.webp 1000w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)"><img src="/2020/01/trip/photo-1000w.jpg" srcset="/2020/01/trip/photo-480w.jpg 480w, /2020/01/trip/photo-800w.jpg 800w, /2020/01/trip/photo-1000w.jpg 1000w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="1000" height="2000" alt="The coast" fetchpriority="high">`},
		{"transparent PNG", `<img src="/2020/01/trip/clear-900w.png" srcset="/2020/01/trip/clear-480w.png 480w, /2020/01/trip/clear-800w.png 800w, /2020/01/trip/clear-900w.png 900w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="900" height="600" alt="Clear" loading="lazy" decoding="async">`},
		{"GIF, as PNG", `<img src="/2020/01/trip/frame-600w.png" srcset="/2020/01/trip/frame-480w.png 480w, /2020/01/trip/frame-600w.png 600w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="600" height="400" alt="A GIF" title="framed" loading="lazy" decoding="async">`},
		{"WebP", `<picture><img src="/2020/01/trip/pic-1000w.webp" srcset="/2020/01/trip/pic-480w.webp 480w, /2020/01/trip/pic-800w.webp 800w, /2020/01/trip/pic-1000w.webp 1000w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="1000" height="500" alt="WebP" loading="lazy" decoding="async"></picture>`},
		{"static", `<img src="/images/static-1600w.jpg" srcset="/images/static-480w.jpg 480w, /images/static-800w.jpg 800w, /images/static-1200w.jpg 1200w, /images/static-1600w.jpg 1600w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="1600" height="1200" alt="Static" loading="lazy"`},
		{"animated GIF, as it is with its size", `<img src="moving.gif" alt="Moving" width="300" height="200" loading="lazy" decoding="async">`},
		{"remote, lazy", `<img src="https://cdn.example.net/x.jpg" alt="Elsewhere" loading="lazy" decoding="async">`},
		{"avatar", `<img class="avatar" src="/images/ana-300w.png" srcset="/images/ana-300w.png 300w" sizes="4.5rem" width="300" height="300" alt="" loading="lazy" decoding="async">`},
	}
	for _, tt := range tests {
		if !strings.Contains(page, tt.want) {
			t.Errorf("%s: the page lacks %s", tt.name, tt.want)
		}
	}
	if n := strings.Count(page, `fetchpriority="high"`); n != 1 {
		t.Errorf("%d images fetched first, want the hero alone", n)
	}
	if n, lazy := strings.Count(page, "<img "), strings.Count(page, `loading="lazy"`); lazy != n-1 {
		t.Errorf("%d of %d images lazy, want all but the hero", lazy, n)
	}
	s.Contains("about/index.html", `<img src="/images/static-1600w.jpg" srcset="/images/static-480w.jpg 480w, /images/static-800w.jpg 800w, /images/static-1200w.jpg 1200w, /images/static-1600w.jpg 1600w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)" width="1600" height="1200" alt="Our office" fetchpriority="high">`)
	svg := s.File("2020/01/svg/index.html")
	if !strings.Contains(svg, `<img src="/images/drawing.svg" alt="" width="1200" height="630" fetchpriority="high">`) {
		t.Errorf("the SVG hero is not shown as it was: %s", regexp.MustCompile(`<figure[^\n]*\n[^\n]*`).FindString(svg))
	}
}

// TestImageCopies decodes every copy written: its format and size, the
// way it faces, its transparency, and that no EXIF or GPS block of the
// phone photo reached it.
func TestImageCopies(t *testing.T) {
	skipImagesUnderRace(t)
	s := buildImageSite(t)
	copyName := regexp.MustCompile(`-(\d+)w\.(jpg|png|webp)$`)
	seen := map[string]bool{}
	for _, f := range s.Files() {
		m := copyName.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		seen[f] = true
		data := []byte(s.File(f))
		for _, bad := range []string{"Exif", imagetest.Secret, "GPS"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s carries %q", f, bad)
			}
		}
		img, info, err := images.Decode(data, 0)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if fmt.Sprint(info.Width) != m[1] || info.Format.Ext() != "."+m[2] {
			t.Errorf("%s is a %dpx %s", f, info.Width, info.Format)
		}
		checkFacing(t, f, img)
		if strings.Contains(f, "clear-") {
			if _, _, _, a := img.At(info.Width*3/4, info.Height/2).RGBA(); a != 0 {
				t.Errorf("%s lost its transparency", f)
			}
		}
	}
	for _, want := range []string{"2020/01/trip/photo-480w.jpg", "2020/01/trip/photo-1000w.webp", "2020/01/trip/frame-600w.webp",
		"images/static-1600w.webp", "images/ana-300w.png"} {
		if !seen[want] {
			t.Errorf("no copy %s", want)
		}
	}
	if seen["2020/01/trip/photo-1200w.jpg"] || seen["images/ana-480w.png"] {
		t.Error("an image was scaled up")
	}
	if len(s.Result.Warnings) != 1 || !strings.Contains(s.Result.Warnings[0], "content/posts/ja.md: the social card is drawn without the title") {
		t.Errorf("warnings %q, want one about the Japanese title", s.Result.Warnings)
	}
}

// TestNoMetadataPublished builds a site whose photos, in a page bundle
// and in static/, carry GPS tags and other metadata: no file of the
// output holds any of it, and the originals are published with their
// pixels and orientation as they were.
func TestNoMetadataPublished(t *testing.T) {
	skipImagesUnderRace(t)
	s := buildImageSite(t)
	for _, f := range s.Files() {
		if strings.Contains(s.File(f), imagetest.Secret) {
			t.Errorf("%s holds the photo's metadata", f)
		}
	}
	for out, src := range map[string]string{
		"2020/01/trip/photo.jpg": "content/posts/trip/photo.jpg",
		"2020/01/trip/clear.png": "content/posts/trip/clear.png",
		"2020/01/trip/pic.webp":  "content/posts/trip/pic.webp",
		"2020/01/trip/frame.gif": "content/posts/trip/frame.gif",
		"images/static.jpg":      "static/images/static.jpg",
	} {
		orig, err := os.ReadFile(filepath.Join(s.Dir, src))
		if err != nil {
			t.Fatal(err)
		}
		want, win, err := images.Decode(orig, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, gin, err := images.Decode([]byte(s.File(out)), 0)
		if err != nil || gin != win {
			t.Errorf("%s: %+v, %v; the source is %+v", out, gin, err, win)
			continue
		}
		if !imagetest.SamePixels(want, got) {
			t.Errorf("%s has other pixels than its source", out)
		}
	}
}

// checkFacing checks that a copy of imagetest.Halves is upright: red on
// the left, blue on the right.
func checkFacing(t *testing.T, name string, img image.Image) {
	t.Helper()
	b := img.Bounds()
	r, _, _, _ := img.At(b.Dx()/8, b.Dy()/8).RGBA()
	_, _, bl, a := img.At(b.Dx()/8, b.Dy()/8).RGBA()
	if a > 0 && r < bl {
		t.Errorf("%s is not upright: its top left is blue", name)
	}
}

// TestSocialCards checks every card against LinkedIn's requirements
// (a raster image of at least 1200x627 and at most 5 MB), that each page
// names its card with its size, and that drawn cards show their title.
func TestSocialCards(t *testing.T) {
	skipImagesUnderRace(t)
	s := buildImageSite(t)
	cards := map[string]string{ // page -> card
		"2020/01/trip/index.html": "2020/01/trip/card.jpg",
		"2020/01/svg/index.html":  "2020/01/svg/card.png",
		"2020/01/none/index.html": "2020/01/none/card.png",
		"2019/12/ja/index.html":   "2019/12/ja/card.png",
		"about/index.html":        "about/card.png",
		"index.html":              "card.png",
		"tags/index.html":         "card.png",
		"authors/ana/index.html":  "card.png",
	}
	for page, card := range cards {
		s.Contains(page, `<meta property="og:image" content="https://example.org/`+card+`">`,
			`<meta property="og:image:width" content="1200">`, `<meta property="og:image:height" content="630">`,
			`<meta name="twitter:card" content="summary_large_image">`, `<meta property="og:image:alt" content="`)
	}
	for _, f := range s.Files() {
		if !strings.HasSuffix(f, "card.png") && !strings.HasSuffix(f, "card.jpg") {
			continue
		}
		data := []byte(s.File(f))
		info, err := images.Probe(data, 0)
		if err != nil || info.Width < 1200 || info.Height < 627 || len(data) > 5<<20 {
			t.Errorf("%s: %+v, %d bytes, %v: not what LinkedIn shows", f, info, len(data), err)
		}
	}
	checkTitleDrawn(t, s, "2020/01/none/card.png", "Why listening comes before talking", true)
	checkTitleDrawn(t, s, "2019/12/ja/card.png", "顧客サービス", false)
}

// checkTitleDrawn draws the card of a post by Ana without its title and
// compares it with the card built: the same outside the title's area,
// and different inside it when the title is drawn.
func checkTitleDrawn(t *testing.T, s *sitetest.Site, card, title string, drawn bool) {
	t.Helper()
	got, _, err := images.Decode([]byte(s.File(card)), 0)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := images.NewTypesetter()
	if err != nil {
		t.Fatal(err)
	}
	avatar, info, err := images.Decode(imagetest.PNG(t, imagetest.Halves(300, 300)), 0)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ts.Draw(images.Card{Title: title, NoTitle: true, Author: "Ana Ruiz", Avatar: images.Upright(avatar, info),
		Site: "Care notes", Color: color.NRGBA{R: 0x20, G: 0x40, B: 0x60, A: 0xff}})
	if err != nil {
		t.Fatal(err)
	}
	same := func(r image.Rectangle) bool {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if color.NRGBAModel.Convert(got.At(x, y)) != color.NRGBAModel.Convert(want.At(x, y)) {
					return false
				}
			}
		}
		return true
	}
	area := images.TitleArea()
	if !same(image.Rect(0, area.Max.Y, images.CardWidth, images.CardHeight)) || !same(image.Rect(0, 0, images.CardWidth, area.Min.Y)) {
		t.Fatalf("%s differs from a card drawn without its title outside the title's area", card)
	}
	if differ := !same(area); differ != drawn {
		t.Errorf("%s: title drawn = %v, want %v", card, differ, drawn)
	}
}

// TestWarmImageBuildsMatchColdBuilds edits what images and cards are
// made from and compares each warm build with a cold one; a warm build
// after an edit of a post's text keeps every image file as it was.
func TestWarmImageBuildsMatchColdBuilds(t *testing.T) {
	skipImagesUnderRace(t)
	s := buildImageSite(t)
	bundle := filepath.Join(s.Dir, "content/posts/trip")
	steps := []struct {
		name   string
		change func(t *testing.T)
	}{
		{"a post's text", func(t *testing.T) { editFile(t, filepath.Join(bundle, "index.md"), "Text.", "New text.") }},
		{"the focus", func(t *testing.T) { editFile(t, filepath.Join(bundle, "index.md"), "0.5,0.3", "0.5,0.9") }},
		{"a photo of another size", func(t *testing.T) {
			sitetest.WriteFile(t, filepath.Join(bundle, "photo.jpg"), imagetest.JPEG(t, imagetest.Halves(1300, 700), 1))
		}},
		{"a photo replaced keeping its size and time", func(t *testing.T) {
			replaceKeepingTimes(t, filepath.Join(s.Dir, "static/images/static.jpg"))
		}},
		{"an avatar", func(t *testing.T) {
			sitetest.WriteFile(t, filepath.Join(s.Dir, "static/images/ana.png"), imagetest.PNG(t, imagetest.Transparent(200, 200)))
		}},
		{"the quality", func(t *testing.T) {
			editFile(t, filepath.Join(s.Dir, "site.toml"), "[brand]", "[images]\nquality = 60\n[brand]")
		}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			before := imageInodes(t, s.Out)
			step.change(t)
			s.Rebuild()
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			warm := sitetest.ReadTree(t, s.Out)
			cold := *s
			cold.Out = filepath.Join(t.TempDir(), "cold")
			cold.Rebuild(func(o *build.Options) { o.NoCache = true })
			if cold.Err != nil {
				t.Fatal(cold.Err)
			}
			want := sitetest.ReadTree(t, cold.Out)
			for p, b := range want {
				if b != warm[p] {
					t.Errorf("%s differs between the warm and the cold build", p)
				}
			}
			if len(want) != len(warm) {
				t.Errorf("the warm build wrote %d files, the cold one %d", len(warm), len(want))
			}
			if step.name == "a post's text" {
				after := imageInodes(t, s.Out)
				for p, ino := range before {
					if after[p] != ino {
						t.Errorf("%s was made again", p)
					}
				}
			}
		})
	}
}

// replaceKeepingTimes puts in place of the JPEG file p one of the same
// size and modification time whose pixels differ (a value of its
// quantization table changed), as a tool that keeps times would.
func replaceKeepingTimes(t *testing.T, p string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	dqt := bytes.Index(data, []byte{0xFF, 0xDB})
	if dqt < 0 {
		t.Fatal("no quantization table")
	}
	data[dqt+10] ^= 0x04
	tmp := p + ".new"
	sitetest.WriteFile(t, tmp, data)
	if err := os.Chtimes(tmp, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// imageInodes returns the inode of every image file of an output folder.
func imageInodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !images.IsRaster(p) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[p] = info.Sys().(*syscall.Stat_t).Ino
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImagesOnDemand asks a renderer, as serve does, for copies and
// cards no page has asked for yet.
func TestImagesOnDemand(t *testing.T) {
	skipImagesUnderRace(t)
	s := writeImageSite(t)
	p, err := build.Prepare(build.Options{SiteDir: s.Dir, NoCache: true, Now: sitetest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Renderer()
	tests := []struct {
		path   string
		format images.Format
		width  int
	}{
		{"2020/01/trip/photo.jpg", images.JPEG, 1000},
		{"images/static.jpg", images.JPEG, 2000},
		{"2020/01/trip/photo-480w.webp", images.WebP, 480},
		{"2020/01/trip/photo-1000w.jpg", images.JPEG, 1000},
		{"images/static-800w.jpg", images.JPEG, 800},
		{"2020/01/trip/card.jpg", images.JPEG, 1200},
		{"2020/01/none/card.png", images.PNG, 1200},
		{"card.png", images.PNG, 1200},
	}
	for _, tt := range tests {
		data, ok, err := r.Output(tt.path)
		if !ok || err != nil {
			t.Errorf("%s: found %v, %v", tt.path, ok, err)
			continue
		}
		if info, err := images.Probe(data, 0); err != nil || info.Format != tt.format || info.Width != tt.width {
			t.Errorf("%s: %+v, %v", tt.path, info, err)
		}
		if bytes.Contains(data, []byte(imagetest.Secret)) {
			t.Errorf("%s holds the photo's metadata", tt.path)
		}
	}
	for _, missing := range []string{"2020/01/trip/photo-1200w.jpg", "2020/01/trip/photo-480w.png", "images/nothing-480w.jpg"} {
		if _, ok, _ := r.Output(missing); ok {
			t.Errorf("%s is found", missing)
		}
	}
}

// TestBadImages builds a bundle of images blogen cannot read: each is
// published as it is, shown as written, and named in a warning; the
// build does not fail.
func TestBadImages(t *testing.T) {
	skipImagesUnderRace(t)
	s := sitetest.Write(t, `-- content/posts/bad/index.md --
---
title: Bad images
date: 2020-01-01
image: gone.jpg
---
![Broken](broken.jpg) ![Bomb](bomb.png) ![Text](text.jpg) ![Renamed](renamed.png)
`)
	bundle := filepath.Join(s.Dir, "content/posts/bad")
	photo := imagetest.JPEG(t, imagetest.Halves(600, 400), 0)
	for name, data := range map[string][]byte{
		"broken.jpg":  photo[:len(photo)/2],
		"bomb.png":    imagetest.Bomb(100_000, 100_000),
		"text.jpg":    []byte("not an image"),
		"renamed.png": photo,
	} {
		sitetest.WriteFile(t, filepath.Join(bundle, name), data)
	}
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	warnings := strings.Join(s.Result.Warnings, "\n")
	for _, want := range []string{
		"content/posts/bad/broken.jpg: cannot decode the jpeg image",
		"content/posts/bad/bomb.png: the image is 100000x100000 pixels, more than the 64 megapixels of [images] max_megapixels",
		"content/posts/bad/text.jpg: not a JPEG, PNG, GIF or WebP image",
		`content/posts/bad/index.md: image "gone.jpg" is no file of static/ or of the post's bundle`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("no warning %q in\n%s", want, warnings)
		}
	}
	s.Contains("2020/01/bad/index.html", `<img src="broken.jpg" alt="Broken" loading="lazy" decoding="async">`,
		`<img src="/2020/01/bad/renamed-600w.jpg"`)
	if s.File("2020/01/bad/bomb.png") != string(imagetest.Bomb(100_000, 100_000)) {
		t.Error("the bomb is not published as it is")
	}
}

// skipImagesUnderRace skips an image whole-site test under the race
// detector, which makes decoding and encoding photos ten times slower:
// they have no concurrency of their own beyond the render pool, which the
// other whole-site tests run under it, and make test runs them again
// without it.
func skipImagesUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("make test runs the image tests without the race detector")
	}
}

// TestAVIFInPages builds a site that asks for AVIF copies beside WebP:
// pages offer AVIF first, whatever the order in site.toml, and every
// copy they name is written.
func TestAVIFInPages(t *testing.T) {
	skipImagesUnderRace(t)
	s := sitetest.Write(t, `-- site.toml --
title = "Care notes"
base_url = "https://example.org/"
minify = false
[images]
widths = [480]
formats = ["webp", "avif"]
-- content/posts/trip/index.md --
---
title: A trip
date: 2020-01-03
image: photo.jpg
---
Text.
`)
	sitetest.WriteFile(t, filepath.Join(s.Dir, "content/posts/trip/photo.jpg"), imagetest.JPEG(t, imagetest.Halves(600, 400), 0))
	s.Rebuild()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	s.Contains("2020/01/trip/index.html", `<picture><source type="image/avif" srcset="/2020/01/trip/photo-480w.avif 480w" sizes="(min-width: 64rem) 42rem, calc(100vw - 2.5rem)"><source type="image/webp" srcset="/2020/01/trip/photo-480w.webp 480w"`)
	for _, f := range []string{"2020/01/trip/photo-480w.avif"} {
		if data := s.File(f); !strings.Contains(data[:min(len(data), 32)], "ftypavif") {
			t.Errorf("%s is no AVIF file", f)
		}
	}
}

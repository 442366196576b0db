package jekyll

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
)

// styles are Jekyll's named permalink styles.
var styles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// pattern returns the template of a permalink setting: a named style's,
// or the setting itself.
func pattern(setting string) string {
	if p, ok := styles[setting]; ok {
		return p
	}
	return setting
}

// placeholder matches a placeholder of a permalink template.
var placeholder = regexp.MustCompile(`:([a-z_]+)`)

// vars are the values a post's URL is made of.
type vars struct {
	date       time.Time
	title      string   // :title, the slug as written
	slug       string   // :slug, the slug lower-cased
	categories []string // lower-cased
}

// expand fills a permalink template as Jekyll does; an unknown
// placeholder is left as it is.
func expand(tmpl string, v vars) string {
	u := placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		if s, ok := v.value(m[1:]); ok {
			return s
		}
		return m
	})
	return sanitize(u)
}

// value is the value of one placeholder.
func (v vars) value(name string) (string, bool) {
	d := v.date
	switch name {
	case "year":
		return fmt.Sprintf("%04d", d.Year()), true
	case "short_year":
		return fmt.Sprintf("%02d", d.Year()%100), true
	case "month":
		return fmt.Sprintf("%02d", int(d.Month())), true
	case "i_month":
		return fmt.Sprint(int(d.Month())), true
	case "short_month":
		return d.Format("Jan"), true
	case "long_month":
		return d.Format("January"), true
	case "day":
		return fmt.Sprintf("%02d", d.Day()), true
	case "i_day":
		return fmt.Sprint(d.Day()), true
	case "y_day":
		return fmt.Sprintf("%03d", d.YearDay()), true
	case "hour":
		return fmt.Sprintf("%02d", d.Hour()), true
	case "minute":
		return fmt.Sprintf("%02d", d.Minute()), true
	case "second":
		return fmt.Sprintf("%02d", d.Second()), true
	case "short_day":
		return d.Format("Mon"), true
	case "long_day":
		return d.Format("Monday"), true
	case "week":
		_, w := d.ISOWeek()
		return fmt.Sprintf("%02d", w), true
	case "title":
		return v.title, true
	case "slug":
		return v.slug, true
	case "categories":
		return strings.Join(v.categories, "/"), true
	case "output_ext":
		return ".html", true
	}
	return "", false
}

// sanitize makes a URL path as Jekyll does: one leading slash, no empty
// segments.
func sanitize(u string) string {
	u = "/" + u
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	return u
}

// blogenTokens maps Jekyll placeholders to blogen's.
var blogenTokens = map[string]string{
	"year": ":year", "month": ":month", "day": ":day",
	"title": ":slug", "slug": ":slug", "categories": ":category", "output_ext": ".html",
}

// translate returns the blogen permalink pattern for a Jekyll template,
// or "" when a placeholder has no blogen equivalent. The post's slug is
// written as Jekyll made it, so :title and :slug both become :slug.
func translate(tmpl string) string {
	ok := true
	out := placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		t, known := blogenTokens[m[1:]]
		ok = ok && known
		return t
	})
	if !ok || strings.Count(out, ":slug") != 1 {
		return ""
	}
	return sanitize(out)
}

// withoutCategories is a template with its :categories segment dropped,
// for sites whose posts have none.
func withoutCategories(tmpl string) string {
	return sanitize(strings.ReplaceAll(tmpl, ":categories", ""))
}

// pageURL is the URL Jekyll gives a page at rel: a folder's index at the
// folder, others by the site's permalink style ("/about/" or
// "/about.html").
func pageURL(rel, style string) string {
	dir, base := path.Dir(rel), strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if dir == "." {
		dir = ""
	}
	if base == "index" {
		return sanitize(dir + "/")
	}
	return sanitize(dir+"/"+base) + pageSuffix(style)
}

// pageSuffix is what Jekyll adds to a page's URL for a permalink style.
func pageSuffix(style string) string {
	tmpl := pattern(style)
	switch {
	case strings.HasSuffix(tmpl, "/"):
		return "/"
	case strings.HasSuffix(tmpl, ":output_ext"):
		return ".html"
	}
	return ""
}

var nonPretty = regexp.MustCompile(`[^\p{L}\p{M}\p{Nd}._~!$&'()+,;=@]+`)
var nonDefault = regexp.MustCompile(`[^\p{L}\p{M}\p{Nd}]+`)

// slugify is Jekyll's slugify: mode "pretty" keeps case and the
// characters a URL allows; the default mode keeps letters and digits and
// lower-cases them.
func slugify(s string, pretty bool) string {
	if pretty {
		return strings.Trim(nonPretty.ReplaceAllString(s, "-"), "-")
	}
	return strings.ToLower(strings.Trim(nonDefault.ReplaceAllString(s, "-"), "-"))
}

// Package embed knows the sites whose videos and posts blog posts embed
// (YouTube, Vimeo, X and GitHub gists): it recognises their addresses and
// writes the HTML that stands for an embed.
//
// That HTML loads nothing from the provider. It is a figure holding a link
// to the video, post or gist, which works with scripts off; for YouTube
// and Vimeo the figure carries, in data-embed, the address of the
// provider's player in its privacy mode (youtube-nocookie.com, Vimeo with
// dnt=1), which the theme's script puts in an iframe only when the reader
// presses its "Play here" button:
//
//	<figure class="embed embed-youtube" data-embed="https://www.youtube-nocookie.com/embed/ID">
//	<a href="https://www.youtube.com/watch?v=ID">Watch the video on YouTube</a></figure>
//
// The figure is written on one line, so that Markdown takes it as one
// block of HTML.
package embed

import (
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Providers.
const (
	YouTube = "youtube"
	Vimeo   = "vimeo"
	X       = "x"
	Gist    = "gist"
)

// FrameHosts are the hosts whose players an embed may load, after the
// reader asks: what a Content-Security-Policy's frame-src must allow.
var FrameHosts = []string{"https://www.youtube-nocookie.com", "https://player.vimeo.com"}

// Embed is one video, post or gist of a known provider.
type Embed struct {
	Provider string // YouTube, Vimeo, X or Gist
	ID       string // the video's, post's or gist's id
	User     string // X: the account, "i" when unknown; Gist: the owner
	File     string // Gist: one file of the gist, or ""
	Hash     string // Vimeo: the hash of an unlisted video, or ""
	Start    int    // YouTube: where to start, in seconds
	Title    string // shown after the link's text, when known
}

var (
	youTubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	digits    = regexp.MustCompile(`^[0-9]{1,20}$`)
	vimeoHash = regexp.MustCompile(`^[0-9a-f]{1,40}$`)
	xUser     = regexp.MustCompile(`^[A-Za-z0-9_]{1,50}$`)
	gistUser  = regexp.MustCompile(`^[A-Za-z0-9-]{1,39}$`)
	gistID    = regexp.MustCompile(`^[0-9A-Za-z]{1,64}$`)
	gistFile  = regexp.MustCompile(`^[^\x00-\x1f<>"]{1,200}$`)
)

// Valid reports whether e names something of its provider with ids of the
// provider's form.
func (e Embed) Valid() bool {
	switch e.Provider {
	case YouTube:
		return youTubeID.MatchString(e.ID) && e.Start >= 0
	case Vimeo:
		return digits.MatchString(e.ID) && (e.Hash == "" || vimeoHash.MatchString(e.Hash))
	case X:
		return digits.MatchString(e.ID) && xUser.MatchString(e.User)
	case Gist:
		return gistID.MatchString(e.ID) && gistUser.MatchString(e.User) && (e.File == "" || gistFile.MatchString(e.File))
	}
	return false
}

// Link is the address of the video, post or gist on its provider's site.
func (e Embed) Link() string {
	switch e.Provider {
	case YouTube:
		u := "https://www.youtube.com/watch?v=" + url.QueryEscape(e.ID)
		if e.Start > 0 {
			u += "&t=" + strconv.Itoa(e.Start) + "s"
		}
		return u
	case Vimeo:
		u := "https://vimeo.com/" + e.ID
		if e.Hash != "" {
			u += "/" + e.Hash
		}
		return u
	case X:
		return "https://x.com/" + e.User + "/status/" + e.ID
	case Gist:
		u := "https://gist.github.com/" + e.User + "/" + e.ID
		if e.File != "" {
			u += "#file-" + url.PathEscape(strings.ReplaceAll(e.File, ".", "-"))
		}
		return u
	}
	return ""
}

// Player is the address of the provider's player in its privacy mode,
// which an iframe may load once the reader asks, or "" when the provider
// has none (X and gists load scripts that track readers; they stay links).
func (e Embed) Player() string {
	switch e.Provider {
	case YouTube:
		u := "https://www.youtube-nocookie.com/embed/" + url.PathEscape(e.ID) + "?autoplay=1"
		if e.Start > 0 {
			u += "&start=" + strconv.Itoa(e.Start)
		}
		return u
	case Vimeo:
		u := "https://player.vimeo.com/video/" + e.ID + "?dnt=1&autoplay=1"
		if e.Hash != "" {
			u += "&h=" + e.Hash
		}
		return u
	}
	return ""
}

// text is what the link says.
func (e Embed) text() string {
	var t string
	switch e.Provider {
	case YouTube:
		t = "Watch the video on YouTube"
	case Vimeo:
		t = "Watch the video on Vimeo"
	case X:
		t = "Read the post on X"
		if e.User != "i" {
			t = "Read the post by @" + e.User + " on X"
		}
	case Gist:
		t = "View the gist on GitHub"
		if e.File != "" {
			t = "View " + e.File + " on GitHub"
		}
	}
	if e.Title != "" {
		t += ": " + e.Title
	}
	return t
}

// HTML is the figure that stands for the embed, on one line; "" when e is
// not Valid.
func (e Embed) HTML() string {
	if !e.Valid() {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<figure class="embed embed-` + e.Provider + `"`)
	if p := e.Player(); p != "" {
		b.WriteString(` data-embed="` + html.EscapeString(p) + `"`)
	}
	b.WriteString(`><a href="` + html.EscapeString(e.Link()) + `">` + html.EscapeString(e.text()) + `</a></figure>`)
	return b.String()
}

// Parse recognises the address of a YouTube or Vimeo video, a post on X
// (or Twitter) or a GitHub gist, in the forms people paste and providers
// write in their embed code. It reports false for any other address.
func Parse(raw string) (Embed, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Port() != "" {
		return Embed{}, false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	var e Embed
	switch host {
	case "youtube.com", "youtube-nocookie.com", "youtu.be":
		e = youTube(host, parts, u.Query())
	case "vimeo.com", "player.vimeo.com":
		e = vimeo(parts, u.Query())
	case "x.com", "twitter.com", "mobile.twitter.com":
		if len(parts) >= 3 && (parts[1] == "status" || parts[1] == "statuses") {
			e = Embed{Provider: X, User: parts[0], ID: parts[2]}
		}
	case "gist.github.com":
		if len(parts) == 2 {
			e = Embed{Provider: Gist, User: parts[0], ID: strings.TrimSuffix(parts[1], ".js")}
		}
	}
	return e, e.Valid()
}

// youTube reads youtu.be/ID, youtube.com/watch?v=ID, and the /embed/,
// /shorts/, /live/ and /v/ forms.
func youTube(host string, parts []string, q url.Values) Embed {
	e := Embed{Provider: YouTube, Start: seconds(q.Get("t"))}
	if s := q.Get("start"); s != "" {
		e.Start = seconds(s)
	}
	switch {
	case host == "youtu.be" && len(parts) == 1:
		e.ID = parts[0]
	case len(parts) == 1 && parts[0] == "watch":
		e.ID = q.Get("v")
	case len(parts) == 2 && (parts[0] == "embed" || parts[0] == "shorts" || parts[0] == "live" || parts[0] == "v"):
		e.ID = parts[1]
	}
	return e
}

// vimeo reads vimeo.com/ID, vimeo.com/ID/HASH, vimeo.com/channels/x/ID and
// player.vimeo.com/video/ID?h=HASH.
func vimeo(parts []string, q url.Values) Embed {
	e := Embed{Provider: Vimeo, Hash: q.Get("h")}
	switch {
	case len(parts) == 2 && parts[0] == "video":
		e.ID = parts[1]
	case len(parts) >= 1 && digits.MatchString(parts[0]):
		e.ID = parts[0]
		if len(parts) == 2 {
			e.Hash = parts[1]
		}
	case len(parts) == 3 && (parts[0] == "channels" || parts[0] == "groups"):
		e.ID = parts[2]
	}
	return e
}

var durationRE = regexp.MustCompile(`^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$`)

// seconds reads a YouTube start time: "90", "90s" or "1m30s"; 0 when it
// is none of these.
func seconds(s string) int {
	m := durationRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n := 0
	for i, mult := range []int{3600, 60, 1} {
		if v, err := strconv.Atoi(m[i+1]); err == nil {
			n += v * mult
		}
	}
	return n
}

package wordpress

import (
	"time"
)

// wpLayout is how WordPress writes dates in an export.
const wpLayout = "2006-01-02 15:04:05"

// parseWP reads one WordPress date as a wall-clock time in UTC. It reports
// false for an empty date and for WordPress's "0000-00-00 00:00:00", which
// drafts carry when they were never scheduled.
func parseWP(s string) (time.Time, bool) {
	t, err := time.Parse(wpLayout, s)
	if err != nil || t.Year() < 1 {
		return time.Time{}, false
	}
	return t, true
}

// wpTime combines WordPress's pair of dates: the site's local time and the
// same instant in GMT. With both, the result is the instant in a zone with
// the site's offset, so 2013-06-10 14:34 local and 12:34 GMT give
// 2013-06-10T14:34:00+02:00. With only one, it is that time in UTC.
func wpTime(local, gmt string) time.Time {
	l, lok := parseWP(local)
	g, gok := parseWP(gmt)
	switch {
	case lok && gok:
		off := l.Sub(g)
		if off%(15*time.Minute) == 0 && off <= 14*time.Hour && off >= -14*time.Hour {
			return g.In(time.FixedZone("", int(off/time.Second)))
		}
		return g
	case gok:
		return g
	case lok:
		return l
	}
	return time.Time{}
}

// rssTime reads an RSS pubDate, the last resort for an item's date.
func rssTime(s string) time.Time {
	for _, layout := range []string{time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1 {
			return t
		}
	}
	return time.Time{}
}

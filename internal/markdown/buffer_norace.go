//go:build !race

package markdown

// scribbleReleased is off outside the race detector (see buffer_race.go).
const scribbleReleased = false

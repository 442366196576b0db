//go:build !race

package content

// scribbleReleased is off outside the race detector (see read_race.go).
const scribbleReleased = false

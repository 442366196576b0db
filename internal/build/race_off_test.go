//go:build !race

package build_test

// raceDetector is false outside the race detector (see race_on_test.go).
const raceDetector = false

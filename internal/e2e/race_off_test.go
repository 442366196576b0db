//go:build !race

package e2e

// raceDetector is false outside the race detector (see race_on_test.go).
const raceDetector = false

//go:build race

package sitegen_test

// raceDetector is true when the tests run under the race detector.
const raceDetector = true

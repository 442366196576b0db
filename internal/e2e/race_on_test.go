//go:build race

package e2e

// raceDetector is true when the tests run under the race detector, which
// makes a build of a large site many times slower.
const raceDetector = true

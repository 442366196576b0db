//go:build race

package highlight

// raceDetector is set when the tests run with -race, which makes lexing
// every sample at every position many times slower. The exhaustive
// comparisons then skip; make test runs them again without -race.
const raceDetector = true

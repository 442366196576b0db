// Package e2e checks the built theme the way readers and validators see it:
// every page of the demo blog through the Nu HTML Checker, and the pages in
// a real headless Chromium.
//
// The tools come from the repository's package.json (npm ci) and Debian's
// chromium package. A test whose tool is missing is skipped on a developer
// machine and fails when the CI variable is set, so CI never passes by
// checking nothing.
package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot returns the root of the repository (the demo blog).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Require skips the test when a tool is missing, or fails it in CI.
func Require(t testing.TB, what, hint string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing: %s", what, hint)
	}
	t.Skipf("%s is missing: %s", what, hint)
}

// VNUJar returns the path of the Nu HTML Checker jar and the java binary.
func VNUJar(t testing.TB) (java, jar string) {
	t.Helper()
	jar = os.Getenv("BLOGEN_VNU_JAR")
	if jar == "" {
		jar = filepath.Join(RepoRoot(t), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}
	if _, err := os.Stat(jar); err != nil {
		Require(t, "the Nu HTML Checker (vnu.jar)", "run npm ci in the repository root")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		Require(t, "java", "install a Java runtime (apt-get install default-jre-headless)")
	}
	return java, jar
}

// Chromium returns the path of a Chromium binary.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{os.Getenv("BLOGEN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Require(t, "chromium", "apt-get install chromium")
	return ""
}

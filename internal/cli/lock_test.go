package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/sitetest"
)

// lockSite is a site big enough that two builds started together
// overlap.
func lockSite(posts int) string {
	var b strings.Builder
	for i := range posts {
		fmt.Fprintf(&b, "-- content/posts/p%03d.md --\n---\ntitle: Post %d\ndate: 2020-01-%02d\ntags: [t%d]\n---\nBody of post %d.\n", i, i, i%28+1, i%7, i)
	}
	return b.String()
}

// run is one blogen process: its exit status and what it printed.
type run struct {
	code   int
	stderr string
}

// startBuild starts blogen build of site into out.
func startBuild(t *testing.T, blogen, site, out string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(blogen, "build", "-q", "-s", site, "-d", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// buildTogether starts two builds at once and waits for both.
func buildTogether(t *testing.T, blogen, out string, sites [2]string) [2]run {
	t.Helper()
	var runs [2]run
	var cmds [2]*exec.Cmd
	var errs [2]*bytes.Buffer
	for i, site := range sites {
		cmds[i], errs[i] = startBuild(t, blogen, site, out)
	}
	for i, cmd := range cmds {
		cmd.Wait()
		runs[i] = run{code: cmd.ProcessState.ExitCode(), stderr: errs[i].String()}
	}
	return runs
}

// countFiles counts the files below dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	return len(sitetest.ReadTree(t, dir))
}

// TestTwoBuildsIntoOneFolder starts two blogen processes that build into
// one output folder, again and again: each either builds the whole site
// or stops at once because the other holds the folder, and the folder
// always ends up whole.
func TestTwoBuildsIntoOneFolder(t *testing.T) {
	blogen, err := exec.LookPath("blogen")
	if err != nil {
		t.Fatal(err)
	}
	good := sitetest.Write(t, lockSite(120))
	broken := sitetest.Write(t, lockSite(3)+"-- content/posts/bad.md --\n---\ntitle: [unclosed\n---\nx\n")
	out := filepath.Join(t.TempDir(), "public")
	if code := Main(t.Context(), []string{"build", "-q", "-s", good.Dir, "-d", out}, os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("first build: exit %d", code)
	}
	want := countFiles(t, out)
	tests := []struct {
		name        string
		second      string
		secondFails bool
	}{
		{"the same site twice", good.Dir, false},
		{"a failing build of another site", broken.Dir, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for round := range 8 {
				runs := buildTogether(t, blogen, out, [2]string{good.Dir, tt.second})
				for i, r := range runs {
					checkRun(t, round, i, r, i == 1 && tt.secondFails)
				}
				if got := countFiles(t, out); got != want {
					t.Fatalf("round %d: the output folder holds %d files, want %d", round, got, want)
				}
				if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.blogen-*")); len(left) > 0 {
					t.Fatalf("round %d: staging folders left behind: %v", round, left)
				}
			}
		})
	}
}

// checkRun checks that build i of a round either succeeded (or failed on
// its site's error, when it was meant to) or stopped because the other
// build held the output folder, naming its process.
func checkRun(t *testing.T, round, i int, r run, meantToFail bool) {
	t.Helper()
	busy := strings.Contains(r.stderr, "another build is writing into the output folder (process ")
	switch {
	case r.code == 0 && !meantToFail:
	case r.code == 1 && busy:
	case r.code == 1 && meantToFail && strings.Contains(r.stderr, "bad.md"):
	default:
		t.Errorf("round %d, build %d: exit %d:\n%s", round, i, r.code, r.stderr)
	}
}

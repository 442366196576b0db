package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitetest"
)

// TestMain runs the command itself when the tests start it as a
// subprocess.
func TestMain(m *testing.M) {
	if os.Getenv("BLOGEN_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestBuildStopsOnSIGTERM starts blogen build on a generated site of
// 4,000 posts, sends it SIGTERM while it loads the content and while it
// writes pages, and checks that it exits within a second, says it was
// interrupted and publishes nothing.
func TestBuildStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 4,000 posts")
	}
	site := sitetest.Generated(t, 4000)
	for _, tt := range []struct {
		name string
		when func(out string) bool // when to send the signal
	}{
		{"while loading", func(out string) bool { return staged(out, 0) }},
		{"while writing", func(out string) bool { return staged(out, 100) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			var stderr bytes.Buffer
			cmd := exec.Command(os.Args[0], "build", "-s", site, "-d", out, "--no-cache", "-q")
			cmd.Env = append(os.Environ(), "BLOGEN_RUN_MAIN=1")
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			for deadline := time.Now().Add(5 * time.Minute); !tt.when(out); time.Sleep(time.Millisecond) {
				select {
				case err := <-exited:
					t.Fatalf("the build ended (%v) before it got there; stderr %q", err, stderr.String())
				default:
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the build never got there")
				}
			}
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			err := <-exited
			took := time.Since(sent)
			if took > time.Second {
				t.Errorf("blogen build exited %v after SIGTERM, want within a second", took.Round(time.Millisecond))
			}
			if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit status %d (%v), stderr %q; want 1 and interrupted", code, err, stderr.String())
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("the interrupted build published %s", out)
			}
		})
	}
}

// staged reports whether the staging folder beside out holds at least n
// files; with n 0, whether there is one.
func staged(out string, n int) bool {
	dirs, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*staging*"))
	if len(dirs) == 0 {
		return false
	}
	seen := 0
	for _, d := range dirs {
		filepath.WalkDir(d, func(_ string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				seen++
			}
			if seen >= n {
				return filepath.SkipAll
			}
			return nil
		})
	}
	return seen >= n
}

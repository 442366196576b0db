package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/sitegen"
)

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("1000, 10_000,100000")
	if err != nil || len(got) != 3 || got[1] != 10000 || got[2] != 100000 {
		t.Fatalf("parseSizes = %v, %v", got, err)
	}
	for _, bad := range []string{"", "x", "0", "10,-1"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) took it", bad)
		}
	}
}

func TestCodeShareFlag(t *testing.T) {
	cases := []struct {
		args   []string
		ok     bool
		share  float64 // sitegen's CodeShare
		folder string  // of the 1,000-post site
	}{
		{nil, true, sitegen.DefaultCodeShare, "1000"},
		{[]string{"-code-share", "0.5"}, true, 0.5, "1000-code50"},
		{[]string{"-code-share", "0"}, true, -1, "1000-code0"},
		{[]string{"-code-share", "1.5"}, false, 0, ""},
		{[]string{"-code-share", "-0.1"}, false, 0, ""},
		{[]string{"-photos", "50"}, true, sitegen.DefaultCodeShare, "1000-photos50"},
		{[]string{"-code-share", "0.5", "-photos", "5"}, true, 0.5, "1000-code50-photos5"},
		{[]string{"-photos", "-1"}, false, 0, ""},
		{[]string{"-text"}, true, sitegen.DefaultCodeShare, "1000-text"},
		{[]string{"-text", "-photos", "5"}, false, 0, ""},
	}
	for _, tc := range cases {
		b, err := parseFlags(tc.args, io.Discard)
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v", tc.args, err)
			continue
		}
		if err != nil {
			continue
		}
		if got := codeShareOption(b.code); got != tc.share {
			t.Errorf("%q: CodeShare %v, want %v", tc.args, got, tc.share)
		}
		if got := siteFolder(1000, b.code, b.photos, b.text); got != tc.folder {
			t.Errorf("%q: folder %q, want %q", tc.args, got, tc.folder)
		}
	}
}

func TestSummarizeTakesMediansOfSuccesses(t *testing.T) {
	s := summarize([]sample{
		{wall: 3 * time.Second, cpu: 5 * time.Second, rssKiB: 300},
		{wall: time.Second, cpu: 9 * time.Second, rssKiB: 100},
		{err: errors.New("failed"), wall: time.Hour},
		{wall: 2 * time.Second, cpu: 7 * time.Second, rssKiB: 200},
	})
	if s.ok != 3 || s.runs != 4 || s.wall != 2*time.Second || s.cpu != 7*time.Second || s.rssKiB != 200 {
		t.Fatalf("summary = %+v", s)
	}
	if m := median([]int64{1, 4}); m != 2 {
		t.Errorf("median of two = %d", m)
	}
}

func TestCheckPagesCountsPostsOnly(t *testing.T) {
	out := t.TempDir()
	for _, p := range []string{"2020/01/a/index.html", "2020/01/b/index.html", "2020/01/page/2/index.html",
		"2020/page/2/index.html", "2020/01/index.html", "tags/x/index.html"} {
		file := filepath.Join(out, p)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := checkPages(sample{}, out, postPages, 2); r.err != nil {
		t.Errorf("2 posts: %v", r.err)
	}
	if r := checkPages(sample{}, out, postPages, 3); r.err == nil || !strings.Contains(r.err.Error(), "wrote 2 post pages") {
		t.Errorf("want a count error, got %v", r.err)
	}
}

func TestVerdicts(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{atMost(1.2, 1.3, "x"), "met (1.20x)"},
		{atMost(2.6, 1.3, "x"), "missed by 2.00x (2.60x)"},
		{thousands(100000), "100,000"},
		{thousands(999), "999"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"12GB": 12e9, "500mb": 500e6, "0": 0, "1.5GB": 1.5e9} {
		if got, err := parseBytes(in); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := parseBytes("lots"); err == nil {
		t.Error("parseBytes took lots")
	}
}

func TestMeasureKillsOverMaxRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	b := &bench{maxRSS: 1}
	start := time.Now()
	r := b.measure(t.Context(), "", "sleep", "5")
	if r.err == nil || !strings.Contains(r.err.Error(), "killed: resident memory passed") {
		t.Fatalf("err = %v", r.err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("killed after %s", time.Since(start))
	}
	b.maxRSS = 0
	if r := b.measure(t.Context(), "", "true"); r.err != nil || r.wall <= 0 {
		t.Errorf("true: %+v", r)
	}
}

func TestPrintTargets(t *testing.T) {
	run := func(wall, cpu time.Duration, rssKiB int64) []sample {
		return []sample{{wall: wall, cpu: cpu, rssKiB: rssKiB}}
	}
	s := &size{n: 10_000, samples: map[string][]sample{
		toolFloor:  run(10*time.Second, 20*time.Second, 30_000),
		toolBlogen: run(12*time.Second, 22*time.Second, 100_000),
	}}
	var out strings.Builder
	printTargets(&out, []*size{s})
	for _, want := range []string{
		"met (1.20x the floor); CPU time 1.10x",
		"not measured: needs a successful hugo and blogen run at 10,000 posts",
		"met (102 MB)",
		"not measured: needs a successful blogen run at 100,000 posts",
		"not measured: needs a successful blogen warm and blogen run at 10,000 posts",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}

func TestDiscardMovesOutputsToTheTrashUntilEmptied(t *testing.T) {
	dir := t.TempDir()
	var progress strings.Builder
	b := &bench{dir: dir, settle: 10 * time.Millisecond, stderr: &progress}
	out := filepath.Join(dir, "out", "blogen")
	if err := os.MkdirAll(filepath.Join(out, "2024"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{out, filepath.Join(dir, "missing")} {
		if err := b.discard(d); err != nil {
			t.Fatalf("discard %s: %v", d, err)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("output still there after discard: %v", err)
	}
	held, _ := os.ReadDir(filepath.Join(dir, "trash"))
	if len(held) != 1 {
		t.Fatalf("trash holds %d folders, want 1", len(held))
	}
	if err := b.emptyTrash(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "trash")); !os.IsNotExist(err) {
		t.Fatalf("trash not emptied: %v", err)
	}
	if !strings.Contains(progress.String(), "waiting") {
		t.Errorf("no word of the wait: %q", progress.String())
	}
	progress.Reset()
	if err := b.emptyTrash(context.Background()); err != nil || progress.Len() > 0 {
		t.Errorf("an empty trash: err %v, printed %q", err, progress.String())
	}
}

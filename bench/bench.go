package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/blogen/blogen/internal/sitegen"
)

// bench is one run of the benchmark: its settings and the binaries.
type bench struct {
	sizes    []int
	runs     int
	keep     bool
	dir      string // where sites, binaries and outputs go
	hugoSite string // the Hugo bench site: config.toml and layouts/
	seed     int64
	code     float64       // the share of posts with code blocks
	photos   int           // the posts with a 12-megapixel photo
	text     bool          // no photo files: the posts' images are on another host
	root     string        // the module's folder
	warm     bool          // run the warm build
	maxRSS   int64         // kill a run whose resident memory passes this many bytes; 0: never
	settle   time.Duration // the wait after emptying the trash, see trash.go
	trashed  int           // folders moved into the trash so far

	blogen, floor, hugo    string // binaries; hugo is "" when not run
	goVersion, hugoVersion string
	stderr                 io.Writer // progress
}

// size is the folders and results of one site size.
type size struct {
	n                int
	site, hugo, out  string
	posts            []string // post files, for the warm build's edit
	about            string   // what the site holds
	coldOK           bool     // this round's cold build succeeded
	samples          map[string][]sample
	generatedOrReuse string
}

// runBench is the default command.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	b, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if err := b.setUp(ctx); err != nil {
		return err
	}
	printMachine(stdout, b)
	// The outputs of the last run.
	if err := b.emptyTrash(ctx); err != nil {
		return err
	}
	var done []*size
	for _, n := range b.sizes {
		s, err := b.runSize(ctx, n)
		if err != nil {
			return err
		}
		printSize(stdout, b, s)
		done = append(done, s)
	}
	printTargets(stdout, done)
	b.reportTrash()
	return nil
}

// parseFlags reads the flags into a bench.
func parseFlags(args []string, stderr io.Writer) (*bench, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "1000,10000", "comma-separated site `sizes` in posts")
	b := &bench{stderr: stderr}
	fs.IntVar(&b.runs, "runs", 3, "rounds of runs; the report shows medians")
	withHugo := fs.Bool("hugo", false, "run Hugo too, when it is installed")
	fs.BoolVar(&b.keep, "keep", false, "keep the outputs and the Hugo site (generated sites are always kept)")
	fs.StringVar(&b.dir, "dir", filepath.Join(os.TempDir(), "blogen-bench"), "the working `folder`")
	fs.StringVar(&b.hugoSite, "hugo-site", "", "the Hugo bench `site` (default ../shared/bench/hugo-site beside the module)")
	fs.Int64Var(&b.seed, "seed", 1, "the random `seed` of the generated sites")
	fs.Float64Var(&b.code, "code-share", sitegen.DefaultCodeShare, codeShareUsage)
	fs.IntVar(&b.photos, "photos", 0, photosUsage)
	fs.BoolVar(&b.text, "text", false, "write no photo files: the posts' images are on another host, and a build's work is its text")
	fs.BoolVar(&b.warm, "warm", true, "run the warm build too")
	maxRSS := fs.String("max-rss", "12GB", "kill a run whose resident memory passes this `size` (0: never)")
	fs.DurationVar(&b.settle, "settle", 361*time.Second, "after deleting old outputs, wait this `long` before measuring (0: no wait)")
	if err := fs.Parse(args); err != nil {
		return nil, errUsage
	}
	var err, rssErr error
	b.maxRSS, rssErr = parseBytes(*maxRSS)
	if b.sizes, err = parseSizes(*sizes); err != nil || rssErr != nil || b.runs < 1 || !validShare(b.code) || b.photos < 0 || (b.text && b.photos > 0) || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./bench [-sizes 1000,10000] [-runs 3] [-code-share 0.05] [-hugo] [-warm=false] [-keep] [-dir DIR] [-max-rss 12GB] [-settle 6m1s] [-photos 0 | -text]")
		return nil, errUsage
	}
	if *withHugo {
		b.hugo = "hugo"
	}
	return b, nil
}

// parseSizes reads "1000,10000".
func parseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("size %q: want a number of posts", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// parseBytes reads a size such as 12GB, 500MB or 0 (decimal units).
func parseBytes(s string) (int64, error) {
	unit := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}} {
		if strings.HasSuffix(strings.ToUpper(s), u.suffix) {
			s, unit = s[:len(s)-len(u.suffix)], u.n
			break
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("size %q: want a size such as 12GB", s)
	}
	return int64(f * float64(unit)), nil
}

// setUp finds the module and Hugo, and builds the two binaries once.
func (b *bench) setUp(ctx context.Context) error {
	gomod, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(gomod)) == "" || strings.TrimSpace(string(gomod)) == os.DevNull {
		return fmt.Errorf("run bench inside the blogen module: go env GOMOD: %v", err)
	}
	b.root = filepath.Dir(strings.TrimSpace(string(gomod)))
	if b.hugoSite == "" {
		b.hugoSite = filepath.Join(b.root, "..", "shared", "bench", "hugo-site")
	}
	b.goVersion = commandLine(ctx, "go", "version")
	if b.hugo != "" {
		b.findHugo(ctx)
	}
	bin := filepath.Join(b.dir, "bin")
	b.blogen, b.floor = filepath.Join(bin, "blogen"), filepath.Join(bin, "blogen-floor")
	for out, pkg := range map[string]string{b.blogen: "./cmd/blogen", b.floor: "./cmd/blogen-floor"} {
		cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
		cmd.Dir = b.root
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %w\n%s", pkg, err, msg)
		}
	}
	return nil
}

// findHugo looks Hugo and its bench site up, and turns Hugo off with a
// note when either is missing.
func (b *bench) findHugo(ctx context.Context) {
	path, err := exec.LookPath("hugo")
	if err != nil {
		b.hugo, b.hugoVersion = "", "not installed: Hugo runs skipped (apt-get install hugo)"
		return
	}
	if _, err := os.Stat(filepath.Join(b.hugoSite, "config.toml")); err != nil {
		b.hugo, b.hugoVersion = "", fmt.Sprintf("no Hugo bench site at %s: Hugo runs skipped", b.hugoSite)
		return
	}
	b.hugo, b.hugoVersion = path, commandLine(ctx, path, "version")
}

// commandLine returns the first line a command prints, or why it failed.
func commandLine(ctx context.Context, name string, args ...string) string {
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return fmt.Sprintf("unknown (%v)", err)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return first
}

// runSize prepares one size and runs every round on it.
func (b *bench) runSize(ctx context.Context, n int) (*size, error) {
	s, err := b.prepare(ctx, n)
	if err != nil {
		return nil, err
	}
	names, runners := b.tools()
	for round := range b.runs {
		fmt.Fprintf(b.stderr, "[%s posts] round %d/%d:", thousands(n), round+1, b.runs)
		for _, name := range names {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			r := runners[name](ctx, s, round)
			s.samples[name] = append(s.samples[name], r)
			fmt.Fprintf(b.stderr, " %s %s", name, short(r))
		}
		fmt.Fprintln(b.stderr)
	}
	if !b.keep {
		return s, b.cleanUp(s)
	}
	return s, nil
}

// short is a sample in a few characters, for progress lines.
func short(r sample) string {
	if r.err != nil {
		return "FAILED"
	}
	return fmt.Sprintf("%.1fs", r.wall.Seconds())
}

// prepare generates or reuses the site of a size and makes its Hugo site.
func (b *bench) prepare(ctx context.Context, n int) (*size, error) {
	root := filepath.Join(b.dir, siteFolder(n, b.code, b.photos, b.text))
	s := &size{n: n, site: filepath.Join(root, "site"), hugo: filepath.Join(root, "hugo"), out: filepath.Join(root, "out"),
		samples: map[string][]sample{}}
	if err := checkDisk(root, n); err != nil {
		// The old outputs may be what takes the room.
		if err := b.emptyTrash(ctx); err != nil {
			return nil, err
		}
		if err := checkDisk(root, n); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(b.stderr, "[%s posts] preparing the site in %s\n", thousands(n), s.site)
	start := time.Now()
	reused, err := sitegen.Ensure(s.site, sitegen.Options{Posts: n, Seed: b.seed, CodeShare: codeShareOption(b.code), Photos: b.photos, NoPhotos: b.text})
	if err != nil {
		return nil, err
	}
	s.generatedOrReuse = "reused"
	if !reused {
		s.generatedOrReuse = "generated in " + time.Since(start).Round(time.Millisecond).String()
	}
	if s.about, err = describeSite(s.site); err != nil {
		return nil, err
	}
	if s.posts, err = postFiles(s.site); err != nil {
		return nil, err
	}
	if b.hugo != "" {
		return s, b.prepareHugo(s)
	}
	return s, nil
}

// siteFolder names the folder of a size's site and outputs: N for the
// default share of posts with code, N-code<percent> for another, and
// -photos<count> after it for posts with 12-megapixel photos, or -text
// for a site without photo files.
func siteFolder(n int, codeShare float64, photos int, text bool) string {
	name := strconv.Itoa(n)
	if codeShare != sitegen.DefaultCodeShare {
		name = fmt.Sprintf("%d-code%g", n, codeShare*100)
	}
	if photos > 0 {
		name += "-photos" + strconv.Itoa(photos)
	}
	if text {
		name += "-text"
	}
	return name
}

// cleanUp moves the outputs and the Hugo site of a size into the trash,
// keeping the generated site for the next run.
func (b *bench) cleanUp(s *size) error {
	for _, dir := range []string{s.out, s.hugo, filepath.Join(s.site, ".blogen-cache")} {
		if err := b.discard(dir); err != nil {
			return fmt.Errorf("clean up: %w", err)
		}
	}
	return nil
}

// postFiles lists the post files of a site, sorted.
func postFiles(site string) ([]string, error) {
	dir := filepath.Join(site, "content", "posts")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no posts", dir)
	}
	return out, nil
}

// describeSite counts what a generated site holds.
func describeSite(site string) (string, error) {
	var posts, withCode, comments int
	var bytes int64
	err := filepath.WalkDir(filepath.Join(site, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch filepath.Base(filepath.Dir(filepath.Dir(p))) {
		case "content":
			if filepath.Base(filepath.Dir(p)) == "posts" {
				posts++
				bytes += info.Size()
				if hasCode(p) {
					withCode++
				}
			}
		case "comments":
			comments++
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("describe %s: %w", site, err)
	}
	return fmt.Sprintf("%s posts, %.0f MB of Markdown, avg %.1f KB, %s with code; %s comments", thousands(posts),
		float64(bytes)/1e6, float64(bytes)/float64(max(posts, 1))/1e3, thousands(withCode), thousands(comments)), nil
}

// hasCode reports whether a post file holds a fenced code block.
func hasCode(file string) bool {
	data, err := os.ReadFile(file)
	return err == nil && strings.Contains(string(data), "\n```")
}

// checkDisk refuses a size when the disk has clearly too little room for
// the site and the outputs of all three tools.
func checkDisk(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return nil // cannot tell: go on
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	need := int64(n)*150_000 + 2e9
	if free < need {
		return fmt.Errorf("%s has %.1f GB free; %s posts need about %.1f GB", dir, float64(free)/1e9, thousands(n), float64(need)/1e9)
	}
	return nil
}

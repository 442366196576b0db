package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// printMachine prints what the numbers were measured on.
func printMachine(w io.Writer, b *bench) {
	fmt.Fprintln(w, "Machine")
	fmt.Fprintf(w, "  CPUs:    %d (%s)\n", runtime.NumCPU(), procField("/proc/cpuinfo", "model name"))
	fmt.Fprintf(w, "  memory:  %s\n", memTotal())
	fmt.Fprintf(w, "  load:    %s (1, 5, 15 min, at start)\n", loadAverage())
	fmt.Fprintf(w, "  go:      %s\n", b.goVersion)
	hugo := b.hugoVersion
	if hugo == "" {
		hugo = "not run (use -hugo)"
	}
	fmt.Fprintf(w, "  hugo:    %s\n", hugo)
	fmt.Fprintf(w, "  corpus:  code blocks in %g%% of the posts (-code-share %g), %d posts with a 12-megapixel photo (-photos %d)\n",
		b.code*100, b.code, b.photos, b.photos)
	if b.text {
		fmt.Fprintln(w, "           no photo files: the posts' images are on another host (-text)")
	}
	names, _ := b.tools()
	fmt.Fprintf(w, "  rounds:  %d per size, each: %s; medians shown\n\n", b.runs, strings.Join(names, ", "))
}

// procField returns the value of the first "key: value" line of a /proc
// file.
func procField(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// memTotal returns the machine's memory in GB.
func memTotal() string {
	kb, err := strconv.ParseFloat(strings.TrimSuffix(procField("/proc/meminfo", "MemTotal"), " kB"), 64)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GB", kb*1024/1e9)
}

// loadAverage returns the first three fields of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// printSize prints the table of one size: medians, then ratios, then
// what failed.
func printSize(w io.Writer, b *bench, s *size) {
	names, _ := b.tools()
	fmt.Fprintf(w, "%s posts (%s; %s)\n", thousands(s.n), s.about, s.generatedOrReuse)
	fmt.Fprintf(w, "  %-14s %10s %10s %10s %10s %6s   %s\n", "", "wall", "CPU", "of it sys", "peak RSS", "ok", "wall of each run (s)")
	for _, name := range names {
		m := summarize(s.samples[name])
		if m.ok == 0 {
			fmt.Fprintf(w, "  %-14s %10s %10s %10s %10s %3d/%-2d\n", name, "failed", "-", "-", "-", m.ok, m.runs)
			continue
		}
		fmt.Fprintf(w, "  %-14s %10s %10s %10s %10s %3d/%-2d   %s\n", name, secs(m.wall), secs(m.cpu), secs(m.sys), mb(m.rssKiB), m.ok, m.runs, runList(m.walls))
	}
	fmt.Fprintf(w, "  %-14s %10s %10s %10s %10s\n", "ratios", "wall", "CPU", "of it sys", "peak RSS")
	printRatio(w, "blogen / floor", s, toolBlogen, toolFloor)
	printRatio(w, "hugo / blogen", s, toolHugo, toolBlogen)
	printRatio(w, "warm / cold", s, toolWarm, toolBlogen)
	printRatio(w, "again / cold", s, toolWarmAgain, toolBlogen)
	for _, name := range names {
		for i, r := range s.samples[name] {
			if r.err != nil {
				fmt.Fprintf(w, "  FAILED round %d %s: %v\n", i+1, name, r.err)
			}
		}
	}
	fmt.Fprintf(w, "  load average after: %s\n\n", loadAverage())
}

// printRatio prints a/b for each measure, when both ran.
func printRatio(w io.Writer, label string, s *size, a, b string) {
	ma, mb := summarize(s.samples[a]), summarize(s.samples[b])
	if ma.ok == 0 || mb.ok == 0 {
		return
	}
	fmt.Fprintf(w, "  %-14s %9.2fx %9.2fx %9.2fx %9.2fx\n", label, ma.wall.Seconds()/mb.wall.Seconds(),
		ma.cpu.Seconds()/mb.cpu.Seconds(), ma.sys.Seconds()/mb.sys.Seconds(), float64(ma.rssKiB)/float64(mb.rssKiB))
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// mb formats KiB as decimal megabytes.
func mb(kib int64) string { return fmt.Sprintf("%.0f MB", float64(kib)*1024/1e6) }

func runList(v []time.Duration) string {
	parts := make([]string, len(v))
	for i, d := range v {
		parts[i] = fmt.Sprintf("%.2f", d.Seconds())
	}
	return strings.Join(parts, " ")
}

// thousands formats n with commas: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package main

import (
	"fmt"
	"io"
	"strings"
)

// target is one performance goal and how to check it.
type target struct {
	text string
	// check returns "met (figure)", "missed by a factor (figure)" or
	// "not measured: why".
	check func(get getter) string
}

// targets are the goals of the performance issue.
var targets = []target{
	{"cold blogen build at 10,000 posts: at most 1.5x the floor (wall time)", func(get getter) string {
		return ratioAtMost(get, 10_000, toolBlogen, toolFloor, 1.5, "x the floor")
	}},
	{"blogen at least 3x faster than Hugo at 10,000 posts (wall and CPU time)", func(get getter) string {
		return ratioAtLeast(get, 10_000, toolHugo, toolBlogen, 3, "x: Hugo's time over blogen's")
	}},
	{"peak RSS of a cold build at 10,000 posts: at most 150 MB", func(get getter) string {
		return rssAtMost(get, 10_000, 150e6)
	}},
	{"peak RSS of a cold build at 100,000 posts: at most 600 MB", func(get getter) string {
		return rssAtMost(get, 100_000, 600e6)
	}},
	{"cold build at 100,000 posts: at most 11x the time at 10,000 (wall time)", func(get getter) string {
		big, ok1 := get(100_000, toolBlogen)
		small, ok2 := get(10_000, toolBlogen)
		if !ok1 || !ok2 {
			return notMeasured(10_000, toolBlogen) + " and " + thousands(100_000) + " posts"
		}
		return atMost(big.wall.Seconds()/small.wall.Seconds(), 11, "x") + cpuRatio(big, small)
	}},
	{"warm build at 10,000 posts, one post edited: at most a tenth of a cold build (wall time)", func(get getter) string {
		return ratioAtMost(get, 10_000, toolWarm, toolBlogen, 0.1, "x the cold build")
	}},
}

// getter returns the summary of one tool at one size, if it ran and
// succeeded at least once.
type getter = func(n int, tool string) (summary, bool)

// printTargets prints each target with "met" or "missed by".
func printTargets(w io.Writer, sizes []*size) {
	get := func(n int, tool string) (summary, bool) {
		for _, s := range sizes {
			if s.n == n {
				m := summarize(s.samples[tool])
				return m, m.ok > 0
			}
		}
		return summary{}, false
	}
	fmt.Fprintln(w, "Targets")
	for _, t := range targets {
		fmt.Fprintf(w, "  %s\n      %s\n", t.text, t.check(get))
	}
}

func ratioAtMost(get getter, n int, a, b string, limit float64, unit string) string {
	ma, ok1 := get(n, a)
	mb, ok2 := get(n, b)
	if !ok1 || !ok2 {
		return notMeasured(n, a, b)
	}
	return atMost(ma.wall.Seconds()/mb.wall.Seconds(), limit, unit) + cpuRatio(ma, mb)
}

// cpuRatio is the same ratio in CPU time, which a busy machine disturbs
// less than wall time.
func cpuRatio(a, b summary) string {
	return fmt.Sprintf("; CPU time %.2fx", a.cpu.Seconds()/b.cpu.Seconds())
}

func ratioAtLeast(get getter, n int, a, b string, limit float64, unit string) string {
	ma, ok1 := get(n, a)
	mb, ok2 := get(n, b)
	if !ok1 || !ok2 {
		return notMeasured(n, a, b)
	}
	got := ma.wall.Seconds() / mb.wall.Seconds()
	cpu := ma.cpu.Seconds() / mb.cpu.Seconds()
	worst := min(got, cpu)
	if worst >= limit {
		return fmt.Sprintf("met (%.2f%s)", got, unit) + cpuRatio(ma, mb)
	}
	return fmt.Sprintf("missed by %.2fx (%.2f%s)", limit/worst, got, unit) + cpuRatio(ma, mb)
}

func rssAtMost(get getter, n int, limit float64) string {
	m, ok := get(n, toolBlogen)
	if !ok {
		return notMeasured(n, toolBlogen)
	}
	got := float64(m.rssKiB) * 1024
	if got <= limit {
		return fmt.Sprintf("met (%s)", mb(m.rssKiB))
	}
	return fmt.Sprintf("missed by %.2fx (%s)", got/limit, mb(m.rssKiB))
}

// atMost judges a figure against an upper limit.
func atMost(got, limit float64, unit string) string {
	if got <= limit {
		return fmt.Sprintf("met (%.2f%s)", got, unit)
	}
	return fmt.Sprintf("missed by %.2fx (%.2f%s)", got/limit, got, unit)
}

// notMeasured says that the tools did not all run successfully at size n
// (in this run).
func notMeasured(n int, tools ...string) string {
	return fmt.Sprintf("not measured: needs a successful %s run at %s posts", strings.Join(tools, " and "), thousands(n))
}

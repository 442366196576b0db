package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// sample is one measured run of a child process.
type sample struct {
	wall, cpu time.Duration
	sys       time.Duration // the part of cpu spent in the kernel
	rssKiB    int64         // peak resident set size
	err       error         // the run failed: it is reported, not counted
}

// measure runs name with args in dir and measures it: wall time around
// the whole process, user+system CPU time and peak RSS from its rusage.
// A process whose resident memory passes b.maxRSS bytes (when set) is
// killed, so that one runaway build cannot take a shared machine down.
// The file systems are synced first, so that no run pays for writing
// back the files of the run before it.
func (b *bench) measure(ctx context.Context, dir, name string, args ...string) sample {
	syscall.Sync()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out := &tail{max: 4096}
	cmd.Stdout, cmd.Stderr = out, out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{err: fmt.Errorf("%s: %w", name, err)}
	}
	done := make(chan struct{})
	killed := watchRSS(cmd.Process, b.maxRSS, done)
	err := cmd.Wait()
	close(done)
	s := sample{wall: time.Since(start)}
	if st := cmd.ProcessState; st != nil {
		s.cpu, s.sys = st.UserTime()+st.SystemTime(), st.SystemTime()
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			s.rssKiB = ru.Maxrss // KiB on Linux
		}
	}
	if killed.Load() {
		err = fmt.Errorf("killed: resident memory passed -max-rss %s", mb(b.maxRSS/1024))
	}
	if err != nil {
		s.err = fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, indent(out.String()))
	}
	return s
}

// watchRSS kills p when its resident memory passes limit bytes, looking
// every quarter of a second until done is closed. A limit of 0 watches
// nothing. The result turns true if p was killed.
func watchRSS(p *os.Process, limit int64, done <-chan struct{}) *atomic.Bool {
	killed := new(atomic.Bool)
	if limit <= 0 {
		return killed
	}
	status := fmt.Sprintf("/proc/%d/status", p.Pid)
	go func() {
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			kib, err := strconv.ParseInt(strings.TrimSuffix(procField(status, "VmRSS"), " kB"), 10, 64)
			if err == nil && kib*1024 > limit {
				killed.Store(true)
				_ = p.Kill()
				return
			}
		}
	}()
	return killed
}

// tail keeps the last max bytes written to it.
type tail struct {
	max int
	b   []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tail) String() string { return strings.TrimSpace(string(t.b)) }

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// summary is the medians of the successful samples of one tool.
type summary struct {
	ok, runs       int
	wall, cpu, sys time.Duration
	rssKiB         int64
	walls          []time.Duration // every successful wall time, in run order
}

// summarize takes the median of each measure separately.
func summarize(samples []sample) summary {
	s := summary{runs: len(samples)}
	var walls, cpus, syss []time.Duration
	var rss []int64
	for _, x := range samples {
		if x.err != nil {
			continue
		}
		walls, cpus, syss, rss = append(walls, x.wall), append(cpus, x.cpu), append(syss, x.sys), append(rss, x.rssKiB)
	}
	s.ok, s.walls = len(walls), slices.Clone(walls)
	if s.ok > 0 {
		s.wall, s.cpu, s.sys, s.rssKiB = median(walls), median(cpus), median(syss), median(rss)
	}
	return s
}

// median returns the middle value, or the mean of the two middle values.
func median[T int64 | time.Duration](v []T) T {
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

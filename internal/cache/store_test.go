package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

func testKey(i int) Key { return NewHasher("test").String(strconv.Itoa(i)).Key() }

// testEntry returns n bytes that differ from entry to entry.
func testEntry(i, n int) []byte {
	b := make([]byte, n)
	for j := range b {
		b[j] = byte(i*7 + j)
	}
	return b
}

func openStore(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// putAll puts entries from..to-1, of n bytes each.
func putAll(s *Store, from, to, n int) {
	for i := from; i < to; i++ {
		s.Put(testKey(i), testEntry(i, n))
	}
}

// checkHits checks which of entries 0..len(want)-1, of n bytes each, s
// returns, and that those it returns are whole.
func checkHits(t *testing.T, s *Store, n int, want []bool) {
	t.Helper()
	for i, w := range want {
		b, ok := s.Get(testKey(i))
		if ok != w {
			t.Errorf("entry %d: hit %v, want %v", i, ok, w)
		}
		if ok && !bytes.Equal(b, testEntry(i, n)) {
			t.Errorf("entry %d: wrong bytes", i)
		}
	}
}

func all(n int, v bool) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func packFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"+packExt))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func onlyPack(t *testing.T, dir string) string {
	t.Helper()
	files := packFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d packs, want 1", len(files))
	}
	return files[0]
}

func TestStoreRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"small", 10},
		{"a post", 15 << 10},
		{"large", 2 << 20},
	}
	s := openStore(t, t.TempDir())
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, want := testKey(i), testEntry(i, tt.size)
			if _, ok := s.Get(k); ok {
				t.Fatal("hit before Put")
			}
			s.Put(k, want)
			s.Put(k, []byte("other bytes"))
			got, ok := s.Get(k)
			if !ok || !bytes.Equal(got, want) {
				t.Fatalf("Get = %d bytes, %v; want the %d bytes of the first Put", len(got), ok, len(want))
			}
			if len(got) > 0 {
				got[0]++
				if again, _ := s.Get(k); !bytes.Equal(again, want) {
					t.Error("changing what Get returned changed the entry")
				}
			}
		})
	}
}

func TestStoreConcurrent(t *testing.T) {
	s := openStore(t, t.TempDir())
	const workers, entries = 8, 200
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range entries {
				i := (i + w*entries/workers) % entries
				s.Put(testKey(i), testEntry(i, 100+i))
				if b, ok := s.Get(testKey(i)); !ok || !bytes.Equal(b, testEntry(i, 100+i)) {
					t.Errorf("entry %d: not read back", i)
				}
			}
		})
	}
	wg.Wait()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r := openStore(t, s.dir)
	for i := range entries {
		if b, ok := r.Get(testKey(i)); !ok || !bytes.Equal(b, testEntry(i, 100+i)) {
			t.Errorf("entry %d: not read back after reopening", i)
		}
	}
}

// TestStoreReopen reopens a store after a build, which closes it, and
// after a session, which does not.
func TestStoreReopen(t *testing.T) {
	for _, closed := range []bool{true, false} {
		t.Run(fmt.Sprintf("closed=%v", closed), func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t, dir)
			putAll(s, 0, indexAfter+10, 300)
			if closed {
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
			}
			checkHits(t, openStore(t, dir), 300, all(indexAfter+10, true))
			if _, err := os.Stat(filepath.Join(dir, indexName(filepath.Base(onlyPack(t, dir))))); err != nil {
				t.Errorf("no index file: %v", err)
			}
			checkHits(t, openStore(t, dir), 300, all(indexAfter+10, true))
		})
	}
}

// TestStoreDamage damages the pack of three entries of 100 bytes and
// checks that what is damaged is a miss and the store still works.
func TestStoreDamage(t *testing.T) {
	const n = 100
	rec := func(i int) int { return len(packMagic) + i*(headerSize+n) }
	truncate := func(at int) func([]byte) []byte { return func(b []byte) []byte { return b[:at] } }
	flip := func(at int) func([]byte) []byte {
		return func(b []byte) []byte { b[at] ^= 0x40; return b }
	}
	tests := []struct {
		name   string
		damage func([]byte) []byte
		indexed,
		scanned []bool // the hits with an index file and without
	}{
		{"torn entry", truncate(rec(2) + headerSize + n/2), []bool{true, true, false}, []bool{true, true, false}},
		{"torn header", truncate(rec(2) + headerSize/2), []bool{true, true, false}, []bool{true, true, false}},
		{"torn magic", truncate(len(packMagic) / 2), all(3, false), all(3, false)},
		{"flipped entry byte", flip(rec(1) + headerSize + 3), []bool{true, false, true}, []bool{true, false, true}},
		{"flipped length", flip(rec(1) + len(Key{})), []bool{true, false, true}, []bool{true, false, false}},
		{"flipped key", flip(rec(0) + 5), []bool{false, true, true}, []bool{false, false, false}},
		{"flipped magic", flip(2), all(3, false), all(3, false)},
	}
	for _, tt := range tests {
		for _, closed := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/closed=%v", tt.name, closed), func(t *testing.T) {
				dir := t.TempDir()
				s := openStore(t, dir)
				putAll(s, 0, 3, n)
				if closed {
					s.Close()
				}
				file := onlyPack(t, dir)
				b, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, tt.damage(b), 0o600); err != nil {
					t.Fatal(err)
				}
				want := tt.scanned
				if closed {
					want = tt.indexed
				}
				r := openStore(t, dir)
				checkHits(t, r, n, want)
				putAll(r, 0, 3, n)
				checkHits(t, r, n, all(3, true))
			})
		}
	}
}

// TestStoreProcesses has two stores on one folder write at once, as a
// preview server and a build would, and a third read what both wrote.
func TestStoreProcesses(t *testing.T) {
	dir := t.TempDir()
	a, b := openStore(t, dir), openStore(t, dir)
	var wg sync.WaitGroup
	wg.Go(func() { putAll(a, 0, 300, 500) })
	wg.Go(func() { putAll(b, 150, 450, 500) })
	wg.Wait()
	if got := len(packFiles(t, dir)); got != 2 {
		t.Errorf("%d packs, want 2", got)
	}
	checkHits(t, openStore(t, dir), 500, all(450, true))
	a.Close()
	b.Close()
	checkHits(t, openStore(t, dir), 500, all(450, true))
}

// snapshot returns the names, sizes, times and hashes of the packs in dir.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, file := range packFiles(t, dir) {
		info, err := os.Stat(file)
		b, err2 := os.ReadFile(file)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		out = append(out, fmt.Sprintf("%s %d %v %x", filepath.Base(file), info.Size(), info.ModTime(), sha256.Sum256(b)))
	}
	return out
}

func keys(from, to int) map[Key]bool {
	keep := map[Key]bool{}
	for i := from; i < to; i++ {
		keep[testKey(i)] = true
	}
	return keep
}

func TestPruneAllLive(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	putAll(s, 0, 50, 1000)
	if err := s.Prune(keys(0, 50)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := openStore(t, dir)
	putAll(r, 50, 60, 1000)
	before := snapshot(t, dir)
	if err := r.Prune(keys(0, 60)); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, dir); !slices.Equal(before, after) {
		t.Errorf("Prune with every entry alive changed the packs:\n%q\n%q", before, after)
	}
	checkHits(t, r, 1000, all(60, true))
}

func TestPruneCompacts(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	putAll(s, 0, 100, 1000)
	s.Close()
	old := onlyPack(t, dir)
	r := openStore(t, dir)
	if err := r.Prune(keys(0, 10)); err != nil {
		t.Fatal(err)
	}
	want := append(all(10, true), all(90, false)...)
	checkHits(t, r, 1000, want)
	file := onlyPack(t, dir)
	if file == old {
		t.Fatal("the pack mostly dead is still there")
	}
	if info, _ := os.Stat(file); info.Size() != int64(len(packMagic)+10*(headerSize+1000)) {
		t.Errorf("the new pack has %d bytes, want those of 10 entries", info.Size())
	}
	r.Close()
	checkHits(t, openStore(t, dir), 1000, want)
}

func TestPruneDeletesDeadPacks(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	putAll(s, 0, 10, 100)
	s.Close()
	r := openStore(t, dir)
	if err := r.Prune(keys(10, 20)); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) > 0 {
		t.Errorf("left %q", files)
	}
	checkHits(t, r, 100, all(10, false))
}

func TestPruneMergesSmallPacks(t *testing.T) {
	dir := t.TempDir()
	const builds = maxPacks + 5
	for i := range builds {
		s := openStore(t, dir)
		putAll(s, i, i+1, 100+i)
		s.Close()
	}
	r := openStore(t, dir)
	if err := r.Prune(keys(0, builds)); err != nil {
		t.Fatal(err)
	}
	if got := len(packFiles(t, dir)); got != maxPacks+1 {
		t.Errorf("%d packs, want %d", got, maxPacks+1)
	}
	r.Close()
	r = openStore(t, dir)
	for i := range builds {
		if b, ok := r.Get(testKey(i)); !ok || !bytes.Equal(b, testEntry(i, 100+i)) {
			t.Errorf("entry %d lost", i)
		}
	}
}

// TestPackDeletedUnderWriter has one store delete the pack another
// writes to: the writer goes on in a new pack.
func TestPackDeletedUnderWriter(t *testing.T) {
	defer func(d time.Duration) { recheck = d }(recheck)
	recheck = 0
	dir := t.TempDir()
	w := openStore(t, dir)
	putAll(w, 0, 1, 100)
	if err := openStore(t, dir).Prune(nil); err != nil {
		t.Fatal(err)
	}
	if got := len(packFiles(t, dir)); got != 0 {
		t.Fatalf("%d packs after pruning everything", got)
	}
	putAll(w, 1, 2, 100)
	checkHits(t, openStore(t, dir), 100, []bool{false, true})
}

func TestOpenTidies(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name: kept
		"ab/" + testKey(1).String()[2:]: false,
		"zz/notes":                      true,
		".tmp-old":                      false,
		".tmp-new":                      true,
		"gone.idx":                      false,
		"other.pack":                    true,
	}
	for name := range files {
		file := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte("not a pack"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(dir, ".tmp-old"), old, old)
	s := openStore(t, dir)
	for name, kept := range files {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
	s.Put(testKey(1), []byte("x"))
	if b, ok := s.Get(testKey(1)); !ok || string(b) != "x" {
		t.Error("the store does not work beside a file that is not a pack")
	}
}

func TestNilStore(t *testing.T) {
	var s *Store
	s.Put(testKey(1), []byte("x"))
	if _, ok := s.Get(testKey(1)); ok {
		t.Error("a nil store hit")
	}
	if err := s.Prune(nil); err != nil {
		t.Error(err)
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}

func TestClosedStore(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	putAll(s, 0, 1, 10)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	putAll(s, 1, 2, 10)
	checkHits(t, s, 10, all(2, false))
	if err := s.Prune(nil); err != nil || s.Close() != nil {
		t.Error("Prune or Close of a closed store failed")
	}
	checkHits(t, openStore(t, dir), 10, []bool{true, false})
}

// testPack returns a pack of n entries and its records.
func testPack(n int) ([]byte, []record) {
	b := []byte(packMagic)
	var recs []record
	for i := range n {
		e := testEntry(i, 10*i)
		recs = append(recs, record{key: testKey(i), off: int64(len(b)), n: uint32(len(e)), sum: checksum(e)})
		b = appendRecord(b, testKey(i), e)
	}
	return b, recs
}

func FuzzScan(f *testing.F) {
	pack, _ := testPack(3)
	f.Add(pack)
	f.Add(pack[:len(pack)-5])
	f.Fuzz(func(t *testing.T, b []byte) {
		r := bytes.NewReader(b)
		start := int64(len(packMagic))
		recs, end := scan(r, start, int64(len(b)), nil)
		off := start
		for _, rec := range recs {
			if rec.off != off || rec.end() > int64(len(b)) {
				t.Fatalf("record at %d of %d bytes, after %d, in %d bytes", rec.off, rec.n, off, len(b))
			}
			if raw, ok := readRecord(r, rec, nil); ok && checksum(raw[headerSize:]) != rec.sum {
				t.Fatal("readRecord returned a damaged entry")
			}
			off = rec.end()
		}
		if end != off {
			t.Fatalf("scan ended at %d, after its last record at %d", end, off)
		}
	})
}

func FuzzParseIndex(f *testing.F) {
	pack, recs := testPack(3)
	f.Add(encodeIndex(int64(len(pack)), recs), int64(len(pack)))
	f.Add(encodeIndex(int64(len(packMagic)), nil), int64(len(pack)))
	f.Fuzz(func(t *testing.T, b []byte, size int64) {
		checkIndex(t, b, size)
		if len(b) >= 4 {
			// Mend the checksum, so the fuzzer reaches past it.
			body := slices.Clone(b[:len(b)-4])
			checkIndex(t, binary.LittleEndian.AppendUint32(body, checksum(body)), size)
		}
	})
}

// checkIndex parses the index file b of a pack of size bytes and checks
// that what it accepts makes sense.
func checkIndex(t *testing.T, b []byte, size int64) {
	t.Helper()
	recs, covered, ok := parseIndex(b, size)
	if !ok {
		return
	}
	if covered > size {
		t.Fatalf("the index covers %d bytes of a pack of %d", covered, size)
	}
	for _, r := range recs {
		if r.off < int64(len(packMagic)) || r.end() > covered {
			t.Fatalf("record at %d of %d bytes, past %d", r.off, r.n, covered)
		}
	}
	if !bytes.Equal(encodeIndex(covered, recs), b) {
		t.Fatal("the index does not encode back to itself")
	}
}

func BenchmarkPut(b *testing.B) {
	s := openStore(b, b.TempDir())
	entry := testEntry(0, 15<<10)
	n := 0
	for b.Loop() {
		s.Put(testKey(n), entry)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entries/s")
}

// TestKeysStayTheSame pins the key of a few parts: a change to how keys
// are made would make every cache cold and every output written again.
func TestKeysStayTheSame(t *testing.T) {
	got := NewHasher("markdown").String("settings").Bytes([]byte{1, 2, 3}).String("").Key().String()
	if want := "f8763c424583d91ef955558343d55e26352dcc978237a6fde5ae87772268a9cf"; got != want {
		t.Errorf("key = %s, want %s", got, want)
	}
}

// TestOutputKeys pins an output fingerprint and checks that it tells
// apart what it must: other bytes, parts split elsewhere, another kind.
func TestOutputKeys(t *testing.T) {
	key := func(kind string, parts ...string) Key {
		h := NewOutputHasher(kind)
		for _, p := range parts {
			h.String(p)
		}
		return h.Key()
	}
	base := key("output", "/a/index.html", "<p>hi</p>", "true")
	if again := key("output", "/a/index.html", "<p>hi</p>", "true"); again != base {
		t.Errorf("the same parts gave %s, then %s", base, again)
	}
	for name, other := range map[string]Key{
		"other bytes":     key("output", "/a/index.html", "<p>ho</p>", "true"),
		"parts split":     key("output", "/a/index.html<p>", "hi</p>", "true"),
		"other kind":      key("copy", "/a/index.html", "<p>hi</p>", "true"),
		"no minify":       key("output", "/a/index.html", "<p>hi</p>", "false"),
		"a SHA-256 key":   NewHasher("output").String("/a/index.html").String("<p>hi</p>").String("true").Key(),
		"one byte longer": key("output", "/a/index.html", "<p>hi</p> ", "true"),
	} {
		if other == base {
			t.Errorf("%s: same key %s", name, base)
		}
	}
	if got, want := base.String(), "d783e9ad0b4c51fd9d573d577d89ba3300000000000000000000000000000000"; got != want {
		t.Errorf("key = %s, want %s (a change makes every warm build write every output again)", got, want)
	}
}

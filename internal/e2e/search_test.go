package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/blogen/blogen/internal/build"
	"github.com/blogen/blogen/internal/search"
	"github.com/blogen/blogen/internal/sitetest"
)

// jsSearch reads the search page: the titles of the results, the marked
// words of the first, and the bytes of the index fetched so far.
const jsSearch = `window.results = {
  titles: function () { return Array.prototype.map.call(document.querySelectorAll(".search-result-title"), function (h) { return h.textContent; }); },
  marks: function () { var r = document.querySelector(".search-result"); return r ? Array.prototype.map.call(r.querySelectorAll("mark"), function (m) { return m.textContent.toLowerCase(); }) : []; },
  snippetMarks: function () { return document.querySelectorAll(".search-result-snippet mark").length; },
  fetched: function () { return performance.getEntriesByType("resource").filter(function (e) { return e.name.indexOf("/search/") >= 0 && /\.json$/.test(e.name); }); },
  bytes: function () { return this.fetched().reduce(function (n, e) { return n + e.encodedBodySize; }, 0); }
};`

// TestSearchInTheBrowser types a query into the search page and reads
// the results: the post with the words in its title first, the words
// marked in titles and snippets, the query in the address; nothing of
// the index is fetched before the reader types, and a query in the
// address is searched at once.
func TestSearchInTheBrowser(t *testing.T) {
	tb := newTab(t, 1366, 900)
	tb.open("/search/")
	tb.waitFor(`window.blogenSearch !== undefined`, "the search script did not start")
	eval[chromedp.Void](tb, jsSearch)
	if n := eval[int](tb, `results.fetched().length`); n != 0 {
		t.Errorf("the search page fetched %d files of the index before the reader typed", n)
	}
	tb.do(chromedp.SendKeys(chromedp.CSS("#search-q"), "listening"))
	tb.waitFor(`results.titles().length >= 3 && document.querySelector("[data-search-status]").textContent.indexOf("found") >= 0`, "no results for listening")
	titles := eval[[]string](tb, `results.titles()`)
	if !strings.HasPrefix(titles[0], "Listening before talking") {
		t.Errorf("first result %q, want the post with listening in its title; all: %q", titles[0], titles)
	}
	if marks := eval[[]string](tb, `results.marks()`); len(marks) < 2 || marks[0] != "listening" {
		t.Errorf("marked words of the first result: %q", marks)
	}
	if n := eval[int](tb, `results.snippetMarks()`); n < len(titles) {
		t.Errorf("%d marked words in %d snippets", n, len(titles))
	}
	if loc := tb.location(); loc != "/search/?q=listening" {
		t.Errorf("the address is %s, want the query in it", loc)
	}
	if n := eval[int](tb, `results.bytes()`); n == 0 || n > 300<<10 {
		t.Errorf("the query fetched %d bytes of the index", n)
	}

	// A linked search, with a prefix and an English ending: "replies"
	// finds the post about auto-replies by its title.
	tb.open("/search/?q=auto-repl")
	eval[chromedp.Void](tb, jsSearch)
	tb.waitFor(`results.titles().length >= 1`, "no results for a query in the address")
	if got := eval[string](tb, `document.querySelector("#search-q").value`); got != "auto-repl" {
		t.Errorf("the box shows %q, want the query of the address", got)
	}
	if first := eval[[]string](tb, `results.titles()`)[0]; !strings.Contains(first, "auto-replies") {
		t.Errorf("first result for auto-repl: %q", first)
	}
}

// TestSearchScriptReadsWordsAsTheIndexDoes holds the script's reading of
// text to package search's: the same terms, and the same shards.
func TestSearchScriptReadsWordsAsTheIndexDoes(t *testing.T) {
	tb := newTab(t, 800, 600)
	tb.open("/search/")
	tb.waitFor(`window.blogenSearch !== undefined`, "the search script did not start")
	texts := []string{
		"Social Listening, auto-replies!", "a I x2 don't", "Café au lait", "Москва слушает", "社会化媒体 東 京",
		"ソーシャルmedia", strings.Repeat("x", 50), strings.Repeat("é", 30), "Ünïcöde\u0301 naïve", "١٢٣ عربى", "ΕΛΛΗΝΙΚΆ",
	}
	for _, text := range texts {
		var want []string
		search.Tokens(text, func(term string) { want = append(want, term) })
		arg, _ := json.Marshal(text)
		got := eval[[]string](tb, `blogenSearch.tokens(`+string(arg)+`)`)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q: the script reads %q, the index %q", text, got, want)
		}
		n := eval[int](tb, `Number(document.querySelector("[data-search]").getAttribute("data-shards"))`)
		for _, term := range want {
			arg, _ := json.Marshal(term)
			if got, want := eval[int](tb, `blogenSearch.shardOf(`+string(arg)+`)`), search.ShardOf(term, n); got != want {
				t.Errorf("%q: the script looks in shard %d, the index puts it in %d", term, got, want)
			}
		}
	}
}

// TestTableOfContentsScrollsToHeadings follows each link of a long post's
// table of contents: the heading it names comes to the top of the window,
// and its # link shows on keyboard focus.
func TestTableOfContentsScrollsToHeadings(t *testing.T) {
	tb := newTab(t, 1366, 700)
	tb.media(map[string]string{"prefers-reduced-motion": "reduce"})
	tb.open("/2012/10/live-tweeting-a-conference/")
	ids := eval[[]string](tb, `Array.prototype.map.call(document.querySelectorAll(".toc a"), function (a) { return a.getAttribute("href").slice(1); })`)
	if len(ids) < 3 {
		t.Fatalf("the table of contents has %d links", len(ids))
	}
	for i, id := range ids {
		arg, _ := json.Marshal(id)
		tb.do(chromedp.Click(chromedp.CSS(`.toc li:nth-child(` + strconv.Itoa(i+1) + `) a`)))
		tb.waitFor(`Math.abs(document.getElementById(`+string(arg)+`).getBoundingClientRect().top) < 40`, "the link to #"+id+" does not bring its heading to the top")
	}
	tb.do(chromedp.Focus(chromedp.CSS(".post-body h2 .anchor")))
	if o := eval[string](tb, `getComputedStyle(document.querySelector(".post-body h2 .anchor")).opacity`); o != "1" {
		t.Errorf("a focused heading link has opacity %s", o)
	}
}

// TestSearchOnALargeSite builds a generated site of 10,000 posts (1,000
// with -short or under the race detector; make test runs it at full size
// without) and searches it: the first result has the words in its title,
// and the query costs the reader a few hundred KB at most.
func TestSearchOnALargeSite(t *testing.T) {
	n := 10000
	if testing.Short() || raceDetector {
		n = 1000
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{SiteDir: sitetest.Generated(t, n), OutDir: out, Now: demoNow}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(withAvatars(out, http.FileServer(http.Dir(out))))
	t.Cleanup(srv.Close)
	// A phone's width: the sidebar, whose avatars the generated site does
	// not have, is below the fold and its images are not loaded.
	tb := newTabOn(t, srv.URL, 390, 800)
	tb.open("/search/")
	tb.waitFor(`window.blogenSearch !== undefined`, "the search script did not start")
	eval[chromedp.Void](tb, jsSearch)
	var newest struct {
		Title string `json:"t"`
	}
	if b, err := os.ReadFile(filepath.Join(out, "search/d/0.json")); err != nil || json.Unmarshal(b, &newest) != nil {
		t.Fatalf("the newest post's file of the index: %v", err)
	}
	for _, q := range []string{"grocery delivery", "engagement", strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer(",", "", ":", "").Replace(newest.Title)))[:3], " ")} {
		eval[chromedp.Void](tb, `performance.clearResourceTimings()`)
		eval[chromedp.Void](tb, `document.querySelector("#search-q").value = ""`)
		tb.do(chromedp.SendKeys(chromedp.CSS("#search-q"), q))
		arg, _ := json.Marshal(q)
		tb.waitFor(`results.titles().length > 0 && document.querySelector("[data-search-status]").textContent.indexOf(`+string(arg)+`) >= 0`, "no results for "+q)
		first := strings.ToLower(eval[[]string](tb, `results.titles()`)[0])
		for _, w := range strings.Fields(q) {
			if !strings.Contains(first, w) {
				t.Errorf("%q: first result %q lacks %q in its title", q, first, w)
			}
		}
		bytes, files := eval[int](tb, `results.bytes()`), eval[int](tb, `results.fetched().length`)
		t.Logf("%q on %d posts: %d bytes in %d files", q, n, bytes, files)
		if bytes > 400<<10 {
			t.Errorf("%q fetched %d bytes of the index", q, bytes)
		}
	}
}

// withAvatars answers for the avatars the generated site names and does
// not have with a blank image, which the browser would otherwise report
// as errors of the page.
func withAvatars(dir string, h http.Handler) http.Handler {
	blank := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/images/avatars/") {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.URL.Path))); err != nil {
				w.Header().Set("Content-Type", "image/gif")
				w.Write(blank)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// testTheme is a minimal theme: every kind's page template, a base layout
// and one partial. The post template fails when a post's Fail is set, on
// line 3.
func testTheme() fstest.MapFS {
	fsys := fstest.MapFS{
		"layouts/baseof.html":             {Data: []byte(`<title>{{.Title}}</title>{{block "main" .}}{{end}}`)},
		"layouts/partials/card.html":      {Data: []byte(`<a href="{{.URL}}">{{.Title}}</a>`)},
		"layouts/post.html":               {Data: []byte("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{if .Fail}}{{.Missing.Field}}{{end}}{{template \"partials/card.html\" .}}\n{{end}}")},
		"layouts/partials/attribute.html": {Data: []byte(`<p title="{{.}}">`)},
		"layouts/partials/map.html":       {Data: []byte(`<ul>{{range $k, $v := .}}<li>{{$k}}={{$v}}</li>{{end}}</ul>`)},
	}
	for _, kind := range Kinds {
		if _, ok := fsys["layouts/"+kind+".html"]; !ok {
			fsys["layouts/"+kind+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Title}}{{end}}`)}
		}
	}
	return fsys
}

// testPage is the data of testTheme's pages.
type testPage struct {
	Title, URL string
	Fail       bool
	Missing    *struct{ Field string }
}

// TestCompiledPagesMatchAndErrorsNameTheLine runs a kind of page many
// times: after the first run the pages come from the compiled template,
// the same as html/template's, and a page that fails is reported at the
// template's file and line as html/template reports it.
func TestCompiledPagesMatchAndErrorsNameTheLine(t *testing.T) {
	tmpl, err := Load(testTheme(), nil, Options{Funcs: template.FuncMap{}})
	if err != nil {
		t.Fatal(err)
	}
	checked := tmpl.Checked()
	for i := range 5 {
		page := testPage{Title: fmt.Sprintf("Post <%d> & \"more\"", i), URL: fmt.Sprintf("/p/%d/?a=1&b=<2>", i)}
		got, err := tmpl.Render("post", page)
		if err != nil {
			t.Fatal(err)
		}
		want, err := checked.Render("post", page)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("page %d: compiled\n%s\nhtml/template\n%s", i, got, want)
		}
	}
	if s := tmpl.Stats(); s.Compiled != 4 || s.Fallbacks != 0 || s.Mismatches != 0 || s.Checked != 4 {
		t.Errorf("stats %+v; want 4 pages compiled, 4 checked, none handed over or different", s)
	}
	_, err = tmpl.Render("post", testPage{Title: "Broken", Fail: true})
	if err == nil || !strings.Contains(err.Error(), "layouts/post.html:3:") || !strings.Contains(err.Error(), "nil pointer evaluating") {
		t.Errorf("error %v; want one at layouts/post.html:3: about the nil pointer", err)
	}
	if s := tmpl.Stats(); s.Fallbacks != 1 {
		t.Errorf("stats %+v; want the failing page handed to html/template once", s)
	}
}

// TestPartialsRunCompiled runs a partial many times, as Page.Cached does,
// in text and in an attribute.
func TestPartialsRunCompiled(t *testing.T) {
	tmpl, err := Load(testTheme(), nil, Options{Funcs: template.FuncMap{}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		got, err := tmpl.Partial("partials/attribute.html", fmt.Sprintf(`"%d" <&>`, i))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf(`<p title="&#34;%d&#34; &lt;&amp;&gt;">`, i); string(got) != want {
			t.Errorf("partial: %s, want %s", got, want)
		}
	}
	if s := tmpl.Stats(); s.Compiled != 2 {
		t.Errorf("stats %+v; want the runs after the first compiled", s)
	}
}

// TestFallbackWritesWholePage runs a partial the compiler hands back
// halfway (a range over a map): the page written is html/template's
// alone, without what the compiled template had written.
func TestFallbackWritesWholePage(t *testing.T) {
	tmpl, err := Load(testTheme(), nil, Options{Funcs: template.FuncMap{}})
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]int{"b": 2, "a": 1}
	for range 3 {
		got, err := tmpl.Partial("partials/map.html", data)
		if err != nil {
			t.Fatal(err)
		}
		if want := "<ul><li>a=1</li><li>b=2</li></ul>"; string(got) != want {
			t.Errorf("partial: %s, want %s", got, want)
		}
	}
	if s := tmpl.Stats(); s.Fallbacks != 2 || s.Compiled != 0 {
		t.Errorf("stats %+v; want the runs after the first handed over", s)
	}
}

// TestRecycledPagesAreWrittenAgain renders pages, handing some back with
// Recycle: a page handed back is the room of a later one, and a page kept
// is never written over.
func TestRecycledPagesAreWrittenAgain(t *testing.T) {
	tmpl, err := Load(testTheme(), nil, Options{Funcs: template.FuncMap{}})
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string][]byte{}
	for i := range 50 {
		title := fmt.Sprintf("Post %d", i)
		page, err := tmpl.Render("post", testPage{Title: title, URL: "/p/"})
		if err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			kept[title] = page
			continue
		}
		if !bytes.Contains(page, []byte("<h1>"+title+"</h1>")) {
			t.Fatalf("page %d: %s", i, page)
		}
		Recycle(page)
	}
	for title, page := range kept {
		if !bytes.Contains(page, []byte("<h1>"+title+"</h1>")) || bytes.Count(page, []byte("<h1>")) != 1 {
			t.Errorf("kept page %q written over: %s", title, page)
		}
	}
}

// TestStatsSayWhyHTMLTemplateRan runs a partial three times and checks
// how many runs were compiled and why html/template wrote the others.
func TestStatsSayWhyHTMLTemplateRan(t *testing.T) {
	tests := []struct {
		name    string
		partial string
		data    any
		plain   bool
		want    Stats
		why     string // what the first refusal or fallback says
	}{
		{name: "compiled after the first run", partial: "partials/attribute.html", data: "x",
			want: Stats{Compiled: 2, FirstRuns: 1}},
		{name: "handed back by the compiled template", partial: "partials/map.html", data: map[string]int{"a": 1},
			want: Stats{FirstRuns: 1, Fallbacks: 2}, why: "range over a map is not compiled"},
		{name: "not compiled", partial: "partials/declares.html", data: 1,
			want: Stats{FirstRuns: 1, Refused: 2}, why: "a variable declared in an argument of and"},
		{name: "plain templates", partial: "partials/attribute.html", data: "x", plain: true,
			want: Stats{Plain: 3}},
		{name: "plain templates, what would fall back", partial: "partials/map.html", data: map[string]int{"a": 1}, plain: true,
			want: Stats{Plain: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme := testTheme()
			theme["layouts/partials/declares.html"] = &fstest.MapFile{Data: []byte(`{{and . ($x := 2)}}{{$x}}`)}
			tmpl, err := Load(theme, nil, Options{Funcs: template.FuncMap{}, Plain: tt.plain})
			if err != nil {
				t.Fatal(err)
			}
			var first template.HTML
			for i := range 3 {
				got, err := tmpl.Partial(tt.partial, tt.data)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = got
				} else if got != first {
					t.Errorf("run %d wrote %q, the first %q", i, got, first)
				}
			}
			s := tmpl.Stats()
			got := Stats{Compiled: s.Compiled, FirstRuns: s.FirstRuns, Refused: s.Refused, Fallbacks: s.Fallbacks, Plain: s.Plain}
			if got != tt.want {
				t.Errorf("stats %+v, want %+v", got, tt.want)
			}
			if why := s.FirstRefusal + s.FirstFallback; !strings.Contains(why, tt.why) || (tt.why == "") != (why == "") {
				t.Errorf("the first reason is %q, want one saying %q", why, tt.why)
			}
			if line := s.String(); !strings.Contains(line, fmt.Sprintf("%d pages and partials compiled, %d through html/template", tt.want.Compiled, 3-tt.want.Compiled)) {
				t.Errorf("String() = %q", line)
			}
		})
	}
}

// TestStatsString checks the line the build's -v output prints.
func TestStatsString(t *testing.T) {
	tests := []struct {
		name  string
		stats Stats
		want  string
	}{
		{"all compiled", Stats{Compiled: 10},
			"Templates: 10 pages and partials compiled, 0 through html/template"},
		{"every reason", Stats{Compiled: 10, FirstRuns: 2, Refused: 3, FirstRefusal: "baseof.html: compile: x", Fallbacks: 1, FirstFallback: "range over a map is not compiled"},
			"Templates: 10 pages and partials compiled, 6 through html/template: 2 first runs of a template, which compile it; " +
				"3 of templates not compiled (first: baseof.html: compile: x); 1 handed back by compiled templates (first: range over a map is not compiled)"},
		{"plain", Stats{Plain: 7},
			"Templates: 0 pages and partials compiled, 7 through html/template: 7 as plain templates were asked for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.stats.String(); got != tt.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

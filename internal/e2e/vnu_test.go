package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/build"
)

// vnuReport is the JSON the Nu HTML Checker prints.
type vnuReport struct {
	Messages []struct {
		Type     string `json:"type"`
		SubType  string `json:"subType"`
		URL      string `json:"url"`
		Line     int    `json:"lastLine"`
		Message  string `json:"message"`
		Extract  string `json:"extract"`
		Severity string `json:"severity"`
	} `json:"messages"`
}

// validate runs the checker over every HTML file below dir and returns its
// errors, one line each.
func validate(t *testing.T, dir string) []string {
	t.Helper()
	java, jar := VNUJar(t)
	cmd := exec.Command(java, "-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Run() // exits 1 when it finds errors; the report says which
	var rep vnuReport
	if err := json.Unmarshal(stderr.Bytes(), &rep); err != nil {
		t.Fatalf("cannot read the checker's report: %v\n%s", err, stderr.String())
	}
	var out []string
	for _, m := range rep.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			rel := strings.TrimPrefix(m.URL, "file:"+dir+"/")
			out = append(out, rel+":"+strconv.Itoa(m.Line)+": "+m.Message+" ["+m.Extract+"]")
		}
	}
	return out
}

// TestDemoPagesPassTheNuHTMLChecker builds the demo blog, drafts and future
// posts included so that every template is used, and checks every page.
func TestDemoPagesPassTheNuHTMLChecker(t *testing.T) {
	VNUJar(t)
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{SiteDir: RepoRoot(t), OutDir: out, Drafts: true, Future: true, Now: time.Now()})
	if err != nil {
		t.Fatalf("the demo blog does not build:\n%v", err)
	}
	if res.Posts < 8 {
		t.Fatalf("the demo blog has %d posts", res.Posts)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "*", "*", "index.html"))
	if len(pages) == 0 {
		t.Fatal("no post pages were built")
	}
	for _, e := range validate(t, out) {
		t.Error(e)
	}
}

// TestCheckerCatchesInvalidHTML makes sure the check above can fail.
func TestCheckerCatchesInvalidHTML(t *testing.T) {
	VNUJar(t)
	dir := t.TempDir()
	bad := `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p></body></html>`
	if err := writeFile(filepath.Join(dir, "bad.html"), bad); err != nil {
		t.Fatal(err)
	}
	if errs := validate(t, dir); len(errs) == 0 {
		t.Fatal("the checker found no error in invalid HTML")
	}
}

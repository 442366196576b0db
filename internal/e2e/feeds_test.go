package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// outputFiles lists the files of the built demo blog whose names end in
// suffix.
func outputFiles(t *testing.T, suffix string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(builtDemo(t), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, suffix) {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFeedsAndSitemapAreWellFormed runs xmllint over every RSS and Atom
// feed and the sitemap of the demo blog, and decodes every JSON Feed.
func TestFeedsAndSitemapAreWellFormed(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		Require(t, "xmllint", "apt-get install libxml2-utils")
	}
	files := outputFiles(t, ".xml")
	if len(files) < 10 {
		t.Fatalf("only %d XML files: %v", len(files), files)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	for _, want := range []string{"sitemap.xml", "index.xml", "atom.xml"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Errorf("no %s in the output", want)
		}
	}
	cmd := exec.Command(xmllint, append([]string{"--noout", "--nonet"}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, stderr.String())
	}
	for _, f := range outputFiles(t, "feed.json") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var feed struct {
			Version string            `json:"version"`
			Items   []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(b, &feed); err != nil || feed.Version == "" {
			t.Errorf("%s is not a JSON Feed: %v", f, err)
		}
	}
}

// TestXMLLintCatchesMalformedXML makes sure the check above can fail.
func TestXMLLintCatchesMalformedXML(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		Require(t, "xmllint", "apt-get install libxml2-utils")
	}
	bad := filepath.Join(t.TempDir(), "bad.xml")
	if err := writeFile(bad, "<rss><channel><title>A & B</title></channel></rss>"); err != nil {
		t.Fatal(err)
	}
	if exec.Command(xmllint, "--noout", "--nonet", bad).Run() == nil {
		t.Fatal("xmllint accepted malformed XML")
	}
}

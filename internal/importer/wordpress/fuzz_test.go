package wordpress

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blogen/blogen/internal/importer/sitewriter"
)

// memSink stages files in memory, so that fuzzing spends its time in the
// parser rather than in the file system, and fails the test on a path that
// is not a clean content path. The file-system side of an import is covered
// by the tests in import_test.go.
type memSink struct {
	t     *testing.T
	files map[string][]byte
}

func (m memSink) Write(rel string, data []byte) error {
	if err := sitewriter.CheckPath(rel); err != nil {
		m.t.Fatal(err)
	}
	m.files[rel] = data
	return nil
}

func (m memSink) WriteNew(rel string, data []byte) (bool, error) {
	return true, m.Write(rel, data)
}

func (m memSink) Exists(string) bool { return false }

func (m memSink) Scratch(string) (*os.File, error) { return nil, errors.New("no scratch files") }

// FuzzWXR imports arbitrary bytes: the import never panics, fails only
// with an error that names the file, and writes only clean content paths.
func FuzzWXR(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.xml")
	bad, _ := filepath.Glob("testdata/bad/*")
	for _, file := range append(seeds, bad...) {
		f.Add(mustRead(f, file))
	}
	f.Add([]byte(`<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><item><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><title>x</title></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sink := memSink{t: t, files: map[string][]byte{}}
		_, err := importInto(context.Background(), bytes.NewReader(data), "fuzz.xml", sink, Options{})
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.xml") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}

package comments

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blogen/blogen/internal/content"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// reportComments are the comments of the golden reports.
func reportComments() []*content.Comment {
	mk := func(post, id string, s content.Status, body string) *content.Comment {
		return &content.Comment{Source: "content/comments/" + post + "/" + id + ".md", Post: post, ID: id,
			Status: s, Date: time.Date(2013, 6, 10, 9, 30, 0, 0, time.UTC), Body: []byte(body)}
	}
	return []*content.Comment{
		mk("x", "001", content.StatusApproved, bankStory),
		mk("x", "002", content.StatusPending, "Great article!!"),
		mk("x", "003", content.StatusApproved, bankStory+" https://en.wikipedia.org/wiki/A and https://hbr.org/2019/11/the-right-way-to-recover"),
		mk("y", "001", content.StatusPending, avatarStory+" https://bit.ly/3kYdX9q"),
		mk("y", "002", content.StatusRejected, `<script>alert(1)</script> `+avatarStory),
	}
}

func TestReportGolden(t *testing.T) {
	r := LintAll(defaultLinter(t), reportComments())
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return r.WriteText(b) }},
		{"report.json", func(b *bytes.Buffer) error { return r.WriteJSON(b) }},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := tc.write(&b); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", tc.file)
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", golden, b.String())
		}
	}
}

func TestReportTextLine(t *testing.T) {
	cs := reportComments()[2:3]
	var b bytes.Buffer
	if err := LintAll(defaultLinter(t), cs).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := "content/comments/x/003.md: reject [too-many-links] 2 links; the policy allows 1\n"
	if b.String() != want {
		t.Errorf("WriteText =\n%q\nwant\n%q", b.String(), want)
	}
}

func TestReportJSONParses(t *testing.T) {
	var b bytes.Buffer
	if err := LintAll(defaultLinter(t), reportComments()).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Failed   bool
		Comments []struct {
			File     string
			Verdict  Verdict
			Findings []Finding
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Failed || len(got.Comments) != 5 || got.Comments[0].Findings == nil {
		t.Errorf("decoded %+v", got)
	}
}

func TestReportFailed(t *testing.T) {
	l := defaultLinter(t)
	cs := reportComments()
	tests := []struct {
		name     string
		comments []*content.Comment
		want     bool
	}{
		{"nothing", nil, false},
		{"approved and clean", cs[:1], false},
		{"pending and brief", cs[1:2], false},
		{"approved with too many links", cs[2:3], true},
		{"rejected with a script", cs[4:5], false},
		{"all", cs, true},
	}
	for _, tc := range tests {
		if got := LintAll(l, tc.comments).Failed(); got != tc.want {
			t.Errorf("%s: Failed() = %v, want %v", tc.name, got, tc.want)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestReportWriteErrors(t *testing.T) {
	r := LintAll(defaultLinter(t), reportComments())
	if err := r.WriteText(failingWriter{}); err == nil {
		t.Error("WriteText to a failing writer: no error")
	}
	if err := r.WriteJSON(failingWriter{}); err == nil {
		t.Error("WriteJSON to a failing writer: no error")
	}
}

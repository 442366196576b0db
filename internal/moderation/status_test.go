package moderation

import (
	"testing"

	"github.com/blogen/blogen/internal/content"
)

func TestRewriteStatus(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"yaml bare",
			"---\nauthor: Ana\nstatus: pending\ndate: 2013-06-10\n---\nBody status: pending\n",
			"---\nauthor: Ana\nstatus: approved\ndate: 2013-06-10\n---\nBody status: pending\n"},
		{"yaml quoted with comment",
			"---\nstatus: \"pending\"   # set by the form\n---\nx\n",
			"---\nstatus: \"approved\"   # set by the form\n---\nx\n"},
		{"yaml single-quoted, capital key",
			"---\nStatus: 'Pending'\n---\nx\n",
			"---\nStatus: 'approved'\n---\nx\n"},
		{"yaml empty value",
			"---\nstatus:\ndate: 2013-06-10\n---\nx\n",
			"---\nstatus: approved\ndate: 2013-06-10\n---\nx\n"},
		{"yaml nested status untouched",
			"---\nextra:\n  status: pending\n---\nx\n",
			"---\nextra:\n  status: pending\nstatus: approved\n---\nx\n"},
		{"yaml absent",
			"---\nauthor: Ana\n---\nx\n",
			"---\nauthor: Ana\nstatus: approved\n---\nx\n"},
		{"yaml absent, blank line before the end",
			"---\nauthor: Ana\n\n---\nx\n",
			"---\nauthor: Ana\nstatus: approved\n\n---\nx\n"},
		{"yaml crlf",
			"---\r\nauthor: Ana\r\nstatus: pending\r\n---\r\nx\r\n",
			"---\r\nauthor: Ana\r\nstatus: approved\r\n---\r\nx\r\n"},
		{"yaml crlf absent",
			"---\r\nauthor: Ana\r\n---\r\nx\r\n",
			"---\r\nauthor: Ana\r\nstatus: approved\r\n---\r\nx\r\n"},
		{"yaml with bom",
			"\uFEFF---\nstatus: pending\n---\nx\n",
			"\uFEFF---\nstatus: approved\n---\nx\n"},
		{"toml",
			"+++\nauthor = \"Ana\"\nstatus = \"pending\" # form\n+++\nx\n",
			"+++\nauthor = \"Ana\"\nstatus = \"approved\" # form\n+++\nx\n"},
		{"toml literal string",
			"+++\nstatus = 'pending'\n+++\nx\n",
			"+++\nstatus = 'approved'\n+++\nx\n"},
		{"toml absent, before a table",
			"+++\nauthor = \"Ana\"\n\n[extra]\nstatus = \"pending\"\n+++\nx\n",
			"+++\nauthor = \"Ana\"\nstatus = \"approved\"\n\n[extra]\nstatus = \"pending\"\n+++\nx\n"},
		{"toml absent",
			"+++\nauthor = \"Ana\"\n+++\nx\n",
			"+++\nauthor = \"Ana\"\nstatus = \"approved\"\n+++\nx\n"},
		{"json",
			"{\n  \"author\": \"Ana\",\n  \"status\": \"pending\",\n  \"date\": \"2013-06-10\"\n}\nx\n",
			"{\n  \"author\": \"Ana\",\n  \"status\": \"approved\",\n  \"date\": \"2013-06-10\"\n}\nx\n"},
		{"json status last",
			"{\"author\": \"Ana\", \"Status\" :  \"pending\"}\nx\n",
			"{\"author\": \"Ana\", \"Status\" :  \"approved\"}\nx\n"},
		{"json nested status untouched",
			"{\n  \"extra\": {\"status\": \"pending\"},\n  \"author\": \"Ana\"\n}\nx\n",
			"{\n  \"extra\": {\"status\": \"pending\"},\n  \"author\": \"Ana\",\n  \"status\": \"approved\"\n}\nx\n"},
		{"json absent, one line",
			"{\"author\": \"Ana\"}\nx\n",
			"{\"author\": \"Ana\", \"status\": \"approved\"}\nx\n"},
		{"json absent, tabs and crlf",
			"{\r\n\t\"author\": \"Ana\"\r\n}\r\nx\r\n",
			"{\r\n\t\"author\": \"Ana\",\r\n\t\"status\": \"approved\"\r\n}\r\nx\r\n"},
		{"json empty object",
			"{}\nx\n",
			"{\"status\": \"approved\"}\nx\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rewriteStatus([]byte(tc.src), content.StatusApproved)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("rewriteStatus =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestRewriteStatusErrors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		status content.Status
	}{
		{"no front matter", "just text\n", content.StatusApproved},
		{"unclosed yaml", "---\nstatus: pending\n", content.StatusApproved},
		{"unclosed toml", "+++\nstatus = \"pending\"\n", content.StatusApproved},
		{"broken json", "{\"status\": \n", content.StatusApproved},
		{"unknown status", "---\nstatus: pending\n---\n", content.Status("published")},
	}
	for _, tc := range tests {
		if _, err := rewriteStatus([]byte(tc.src), tc.status); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

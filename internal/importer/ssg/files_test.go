package ssg

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadFirst(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = 'B'"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "hugo.toml"), 0o755); err != nil { // a folder cannot be read
		t.Fatal(err)
	}
	tests := []struct {
		names         []string
		want, content string
		err           bool
	}{
		{[]string{"zola.toml", "config.toml"}, "config.toml", "title = 'B'", false},
		{[]string{"zola.toml"}, "", "", false},
		{[]string{"hugo.toml", "config.toml"}, "", "", true},
	}
	for _, tt := range tests {
		name, data, err := ReadFirst(dir, tt.names...)
		if name != tt.want || string(data) != tt.content || (err != nil) != tt.err {
			t.Errorf("ReadFirst(%v) = %q, %q, %v", tt.names, name, data, err)
		}
	}
}

package build

import "testing"

func TestHashedName(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"theme/style.css", "", "theme/style.e3b0c44298fc1c14.css"},
		{"theme/blogen.js", "x", "theme/blogen.2d711642b726b044.js"},
		{"theme/a.b.css", "", "theme/a.b.e3b0c44298fc1c14.css"},
	}
	for _, tt := range tests {
		if got := hashedName(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("hashedName(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

package config

import (
	"strings"
	"testing"
)

func TestIntakeDefaultsAndValues(t *testing.T) {
	cfg, err := Parse([]byte("base_url = \"https://blog.example.org/x/\"\n[comments]\nendpoint = \"\"\nfallback = \"Write to us\"\n[comments.intake]\nflood_seconds = 0\ntrusted_proxies = [\"10.0.0.0/8\", \"::1\"]\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	in := cfg.Comments.Intake
	if in.FloodSeconds != 0 || in.MaxPendingPerPost != 200 || len(in.Proxies()) != 2 || cfg.Comments.Fallback != "Write to us" {
		t.Errorf("%+v", in)
	}
	if got := in.Origins(cfg.BaseURL); len(got) != 1 || got[0] != "https://blog.example.org" {
		t.Errorf("default origins = %v", got)
	}
	if d := DefaultIntake(); d.FloodSeconds != 15 || d.MinSeconds != 3 {
		t.Errorf("defaults: %+v", d)
	}
}

func TestIntakeErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"[comments]\nendpoint = \"comments\"\n", "site.toml:2: comments.endpoint \"comments\" is not a path"},
		{"[comments]\nendpoint = \"ftp://x.org/c\"\n", "comments.endpoint"},
		{"[comments]\nendpoint = \"https://x.org\"\n", "comments.endpoint"},
		{"[comments.intake]\nallowed_origins = [\"https://a.org/blog\"]\n", "site.toml:2: comments.intake.allowed_origins: \"https://a.org/blog\" is not an origin"},
		{"[comments.intake]\ntrusted_proxies = [\"proxy.local\"]\n", "site.toml:2: comments.intake.trusted_proxies"},
		{"[comments.intake]\nflood_seconds = -1\n", "site.toml:2: comments.intake.flood_seconds must not be negative"},
		{"[comments.intake]\nwebhook = \"file:///etc\"\n", "comments.intake.webhook"},
		{"[comments.intake]\nflod_seconds = 1\n", `unknown key "comments.intake.flod_seconds"`},
		{"[comments.intake]\nsmtp_to = [\"mod@example.org\"]\n", "site.toml:2: comments.intake.smtp_to is set, but smtp_addr, needed to send e-mail, is not"},
		{"[comments.intake]\nsmtp_addr = \"smtp.example.org\"\nsmtp_from = \"c@example.org\"\nsmtp_to = [\"m@example.org\"]\n", `comments.intake.smtp_addr "smtp.example.org" is not host:port`},
		{"[comments.intake]\nsmtp_addr = \"smtp.example.org:587\"\nsmtp_to = [\"m@example.org\"]\n", `comments.intake.smtp_from "" is not an e-mail address`},
		{"[comments.intake]\nsmtp_addr = \"smtp.example.org:587\"\nsmtp_from = \"c@example.org\"\n", "comments.intake.smtp_to names no moderator"},
		{"[comments.intake]\nsmtp_addr = \"smtp.example.org:587\"\nsmtp_from = \"c@example.org\"\nsmtp_to = [\"Mod <m@example.org>\"]\n", `comments.intake.smtp_to: "Mod <m@example.org>" is not an e-mail address`},
	} {
		_, err := Parse([]byte(tt.src), "site.toml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.src, err, tt.want)
		}
	}
	smtp := "[comments.intake]\nsmtp_addr = \"smtp.example.org:587\"\nsmtp_from = \"c@example.org\"\nsmtp_to = [\"m@example.org\", \"n@example.org\"]\nsmtp_user = \"c\"\n"
	if _, err := Parse([]byte(smtp), "site.toml"); err != nil {
		t.Errorf("smtp: %v", err)
	}
	for _, ok := range []string{"", "/comments", "https://comments.example.org/comments"} {
		if _, err := Parse([]byte("[comments]\nendpoint = \""+ok+"\"\n"), "site.toml"); err != nil {
			t.Errorf("endpoint %q: %v", ok, err)
		}
	}
}

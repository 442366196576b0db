package intake

import (
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSMTP is an SMTP server on loopback that takes mail without TLS or
// login; it answers the first failFirst sessions with 451 to MAIL FROM.
type fakeSMTP struct {
	ln        net.Listener
	failFirst int
	mu        sync.Mutex
	sessions  int
	mails     []string // the envelope and data of each mail taken
	wg        sync.WaitGroup
}

func newFakeSMTP(t *testing.T, failFirst int) *fakeSMTP {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeSMTP{ln: ln, failFirst: failFirst}
	f.wg.Go(f.accept)
	t.Cleanup(func() { ln.Close(); f.wg.Wait() })
	return f
}

func (f *fakeSMTP) accept() {
	for {
		conn, err := f.ln.Accept()
		if err != nil {
			return
		}
		f.mu.Lock()
		f.sessions++
		fail := f.sessions <= f.failFirst
		f.mu.Unlock()
		f.wg.Go(func() { f.session(conn, fail) })
	}
}

// session speaks just enough SMTP for net/smtp.
func (f *fakeSMTP) session(conn net.Conn, fail bool) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	tp := textproto.NewConn(conn)
	tp.PrintfLine("220 fake ESMTP")
	var mail strings.Builder
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch {
		case verb == "EHLO":
			tp.PrintfLine("250-fake\r\n250 8BITMIME")
		case verb == "MAIL" && fail:
			tp.PrintfLine("451 try again later")
		case verb == "MAIL" || verb == "RCPT":
			mail.WriteString(line + "\n")
			tp.PrintfLine("250 ok")
		case verb == "DATA":
			tp.PrintfLine("354 go on")
			data, _ := tp.ReadDotLines()
			mail.WriteString(strings.Join(data, "\n"))
			f.mu.Lock()
			f.mails = append(f.mails, mail.String())
			f.mu.Unlock()
			tp.PrintfLine("250 taken")
		case verb == "QUIT":
			tp.PrintfLine("221 bye")
			return
		default:
			tp.PrintfLine("250 ok")
		}
	}
}

func (f *fakeSMTP) taken() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mails
}

// TestMail sends the moderators an e-mail through a fake server: once it
// answers, after a refusal, and never when it keeps refusing.
func TestMail(t *testing.T) {
	tests := []struct {
		name      string
		failFirst int
		sessions  int
		mails     int
	}{
		{"sent", 0, 1, 1},
		{"sent after a 451", 1, 2, 1},
		{"dropped after its tries", 10, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFakeSMTP(t, tt.failFirst)
			m := &Mail{Addr: srv.ln.Addr().String(), From: "comments@blog.example.org", To: []string{"mod@example.org", "ed@example.org"}}
			s, n, logs := notifiedService(t, NotifyOptions{Mail: m, Tries: 3, Backoff: time.Millisecond})
			if w := postForm(s, form("name", "Zoë").Encode()); w.Code != 202 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			n.Close(10 * time.Second)
			srv.mu.Lock()
			sessions := srv.sessions
			srv.mu.Unlock()
			mails := srv.taken()
			if sessions != tt.sessions || len(mails) != tt.mails {
				t.Fatalf("%d sessions and %d mails, want %d and %d; log: %s", sessions, len(mails), tt.sessions, tt.mails, logs)
			}
			for _, mail := range mails {
				for _, want := range []string{"MAIL FROM:<comments@blog.example.org>", "RCPT TO:<mod@example.org>", "RCPT TO:<ed@example.org>",
					"Subject: =?utf-8?q?New_comment_by_Zo=C3=AB_on_open_(pending)?=", "Content-Type: text/plain; charset=utf-8",
					"New comment by Zoë on open: the policy says publish"} {
					if !strings.Contains(mail, want) {
						t.Errorf("the mail has no %q:\n%s", want, mail)
					}
				}
				if strings.Contains(mail, "ann@example.org") || strings.Contains(mail, "angry customers") {
					t.Errorf("the mail holds the reader's address or text:\n%s", mail)
				}
			}
		})
	}
}

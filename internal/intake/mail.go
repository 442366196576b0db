package intake

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// Mail sends the moderators an e-mail through an SMTP server, with
// net/smtp: STARTTLS whenever the server offers it, and PLAIN
// authentication (which net/smtp allows only over TLS or to this machine)
// when User is set.
type Mail struct {
	Addr     string   // host:port of the server
	From     string   // the sender's address
	To       []string // the moderators' addresses
	User     string   // "" sends without logging in
	Password string
	// TLS configures STARTTLS; the server's host name is checked against
	// its certificate when nil.
	TLS *tls.Config
	// Now is time.Now when nil.
	Now func() time.Time
}

// send delivers one note as an e-mail.
func (m *Mail) send(ctx context.Context, n note) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	host, _, _ := net.SplitHostPort(m.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: %w", err)
	}
	defer c.Close()
	if err := m.converse(c, host, m.message(n)); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	return nil
}

// converse runs one SMTP session: TLS, login, envelope, message, quit.
func (m *Mail) converse(c *smtp.Client, host string, msg []byte) error {
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := m.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: host}
		}
		if err := c.StartTLS(cfg); err != nil {
			return err
		}
	}
	if m.User != "" {
		if err := c.Auth(smtp.PlainAuth("", m.User, m.Password, host)); err != nil {
			return permanent{err}
		}
	}
	if err := c.Mail(m.From); err != nil {
		return err
	}
	for _, to := range m.To {
		if err := c.Rcpt(to); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// message is the e-mail of a note: plain UTF-8 text, the subject encoded
// as RFC 2047 asks.
func (m *Mail) message(n note) []byte {
	now := time.Now
	if m.Now != nil {
		now = m.Now
	}
	var id [12]byte
	_, _ = rand.Read(id[:])
	subject := fmt.Sprintf("New comment by %s on %s (%s)", n.Author, n.Post, n.Status)
	var b bytes.Buffer
	for _, h := range [][2]string{
		{"From", m.From}, {"To", strings.Join(m.To, ", ")}, {"Subject", mime.QEncoding.Encode("utf-8", subject)},
		{"Date", now().Format(time.RFC1123Z)}, {"Message-ID", "<" + hex.EncodeToString(id[:]) + "@blogen.invalid>"},
		{"MIME-Version", "1.0"}, {"Content-Type", "text/plain; charset=utf-8"}, {"Content-Transfer-Encoding", "8bit"},
	} {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	b.WriteString("\r\n" + n.summary() + "\r\n")
	return b.Bytes()
}

package server

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// loopbackNames are the host names of this machine that every server
// answers to.
var loopbackNames = []string{"localhost", "127.0.0.1", "::1"}

// hosts is what a request's Host header may name: the address the server
// listens on. Anything else is a page that made its own name point here
// (DNS rebinding) and is refused, since the preview shows drafts.
type hosts struct {
	names []string // lower case, IPv6 addresses without brackets
	anyIP bool     // listening on every address (0.0.0.0, ::): any IP literal
	port  string   // "" is any port
}

// newHosts returns the hosts of a server listening on addr (host:port, as
// --bind and --port give it). An empty addr allows the loopback names on
// any port.
func newHosts(addr string) hosts {
	h := hosts{names: slices.Clone(loopbackNames)}
	if addr == "" {
		return h
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	h.port = port
	host = strings.ToLower(host)
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		h.anyIP = true
	} else if !slices.Contains(h.names, host) {
		h.names = append(h.names, host)
	}
	return h
}

// allows reports whether a Host header names the server. A Host without a
// port names port 80.
func (h hosts) allows(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = strings.TrimSuffix(strings.TrimPrefix(hostHeader, "["), "]"), "80"
	}
	host = strings.ToLower(host)
	switch {
	case h.port != "" && port != h.port:
		return false
	case slices.Contains(h.names, host):
		return true
	}
	return h.anyIP && net.ParseIP(host) != nil
}

// String lists the addresses the server answers to, for messages.
func (h hosts) String() string {
	port := h.port
	if port == "" {
		port = "PORT"
	}
	var list []string
	for _, n := range h.names {
		list = append(list, net.JoinHostPort(n, port))
	}
	if h.anyIP {
		list = append(list, "any IP address of this machine, port "+port)
	}
	return strings.Join(list, ", ")
}

// misdirected answers a request whose Host does not name the server.
func (h hosts) misdirected(w http.ResponseWriter, r *http.Request) {
	msg := fmt.Sprintf("blogen serve answers only to %s, not to %q: open the preview at one of those addresses, or use --bind to listen on another", h, r.Host)
	http.Error(w, msg, http.StatusMisdirectedRequest)
}

// crossSite returns why a request that changes something came from
// another site, or "" when it did not: its Sec-Fetch-Site is not
// same-origin (or none, typed by the user), or its Origin names another
// host than the request's Host. A request with neither header is not from
// a browser page, and allowed.
func crossSite(r *http.Request) string {
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
	default:
		return fmt.Sprintf("the browser says it was sent from a page of another site (Sec-Fetch-Site: %s)", site)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return ""
	}
	if u, err := url.Parse(origin); err != nil || u.Host == "" || !strings.EqualFold(u.Host, r.Host) {
		return fmt.Sprintf("it was sent from a page of another site (Origin: %s)", origin)
	}
	return ""
}

package intake

import (
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
)

// originAllowed reports whether a request may post: its Origin is one of
// the allowed ones; without an Origin, its Referer must not name another
// origin. A request with neither (a script, not a browser) may post.
// With Options.SameHost, the origin of the request's own Host may post
// too.
func (s *Service) originAllowed(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" {
		return s.allowedOrigin(o) || s.sameHost(r, o)
	}
	ref := r.Header.Get("Referer")
	if ref == "" {
		return true
	}
	o, ok := originOf(ref)
	return ok && (s.allowedOrigin(o) || s.sameHost(r, o))
}

// sameHost reports whether origin is http or https on the request's own
// Host, when Options.SameHost allows that.
func (s *Service) sameHost(r *http.Request, origin string) bool {
	scheme, host, _ := strings.Cut(origin, "://")
	return s.opts.SameHost && (scheme == "http" || scheme == "https") && host != "" && strings.EqualFold(host, r.Host)
}

func (s *Service) allowedOrigin(o string) bool {
	return slices.Contains(s.origins, strings.ToLower(o))
}

// originOf returns the origin of an absolute URL.
func originOf(raw string) (string, bool) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return "", false
	}
	host, _, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, "?")
	host, _, _ = strings.Cut(host, "#")
	if host == "" || strings.Contains(host, "@") {
		return "", false
	}
	return strings.ToLower(scheme + "://" + host), true
}

// cors sets the CORS headers of an answer to an allowed origin: that
// origin only, no credentials.
func (s *Service) cors(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Vary", "Origin")
	if o := r.Header.Get("Origin"); o != "" && s.allowedOrigin(o) {
		h.Set("Access-Control-Allow-Origin", o)
	}
}

// preflight answers a CORS preflight (OPTIONS) for the endpoint.
func (s *Service) preflight(w http.ResponseWriter, r *http.Request) {
	o := r.Header.Get("Origin")
	if o == "" || !s.allowedOrigin(o) || r.Header.Get("Access-Control-Request-Method") != http.MethodPost {
		w.Header().Add("Vary", "Origin")
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return
	}
	s.cors(w, r)
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Accept")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// clientAddr is the reader's address: the connection's peer, or, when the
// peer is a trusted proxy, the last address of X-Forwarded-For that is not
// a trusted proxy itself.
func (s *Service) clientAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return netip.IPv4Unspecified()
	}
	peer = peer.Unmap()
	if !s.trusted(peer) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer
		}
		if a = a.Unmap(); !s.trusted(a) {
			return a
		}
		peer = a
	}
	return peer
}

func (s *Service) trusted(a netip.Addr) bool {
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

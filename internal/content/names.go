package content

import "strings"

// splitNames splits a byline that names several people the way the
// generators it comes from meant it: "Brian Anderson, David Tolnay, and
// Aaron Turon" and "Ryan Levick and Mara Bos" are three and two authors.
// A byline that starts with "The" names one team ("The Rust and
// WebAssembly Team"), so only its commas split it.
func splitNames(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		part = trimAnd(part)
		if part == "" {
			continue
		}
		if strings.HasPrefix(part, "The ") {
			out = append(out, part)
			continue
		}
		for _, name := range splitAnd(part) {
			if name = trimAnd(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// splitAnd splits s at every " and " and " & ".
func splitAnd(s string) []string {
	s = strings.ReplaceAll(s, " & ", " and ")
	return strings.Split(s, " and ")
}

// trimAnd trims spaces and a leading "and " or "& ", as in the last item
// of "A, B, and C".
func trimAnd(s string) string {
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"and ", "& "} {
		s = strings.TrimSpace(strings.TrimPrefix(s, prefix))
	}
	if s == "and" || s == "&" {
		return ""
	}
	return s
}

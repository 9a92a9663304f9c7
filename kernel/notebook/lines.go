package notebook

import "strings"

// splitLines splits s after every line break, keeping the breaks, as
// Python's str.splitlines(True) does; nbformat stores multi-line strings
// this way. A line break is \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85,
// U+2028 or U+2029.
func splitLines(s string) []string {
	lines := []string{}
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
		case '\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\u0085', '\u2028', '\u2029':
		default:
			continue
		}
		lines = append(lines, string(rs[start:i+1]))
		start = i + 1
	}
	if start < len(rs) {
		lines = append(lines, string(rs[start:]))
	}
	return lines
}

// joinLines is the inverse of splitLines for a value read from a file:
// a string stays as it is, a list of strings is joined.
func joinLines(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case []any:
		var b strings.Builder
		for _, s := range v {
			s, ok := s.(string)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	return "", false
}

// isJSONMime reports whether a MIME type's value is JSON rather than text
// (application/json and application/*+json), which nbformat never splits.
func isJSONMime(mime string) bool {
	return mime == "application/json" ||
		strings.HasPrefix(mime, "application/") && strings.HasSuffix(mime, "+json")
}

// splitMime reports whether nbformat splits the value of mime into lines.
func splitMime(mime string) bool {
	return strings.HasPrefix(mime, "text/") || mime == "application/javascript" || mime == "image/svg+xml"
}

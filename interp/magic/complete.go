package magic

import (
	"strings"
	"unicode"
)

// Complete completes a magic name at cursor (a code-point offset, as
// Jupyter counts): when the text from the start of the cursor's line is
// "%ti" (or "%%ba" on the first line), it returns the magic names that
// fit and the code-point range they replace. ok is false when the cursor
// is not in a magic name, so the caller asks the Go session instead.
func (m *Magics) Complete(code string, cursor int) (matches []string, start, end int, ok bool) {
	runes := []rune(code)
	if cursor < 0 || cursor > len(runes) {
		return nil, 0, 0, false
	}
	lineStart := cursor
	for lineStart > 0 && runes[lineStart-1] != '\n' {
		lineStart--
	}
	before := string(runes[lineStart:cursor])
	word := strings.TrimLeft(before, " \t")
	table, prefix := m.line, "%"
	switch {
	case lineStart == 0 && strings.HasPrefix(word, "%%"):
		table, prefix = m.cell, "%%"
	case strings.HasPrefix(word, "%"):
	default:
		return nil, 0, 0, false
	}
	typed := word[len(prefix):]
	if strings.IndexFunc(typed, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return nil, 0, 0, false
	}
	if prefix == "%" && lineStart > 0 && !atStatementStart(string(runes[:lineStart])) {
		return nil, 0, 0, false
	}
	for _, n := range names(table, prefix) {
		if strings.HasPrefix(n, word) {
			matches = append(matches, n)
		}
	}
	return matches, cursor - len([]rune(word)), cursor, true
}

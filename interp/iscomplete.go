package interp

import (
	"go/scanner"
	"go/token"
	"strings"
)

// isComplete answers is_complete_request: "incomplete" while brackets, a
// raw string or a comment are open or the last token asks for more (an
// operator, a comma, a dot), with the indent for the next line in the
// cell's own style (tabs, or its number of spaces); "invalid" for code
// that no added line can make valid; else "complete". Lines that are
// magics (%, !, ?name) are the magics' business: a %% cell is complete
// once its last line is blank, and other magic lines are left out.
func isComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	first := strings.TrimSpace(code)
	if strings.HasPrefix(first, "%%") {
		if strings.HasSuffix(code, "\n\n") || strings.TrimSpace(lastLine(code)) == "" && strings.Contains(code, "\n") {
			return "complete", ""
		}
		return "incomplete", ""
	}
	src := []byte(withoutMagicLines(code))
	unit := indentUnit(code)
	lines := strings.Split(string(src), "\n")

	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	type opened struct {
		tok  token.Token
		line int // 1-based line where it opened
	}
	var open []opened
	var raw, badString bool
	var sc scanner.Scanner
	sc.Init(file, src, func(_ token.Position, msg string) {
		switch {
		case strings.Contains(msg, "raw string literal not terminated"), strings.Contains(msg, "comment not terminated"):
			raw = true
		case strings.Contains(msg, "not terminated"):
			badString = true // interpreted strings and runes end on their line
		}
	}, scanner.ScanComments)
	last, lastLineNo := token.ILLEGAL, 0
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, opened{tok, file.Line(pos)})
		case token.RPAREN, token.RBRACK, token.RBRACE:
			want := map[token.Token]token.Token{token.RPAREN: token.LPAREN, token.RBRACK: token.LBRACK, token.RBRACE: token.LBRACE}[tok]
			if len(open) == 0 || open[len(open)-1].tok != want {
				return "invalid", ""
			}
			open = open[:len(open)-1]
		case token.COMMENT:
			continue
		case token.SEMICOLON:
			if lit == "\n" {
				continue // inserted at a line end: look at the real last token
			}
		}
		last, lastLineNo = tok, file.Line(pos)
	}
	switch {
	case badString:
		return "invalid", ""
	case raw:
		return "incomplete", "" // an indent would become part of the text
	case len(open) > 0:
		return "incomplete", leading(lines, open[len(open)-1].line) + unit
	case continues(last):
		ind := leading(lines, lastLineNo)
		if lastLineNo < 2 || !continuesLine(lines[lastLineNo-2]) {
			ind += unit // the first continuation line of a statement
		}
		return "incomplete", ind
	}
	if _, err := parseCell(token.NewFileSet(), 0, src); err != nil {
		return "invalid", ""
	}
	return "complete", ""
}

// continues reports whether a line ending with tok must go on.
func continues(tok token.Token) bool {
	switch {
	case tok.IsOperator():
		switch tok {
		case token.RPAREN, token.RBRACK, token.RBRACE, token.SEMICOLON, token.INC, token.DEC, token.ELLIPSIS:
			return false
		}
		return true
	}
	return false
}

// continuesLine reports whether line ends with a token that continues
// the statement on the next line.
func continuesLine(line string) bool {
	src := []byte(line)
	fset := token.NewFileSet()
	var sc scanner.Scanner
	sc.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) {}, 0)
	last := token.ILLEGAL
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		last = tok
	}
	return continues(last)
}

// leading returns the indentation of line n (1-based) of lines.
func leading(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return ""
	}
	l := lines[n-1]
	return l[:len(l)-len(strings.TrimLeft(l, " \t"))]
}

// indentUnit is one level of the cell's indentation: a tab (gofmt's
// style, and the default), or the smallest indent of a cell indented
// with spaces.
func indentUnit(code string) string {
	spaces := 0
	for _, l := range strings.Split(code, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(l, "\t") {
			return "\t"
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); n > 0 && (spaces == 0 || n < spaces) {
			spaces = n
		}
	}
	if spaces == 0 {
		return "\t"
	}
	return strings.Repeat(" ", spaces)
}

// withoutMagicLines blanks the lines that are magics, shell commands or
// help requests, keeping the line count.
func withoutMagicLines(code string) string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") || strings.HasPrefix(t, "?") ||
			strings.HasSuffix(t, "?") && !strings.ContainsAny(t, "\"'`") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// lastLine returns the text after the last newline of code.
func lastLine(code string) string {
	return code[strings.LastIndex(code, "\n")+1:]
}

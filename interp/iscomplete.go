package interp

import (
	"go/scanner"
	"go/token"
	"strings"
)

// isComplete answers is_complete_request: "incomplete" (with the indent
// of the next line) while brackets, a raw string or a comment are open or
// the last token asks for more (an operator, a comma, a dot); "invalid"
// for code that cannot become valid by adding lines; else "complete".
func isComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	src := []byte(code)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var open []token.Token
	unterminated := false
	var sc scanner.Scanner
	sc.Init(file, src, func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			unterminated = true
		}
	}, scanner.ScanComments)
	last := token.ILLEGAL
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, tok)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			want := map[token.Token]token.Token{token.RPAREN: token.LPAREN, token.RBRACK: token.LBRACK, token.RBRACE: token.LBRACE}[tok]
			if len(open) == 0 || open[len(open)-1] != want {
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
		last = tok
	}
	tabs := strings.Repeat("\t", len(open))
	if unterminated {
		return "incomplete", ""
	}
	if len(open) > 0 {
		return "incomplete", tabs
	}
	if continues(last) {
		return "incomplete", "\t"
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

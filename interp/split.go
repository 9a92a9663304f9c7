package interp

import (
	"go/scanner"
	"go/token"
)

// part says where a top-level piece of a cell belongs.
type part int

const (
	partStmt    part = iota // a statement: goes into the cell's function
	partImport              // an import declaration
	partDecl                // a func, method, type or const declaration
	partPackage             // a package clause, as in a whole program pasted into a cell
)

// span is a top-level piece of a cell: bytes [start, end) of the source.
type span struct {
	part       part
	start, end int
}

// splitCell cuts a cell into its top-level imports, declarations and
// statements, in source order. It only scans tokens (go/scanner), tracking
// bracket depth, so it accepts any mix and leaves syntax errors to the
// parser. Top-level var declarations count as statements: they run in
// order with the other statements and their variables persist like
// those of :=.
func splitCell(src []byte) []span {
	type tok struct {
		off  int
		tok  token.Token
		auto bool // a semicolon the scanner inserted at a newline or comment
	}
	var toks []tok
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, src, func(token.Position, string) {}, 0)
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{file.Offset(pos), t, t == token.SEMICOLON && lit == "\n"})
	}
	var spans []span
	add := func(p part, start, end int) {
		if n := len(spans); n > 0 && spans[n-1].part == p && p == partStmt {
			spans[n-1].end = end
			return
		}
		spans = append(spans, span{p, start, end})
	}
	// skipGroup returns the index after the bracket group opening at i.
	skipGroup := func(i int) int {
		depth := 0
		for ; i < len(toks); i++ {
			switch toks[i].tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	isDecl := func(i int) part {
		switch toks[i].tok {
		case token.IMPORT:
			return partImport
		case token.PACKAGE:
			return partPackage
		case token.TYPE, token.CONST:
			return partDecl
		case token.FUNC:
			if i+1 >= len(toks) {
				return partStmt
			}
			switch toks[i+1].tok {
			case token.IDENT:
				return partDecl
			case token.LPAREN: // a method, or a func literal
				j := skipGroup(i + 1)
				if j+1 < len(toks) && toks[j].tok == token.IDENT && toks[j+1].tok == token.LPAREN {
					return partDecl
				}
			}
		}
		return partStmt
	}
	i := 0
	for i < len(toks) {
		start := toks[i].off
		p := isDecl(i)
		// Find the end of this top-level statement or declaration: the
		// next semicolon at depth 0.
		depth := 0
		j := i
		for ; j < len(toks); j++ {
			switch toks[j].tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
			case token.SEMICOLON:
				if depth <= 0 {
					goto done
				}
			}
		}
	done:
		end := len(src)
		if j < len(toks) {
			end = toks[j].off
			if !toks[j].auto {
				end++
			}
			if end > len(src) {
				end = len(src)
			}
			j++
		}
		add(p, start, end)
		i = j
	}
	return spans
}

// blank returns src with every byte outside the spans of part p replaced
// by a space (newlines kept), so that what remains keeps its line and
// column.
func blank(src []byte, spans []span, p part) []byte {
	out := make([]byte, len(src))
	for i, b := range src {
		if b == '\n' {
			out[i] = '\n'
		} else {
			out[i] = ' '
		}
	}
	for _, s := range spans {
		if s.part == p {
			copy(out[s.start:s.end], src[s.start:s.end])
		}
	}
	return out
}

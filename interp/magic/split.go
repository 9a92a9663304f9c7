package magic

import (
	"go/scanner"
	"go/token"
	"strings"
)

// stepKind says what a step of a cell is.
type stepKind int

const (
	goStep    stepKind = iota // Go source, run by the session
	lineStep                  // %name args
	cellStep                  // %%name args, then a body
	shellStep                 // !command
)

// step is one part of a cell, run in order.
type step struct {
	kind stepKind
	line int    // the cell line it starts on
	text string // goStep: the source; shellStep: the command
	call call   // lineStep, cellStep
}

// split cuts a cell whose first line is line first into steps. See the
// package documentation for the rules.
func split(code string, first int) []step {
	lines := strings.SplitAfter(code, "\n")
	if k, indent, ok := cellMagicLine(lines); ok {
		head := strings.TrimRight(lines[k][indent+2:], "\r\n")
		c := parseCall(head, pos{first + k, indent + 3})
		c.body = strings.Join(lines[k+1:], "")
		c.bodyLine = first + k + 1
		return []step{{kind: cellStep, line: first + k, call: c}}
	}
	var steps []step
	var goSrc strings.Builder
	goLine := first
	flush := func(next int) {
		if goSrc.Len() > 0 {
			steps = append(steps, step{kind: goStep, line: goLine, text: goSrc.String()})
			goSrc.Reset()
		}
		goLine = next
	}
	for i, ln := range lines {
		n := first + i
		text := strings.TrimRight(ln, "\r\n")
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		if trimmed == "" || (trimmed[0] != '%' && trimmed[0] != '!') || !atStatementStart(goSrc.String()) {
			goSrc.WriteString(ln)
			continue
		}
		flush(n + 1)
		if trimmed[0] == '!' {
			steps = append(steps, step{kind: shellStep, line: n, text: strings.TrimSpace(trimmed[1:])})
			continue
		}
		steps = append(steps, step{kind: lineStep, line: n, call: parseCall(trimmed[1:], pos{n, indent + 2})})
	}
	flush(0)
	return steps
}

// cellMagicLine finds a cell magic: the first line that is not blank,
// when it starts with %% after its indent. It returns the line's index
// and the indent's length.
func cellMagicLine(lines []string) (k, indent int, ok bool) {
	for k < len(lines)-1 && strings.TrimSpace(lines[k]) == "" {
		k++
	}
	trimmed := strings.TrimLeft(lines[k], " \t")
	return k, len(lines[k]) - len(trimmed), strings.HasPrefix(trimmed, "%%")
}

// parseCall splits "name args" that starts at p into a call.
func parseCall(s string, p pos) call {
	name := s
	args := ""
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		name = s[:i]
		rest := strings.TrimLeft(s[i:], " \t")
		p.col += len(s) - len(rest)
		args = strings.TrimRight(rest, " \t")
	} else {
		p.col += len(s)
	}
	return call{name: name, args: args, argPos: p}
}

// atStatementStart reports whether a new Go statement could start after
// src: no bracket, raw string or block comment is open, and the last
// token ends a statement (the scanner inserted a semicolon at the
// newline), so the next line is not the continuation of an expression.
func atStatementStart(src string) bool {
	if strings.TrimSpace(src) == "" {
		return true
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	open := false
	var s scanner.Scanner
	s.Init(file, []byte(src), func(_ token.Position, msg string) {
		if strings.Contains(msg, "raw string literal not terminated") || strings.Contains(msg, "comment not terminated") {
			open = true
		}
	}, 0)
	depth := 0
	last := token.SEMICOLON
	for {
		_, tok, _ := s.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		last = tok
	}
	return !open && depth <= 0 && last == token.SEMICOLON
}

// GoSource returns the Go part of a cell for the code-intelligence
// requests (complete, inspect, is_complete): every magic and shell line
// becomes an empty line, so offsets of the remaining Go keep their line
// and column. The body of %%time and %%timeit is Go and is kept; the
// body of any other cell magic is blanked.
func GoSource(code string) string {
	lines := strings.SplitAfter(code, "\n")
	blank := func(ln string) string {
		if strings.HasSuffix(ln, "\r\n") {
			return "\r\n"
		}
		if strings.HasSuffix(ln, "\n") {
			return "\n"
		}
		return ""
	}
	if k, indent, ok := cellMagicLine(lines); ok {
		c := parseCall(strings.TrimRight(lines[k][indent+2:], "\r\n"), pos{k + 1, indent + 3})
		head := ""
		for _, ln := range lines[:k+1] {
			head += blank(ln)
		}
		if c.name == "time" || c.name == "timeit" {
			return head + GoSource(strings.Join(lines[k+1:], ""))
		}
		for i := range lines {
			lines[i] = blank(lines[i])
		}
		return strings.Join(lines, "")
	}
	for _, st := range split(code, 1) {
		switch {
		case st.kind == lineStep && (st.call.name == "time" || st.call.name == "timeit"):
			// Keep the statement in place for completion inside it.
			ln := lines[st.line-1]
			lines[st.line-1] = strings.Repeat(" ", st.call.argPos.col-1) + st.call.args + blank(ln)
		case st.kind != goStep:
			lines[st.line-1] = blank(lines[st.line-1])
		}
	}
	return strings.Join(lines, "")
}

// Has reports whether a cell contains a magic or a shell command, so a
// caller can pass a plain Go cell on without this package.
func Has(code string) bool {
	for _, st := range split(code, 1) {
		if st.kind != goStep {
			return true
		}
	}
	return false
}

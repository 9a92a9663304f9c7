package interp

import (
	"go/scanner"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// match is one completion: a name and what it is.
type match struct {
	name string
	kind string // function, method, variable, field, constant, type, package, keyword
	sig  string // a function's signature, a value's type
}

// complete answers complete_request. The cell up to the cursor is
// type-checked with the session's declarations (a probe), so that after
// "x." it lists the members of package, value, type or expression x, and
// otherwise the names in scope at the cursor (locals of the cell above
// the cursor, the session's declarations, imports), packages that would
// be imported automatically, builtins and keywords, that start with the
// fragment before the cursor. Offsets are in code points.
func (s *Session) complete(code string, cursor int) Completion {
	byteCur := runeToByte(code, cursor)
	if c, ok := s.completeImportPath(code, byteCur); ok {
		return c
	}
	start := identStart(code, byteCur)
	prefix := code[start:byteCur]
	c := Completion{Start: utf8.RuneCountInString(code[:start]), End: utf8.RuneCountInString(code[:byteCur])}
	var ms []match
	switch {
	case inTextOrComment(code[:byteCur]):
		// Nothing to complete inside a string or a comment.
	case start > 0 && code[start-1] == '.':
		ms = s.memberMatches(code, start)
	default:
		ms = s.scopeMatches(code, start, prefix)
	}
	return finish(c, ms, prefix)
}

// finish keeps the matches that start with prefix, once each, sorted,
// and describes them in the completion's metadata.
func finish(c Completion, ms []match, prefix string) Completion {
	seen := map[string]bool{}
	var kept []match
	for _, m := range ms {
		if strings.HasPrefix(m.name, prefix) && m.name != "_" && !strings.HasPrefix(m.name, "_gk") && !seen[m.name] {
			seen[m.name] = true
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].name < kept[j].name })
	kinds := make([]any, 0, len(kept))
	for _, m := range kept {
		c.Matches = append(c.Matches, m.name)
		kinds = append(kinds, map[string]any{
			"start": c.Start, "end": c.End, "text": m.name, "type": m.kind, "signature": m.sig,
		})
	}
	c.Metadata = map[string]any{"_jupyter_types_experimental": kinds}
	return c
}

// importLine matches a line that imports a package whose path is being
// typed: import "ne, import x "ne, or "ne inside an import block.
var importLine = regexp.MustCompile(`^\s*(?:import\s+)?(?:[\pL_][\pL\pN_]*\s+|\.\s+)?"([^"]*)$`)

// completeImportPath completes the path of an import being typed, from
// the standard library and the toolkit; ok is false elsewhere.
func (s *Session) completeImportPath(code string, byteCur int) (Completion, bool) {
	lineStart := strings.LastIndex(code[:byteCur], "\n") + 1
	line := code[lineStart:byteCur]
	m := importLine.FindStringSubmatch(line)
	if m == nil || !inImport(code[:lineStart], line) {
		return Completion{}, false
	}
	start := byteCur - len(m[1])
	c := Completion{Start: utf8.RuneCountInString(code[:start]), End: utf8.RuneCountInString(code[:byteCur])}
	var ms []match
	for _, p := range s.fe.ti.std.Paths() {
		if !strings.Contains(p, "internal") && !strings.HasPrefix(p, "vendor/") {
			ms = append(ms, match{name: p, kind: "package", sig: p})
		}
	}
	return finish(c, ms, m[1]), true
}

// inImport reports whether line, which follows the text before, is an
// import: it starts with import, or an import block is open above it.
func inImport(before, line string) bool {
	if strings.HasPrefix(strings.TrimSpace(line), "import") {
		return true
	}
	i := strings.LastIndex(before, "import (")
	return i >= 0 && !strings.Contains(before[i:], ")")
}

// memberMatches lists what can follow the "x." that ends code[:start].
func (s *Session) memberMatches(code string, start int) []match {
	if p := s.newProbe(code, start); p != nil {
		if ms, ok := p.members(); ok {
			return ms
		}
	}
	// The cell around it did not parse or check: try the expression alone.
	x := exprStart(code, start-1)
	if x == start-1 {
		return nil
	}
	if p := s.newProbe(code[x:start], start-x); p != nil {
		if ms, ok := p.members(); ok {
			return ms
		}
	}
	return nil
}

// members lists the members of what the probe's selector names.
func (p *probe) members() ([]match, bool) {
	pkg, t, isType, ok := p.selection()
	if !ok {
		return nil, false
	}
	var out []match
	if pkg != nil {
		for _, n := range pkg.Scope().Names() {
			if token.IsExported(n) {
				out = append(out, describe(pkg.Scope().Lookup(n), p.pkg))
			}
		}
		return out, true
	}
	for _, obj := range selectors(t, isType) {
		if obj.Exported() || obj.Pkg() == p.pkg {
			out = append(out, describe(obj, p.pkg))
		}
	}
	return out, true
}

// selectors lists the fields and methods of a value of type t, or the
// methods of type t for a method expression (isType). A value's methods
// include those of *T: a variable is addressable.
func selectors(t types.Type, isType bool) []types.Object {
	base := t
	if p, ok := t.Underlying().(*types.Pointer); ok && !isType {
		base = p.Elem()
	}
	var out []types.Object
	if st, ok := base.Underlying().(*types.Struct); ok && !isType {
		out = structFields(st)
	}
	ms := types.NewMethodSet(base) // T.M: exactly T's methods
	if _, isPtr := base.Underlying().(*types.Pointer); !isType && !isPtr && !types.IsInterface(base) {
		ms = types.NewMethodSet(types.NewPointer(base))
	}
	for i := range ms.Len() {
		out = append(out, ms.At(i).Obj())
	}
	return out
}

// structFields lists the fields of st and, once each, the fields
// promoted from its embedded structs.
func structFields(st *types.Struct) []types.Object {
	var out []types.Object
	seen := map[string]bool{}
	var walk func(st *types.Struct, depth int)
	walk = func(st *types.Struct, depth int) {
		for i := range st.NumFields() {
			f := st.Field(i)
			if !seen[f.Name()] {
				seen[f.Name()] = true
				out = append(out, f)
			}
			if !f.Embedded() || depth >= 8 {
				continue
			}
			ft := f.Type()
			if p, ok := ft.Underlying().(*types.Pointer); ok {
				ft = p.Elem()
			}
			if est, ok := ft.Underlying().(*types.Struct); ok {
				walk(est, depth+1)
			}
		}
	}
	walk(st, 0)
	return out
}

// scopeMatches lists the names visible at code[:start]: from a probe of
// the cell when it parses, else from the session's package.
func (s *Session) scopeMatches(code string, start int, prefix string) []match {
	var out []match
	if p := s.newProbe(code, start); p != nil {
		for _, obj := range p.litFields() {
			out = append(out, describe(obj, p.pkg))
		}
		for _, obj := range p.scopeNames() {
			out = append(out, describe(obj, p.pkg))
		}
	} else {
		pkg := s.intelPackage()
		s.mu.RLock()
		imports := maps2(s.fe.imports)
		s.mu.RUnlock()
		if pkg != nil {
			for _, n := range pkg.Scope().Names() {
				out = append(out, describe(pkg.Scope().Lookup(n), pkg))
			}
		}
		for n, path := range imports {
			if n[0] != '.' {
				out = append(out, match{name: n, kind: "package", sig: path})
			}
		}
		for _, n := range types.Universe.Names() {
			out = append(out, describe(types.Universe.Lookup(n), pkg))
		}
	}
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if tok.IsKeyword() {
			out = append(out, match{name: tok.String(), kind: "keyword"})
		}
	}
	if prefix != "" {
		for n, paths := range s.fe.names.byName {
			if strings.HasPrefix(n, prefix) {
				out = append(out, match{name: n, kind: "package", sig: paths[0]})
			}
		}
	}
	return out
}

// describe says what kind of name obj is and gives its signature or type,
// qualified relative to the session's package.
func describe(obj types.Object, main *types.Package) match {
	q := func(p *types.Package) string {
		if p == main {
			return ""
		}
		return p.Name()
	}
	m := match{name: obj.Name()}
	switch o := obj.(type) {
	case *types.PkgName:
		m.kind, m.sig = "package", o.Imported().Path()
	case *types.Func:
		m.kind = "function"
		sig := o.Type().(*types.Signature)
		if sig.Recv() != nil {
			m.kind = "method"
		}
		m.sig = strings.TrimPrefix(types.TypeString(sig, q), "func")
	case *types.Builtin:
		m.kind = "function"
	case *types.Var:
		m.kind = "variable"
		if o.IsField() {
			m.kind = "field"
		}
		m.sig = types.TypeString(o.Type(), q)
	case *types.Const:
		m.kind, m.sig = "constant", types.TypeString(o.Type(), q)
	case *types.TypeName:
		m.kind = "type"
	case *types.Nil:
		m.kind = "constant"
	}
	return m
}

// inTextOrComment reports whether the end of src is inside a string or
// rune literal or a comment.
func inTextOrComment(src string) bool {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	open := false
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		}
	}, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return open
		}
		if tok == token.COMMENT && strings.HasPrefix(lit, "//") && file.Offset(pos)+len(lit) == len(src) {
			return true
		}
	}
}

// identStart returns the byte offset where the identifier that ends at
// code[:end] starts.
func identStart(code string, end int) int {
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(code[:end])
		if !isIdentRune(r) {
			break
		}
		end -= n
	}
	return end
}

// exprStart returns where the operand that ends at code[:end] starts:
// identifiers, selectors, and calls or index expressions with their
// brackets (strings inside them included), scanned backwards.
func exprStart(code string, end int) int {
	i := end
	for i > 0 {
		c := code[i-1]
		switch {
		case c == ')' || c == ']':
			j := matchOpen(code, i-1)
			if j < 0 {
				return i
			}
			i = j
		case c == '.' || c < utf8.RuneSelf && isIdentRune(rune(c)):
			i--
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeLastRuneInString(code[:i])
			if !isIdentRune(r) {
				return i
			}
			i -= n
		default:
			return i
		}
	}
	return i
}

// matchOpen returns the offset of the bracket that code[close] closes, or
// -1. Brackets inside string literals are skipped roughly: a quote toggles.
func matchOpen(code string, close int) int {
	depth := 0
	var quote byte
	for i := close; i >= 0; i-- {
		c := code[i]
		if quote != 0 {
			if c == quote && (i == 0 || code[i-1] != '\\') {
				quote = 0
			}
			continue
		}
		switch c {
		case '"', '`', '\'':
			quote = c
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// runeToByte converts a code-point offset into a byte offset of s.
func runeToByte(s string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == cursor {
			return i
		}
		n++
	}
	return len(s)
}

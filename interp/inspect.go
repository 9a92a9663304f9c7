package interp

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"unicode/utf8"
)

// inspect answers inspect_request: the declaration of the name at the
// cursor (x, or pkg.Name / value.Field / value.Method), from the session's
// last type-checked state. detail > 0 adds the cell source of a cell's
// own declaration.
func (s *Session) inspect(code string, cursor, detail int) Inspection {
	b := runeToByte(code, cursor)
	start, end := b, b
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(code[:start])
		if !isIdentRune(r) && r != '.' {
			break
		}
		start -= n
	}
	for end < len(code) {
		r, n := utf8.DecodeRuneInString(code[end:])
		if !isIdentRune(r) {
			break
		}
		end += n
	}
	expr := strings.Trim(code[start:end], ".")
	if expr == "" {
		return Inspection{Data: map[string]any{}}
	}
	pkg := s.intelPackage()
	s.mu.RLock()
	imports := maps2(s.fe.imports)
	var entries []*entry
	entries = append(entries, s.fe.entries...)
	s.mu.RUnlock()
	parts := strings.Split(expr, ".")
	obj, text := s.lookup(pkg, imports, parts)
	if obj == nil {
		return Inspection{Data: map[string]any{}}
	}
	if detail > 0 && obj.Pkg() != nil && obj.Pkg() == pkg {
		for _, e := range entries {
			for _, n := range e.names {
				if n == obj.Name() || strings.HasSuffix(n, "."+obj.Name()) {
					text += fmt.Sprintf("\n\n// declared in cell[%d] line %d\n%s", e.cell, e.line, e.text)
				}
			}
		}
	}
	return Inspection{Found: true, Data: map[string]any{"text/plain": text}}
}

// lookup resolves a dotted name and describes what it names.
func (s *Session) lookup(pkg *types.Package, imports map[string]string, parts []string) (types.Object, string) {
	qual := func(p *types.Package) string {
		if pkg != nil && p == pkg {
			return ""
		}
		return p.Name()
	}
	var obj types.Object
	path, isPkg := imports[parts[0]]
	if !isPkg && (pkg == nil || pkg.Scope().Lookup(parts[0]) == nil) && len(s.fe.names.byName[parts[0]]) > 0 {
		path, isPkg = s.fe.names.byName[parts[0]][0], true
	}
	switch {
	case isPkg && len(parts) == 1:
		return types.NewPkgName(token.NoPos, nil, parts[0], nil), "package " + parts[0] + " // import \"" + path + "\""
	case isPkg:
		p, err := s.fe.ti.Import(path)
		if err != nil {
			return nil, ""
		}
		obj = p.Scope().Lookup(parts[1])
		parts = parts[1:]
	case pkg != nil:
		obj = pkg.Scope().Lookup(parts[0])
		if obj == nil {
			obj = types.Universe.Lookup(parts[0])
		}
	}
	for _, sel := range parts[1:] {
		if obj == nil {
			return nil, ""
		}
		o, _, _ := types.LookupFieldOrMethod(obj.Type(), true, obj.Pkg(), sel)
		obj = o
	}
	if obj == nil {
		return nil, ""
	}
	return obj, types.ObjectString(obj, qual)
}

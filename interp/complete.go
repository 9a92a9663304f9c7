package interp

import (
	"go/token"
	"go/types"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// complete answers complete_request from the session's last type-checked
// state: after "x." the members of package, value or type x; otherwise
// the names in scope (the session's declarations, imports, packages that
// would be imported automatically, builtins and keywords) that start with
// the word before the cursor.
func (s *Session) complete(code string, cursor int) Completion {
	byteCur := runeToByte(code, cursor)
	start := byteCur
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(code[:start])
		if !isIdentRune(r) {
			break
		}
		start -= n
	}
	prefix := code[start:byteCur]
	c := Completion{Start: utf8.RuneCountInString(code[:start]), End: cursor, Metadata: map[string]any{}}
	pkg := s.intelPackage()
	s.mu.RLock()
	imports := maps2(s.fe.imports)
	s.mu.RUnlock()
	seen := map[string]bool{}
	add := func(name string) {
		if strings.HasPrefix(name, prefix) && !strings.HasPrefix(name, "_gk") && !seen[name] {
			seen[name] = true
			c.Matches = append(c.Matches, name)
		}
	}
	if start > 0 && code[start-1] == '.' {
		x := start - 1
		xs := x
		for xs > 0 {
			r, n := utf8.DecodeLastRuneInString(code[:xs])
			if !isIdentRune(r) {
				break
			}
			xs -= n
		}
		for _, name := range s.members(pkg, imports, code[xs:x]) {
			add(name)
		}
	} else {
		if pkg != nil {
			for _, name := range pkg.Scope().Names() {
				add(name)
			}
		}
		for name := range imports {
			if name[0] != '.' {
				add(name)
			}
		}
		for _, name := range types.Universe.Names() {
			add(name)
		}
		for tok := token.BREAK; tok <= token.VAR; tok++ {
			if tok.IsKeyword() {
				add(tok.String())
			}
		}
		if prefix != "" {
			for name := range s.fe.names.byName {
				add(name)
			}
		}
	}
	sort.Strings(c.Matches)
	return c
}

// members lists what can follow "x.": the exported names of package x, or
// the fields and methods of the value or type x.
func (s *Session) members(pkg *types.Package, imports map[string]string, x string) []string {
	var path string
	if p, ok := imports[x]; ok {
		path = p
	} else if pkg != nil && pkg.Scope().Lookup(x) == nil && len(s.fe.names.byName[x]) > 0 {
		path = s.fe.names.byName[x][0]
	}
	if path != "" {
		p, err := s.fe.ti.Import(path)
		if err != nil {
			return nil
		}
		var out []string
		for _, n := range p.Scope().Names() {
			if token.IsExported(n) {
				out = append(out, n)
			}
		}
		return out
	}
	if pkg == nil {
		return nil
	}
	obj := pkg.Scope().Lookup(x)
	if obj == nil {
		return nil
	}
	t := obj.Type()
	if _, isType := obj.(*types.TypeName); isType {
		// Method expressions: T.Method.
		var out []string
		ms := types.NewMethodSet(types.NewPointer(t))
		for i := 0; i < ms.Len(); i++ {
			out = append(out, ms.At(i).Obj().Name())
		}
		return out
	}
	return fieldsAndMethods(t)
}

// fieldsAndMethods lists the selectors of a value of type t.
func fieldsAndMethods(t types.Type) []string {
	var out []string
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			out = append(out, st.Field(i).Name())
		}
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	if types.IsInterface(t) {
		ms = types.NewMethodSet(t)
	}
	for i := 0; i < ms.Len(); i++ {
		out = append(out, ms.At(i).Obj().Name())
	}
	return out
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

package interp

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode/utf8"
)

// inspect answers inspect_request for the name at the cursor (or, right
// after "f(", the function being called): its signature and doc comment,
// as text/plain and as text/markdown. The name is resolved like
// completion resolves the text before the cursor (a probe), so locals
// of the cell, members of expressions and packages not yet imported are
// found. Standard-library and toolkit docs come from their source
// (docs.go); the user's own names from their cell. detail > 0 adds the
// declaration's source.
func (s *Session) inspect(code string, cursor, detail int) Inspection {
	b := runeToByte(code, cursor)
	start, end := identStart(code, b), identEnd(code, b)
	if start == end { // Shift-Tab in "f(": document f
		i := strings.TrimRight(code[:b], " \t")
		if strings.HasSuffix(i, "(") {
			end = len(i) - 1
			start = identStart(code, end)
		}
	}
	name := code[start:end]
	if name == "" || token.IsKeyword(name) {
		return Inspection{Data: map[string]any{}}
	}
	obj, main := s.resolve(code, start, name)
	if obj == nil {
		return Inspection{Data: map[string]any{}}
	}
	qual := func(p *types.Package) string {
		if p == main {
			return ""
		}
		return p.Name()
	}
	sig := types.ObjectString(obj, qual)
	var dd declDoc
	var where string
	switch {
	case isPkgName(obj):
		imp := obj.(*types.PkgName).Imported()
		sig = fmt.Sprintf("package %s // import %q", imp.Name(), imp.Path())
		dd.doc = packageDoc(imp.Path())
	case obj.Pkg() != nil && obj.Pkg() == main:
		dd, where = s.userDoc(obj, main)
	default:
		found := false
		dd, found = s.fe.ti.objectDoc(obj)
		if found && obj.Pkg() == nil && strings.HasPrefix(dd.text, "func ") {
			sig = dd.text // a builtin: its declaration in package builtin
		}
		if tn, ok := obj.(*types.TypeName); ok {
			sig = typeSummary(tn, qual)
		}
	}
	plain, md := sig, "```go\n"+sig+"\n```"
	if dd.doc != "" {
		plain += "\n\n" + strings.TrimSpace(dd.doc)
		md += "\n\n" + strings.TrimSpace(dd.doc)
	}
	if where != "" {
		plain += "\n\n" + where
		md += "\n\n*" + where + "*"
	}
	if detail > 0 && dd.text != "" {
		plain += "\n\n" + dd.text
		md += "\n\n```go\n" + dd.text + "\n```"
	}
	return Inspection{Found: true, Data: map[string]any{"text/plain": plain, "text/markdown": md}}
}

func isPkgName(obj types.Object) bool {
	_, ok := obj.(*types.PkgName)
	return ok
}

// resolve finds what name, typed at code[start:], refers to, and the
// package the session's own names belong to in that answer.
func (s *Session) resolve(code string, start int, name string) (types.Object, *types.Package) {
	if p := s.newProbe(code, start); p != nil {
		if obj := p.lookup(name); obj != nil {
			return obj, p.pkg
		}
	}
	// The cell around it did not parse or check: try the expression alone.
	x := exprStart(code, start)
	p := s.newProbe(code[x:start], start-x)
	if p == nil {
		return nil, nil
	}
	if obj := p.lookup(name); obj != nil {
		return obj, p.pkg
	}
	// A package no cell has imported yet, named alone.
	if paths := s.fe.names.byName[name]; p.sel == nil && len(paths) > 0 {
		if imp, err := s.fe.ti.Import(paths[0]); err == nil {
			return types.NewPkgName(token.NoPos, p.pkg, name, imp), p.pkg
		}
	}
	return nil, nil
}

// lookup resolves name at the probe's hole: as a member of the selector's
// operand, or in the scope at the hole.
func (p *probe) lookup(name string) types.Object {
	if p.sel == nil {
		inner := p.pkg.Scope().Innermost(p.hole.Pos())
		if inner == nil {
			inner = p.pkg.Scope()
		}
		_, obj := inner.LookupParent(name, p.hole.Pos())
		return obj
	}
	pkg, t, _, ok := p.selection()
	switch {
	case !ok:
		return nil
	case pkg != nil:
		return pkg.Scope().Lookup(name)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, p.pkg, name)
	return obj
}

// userDoc finds the cell declaration of one of the session's names: its
// doc comment and source, and where it was declared.
func (s *Session) userDoc(obj types.Object, main *types.Package) (declDoc, string) {
	key := obj.Name()
	if r := recvOf(obj); r != "" {
		key = r + "." + key
	}
	// Copied under the lock: a running cell may commit new entries.
	type decl struct {
		names      []string
		text       string
		spec, typ  bool
		cell, line int
	}
	s.mu.RLock()
	entries := make([]decl, 0, len(s.fe.entries))
	for _, e := range s.fe.entries {
		entries = append(entries, decl{slices.Clone(e.names), e.text, e.spec, e.kind == kindType, e.cell, e.line})
	}
	s.mu.RUnlock()
	try := func(e decl) (declDoc, string, bool) {
		src := "package main\n" + e.text + "\n"
		if e.spec {
			src = "package main\ntype " + e.text + "\n"
		}
		dd, ok := findDecl([]byte(src), 0, obj.Name(), recvOf(obj))
		return dd, fmt.Sprintf("declared in cell[%d] line %d", e.cell, e.line), ok
	}
	// The entry that declares the name, or for a field its struct type.
	for _, e := range entries {
		if v, ok := obj.(*types.Var); ok && v.IsField() && e.typ && declaresField(main, e.names, v) {
			if dd, where, ok := try(e); ok {
				return dd, where
			}
		}
		if slices.Contains(e.names, key) {
			if dd, where, ok := try(e); ok {
				return dd, where
			}
		}
	}
	return declDoc{}, ""
}

// declaresField reports whether one of the types named is a struct with
// field f.
func declaresField(main *types.Package, names []string, f *types.Var) bool {
	for _, n := range names {
		tn, ok := main.Scope().Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == f {
					return true
				}
			}
		}
	}
	return false
}

// identEnd returns where the identifier that contains code[at] ends.
func identEnd(code string, at int) int {
	for at < len(code) {
		r, n := utf8.DecodeRuneInString(code[at:])
		if !isIdentRune(r) {
			break
		}
		at += n
	}
	return at
}

// typeSummary shows an imported type as go doc does: its exported
// fields or methods, then the methods of its pointer.
func typeSummary(tn *types.TypeName, qual types.Qualifier) string {
	var b strings.Builder
	fmt.Fprintf(&b, "type %s.%s ", tn.Pkg().Name(), tn.Name())
	switch u := tn.Type().Underlying().(type) {
	case *types.Struct:
		b.WriteString("struct {\n")
		hidden := false
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() {
				hidden = true
				continue
			}
			fmt.Fprintf(&b, "\t%s %s\n", f.Name(), types.TypeString(f.Type(), qual))
		}
		if hidden {
			b.WriteString("\t// contains unexported fields\n")
		}
		b.WriteString("}")
	case *types.Interface:
		b.WriteString("interface {\n")
		for i := range u.NumMethods() {
			m := u.Method(i)
			if m.Exported() {
				fmt.Fprintf(&b, "\t%s%s\n", m.Name(), strings.TrimPrefix(types.TypeString(m.Type(), qual), "func"))
			}
		}
		b.WriteString("}")
		return b.String()
	default:
		b.WriteString(types.TypeString(u, qual))
	}
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		if m.Exported() {
			fmt.Fprintf(&b, "\nfunc %s", strings.TrimPrefix(types.ObjectString(m, qual), "func "))
		}
	}
	return b.String()
}

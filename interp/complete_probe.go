package interp

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"strings"
)

// holeName stands for the identifier being typed in a probe: the cell up
// to the cursor, with the fragment replaced by it and the open brackets
// closed, so that the cell parses and go/types tells what is in scope at
// the cursor and what type the expression before a dot has.
const holeName = "_gkHole"

// probe is a type-checked copy of the session's package plus the cell
// being typed, up to the cursor.
type probe struct {
	info *types.Info
	pkg  *types.Package
	hole *ast.Ident        // the fragment's identifier
	sel  ast.Expr          // X when the fragment follows "X.", else nil
	lit  *ast.CompositeLit // the literal whose element (or key) the fragment is
}

// newProbe type-checks code[:start] + hole + closers in the context of
// every live declaration of the session. It returns nil when the cell up
// to the cursor cannot be made to parse.
func (s *Session) newProbe(code string, start int) *probe {
	src := code[:start] + holeName + closers(code[:start])
	s.mu.RLock()
	imports := maps2(s.fe.imports)
	type source struct {
		header, text string
		spec         bool
	}
	srcs := make([]source, 0, len(s.fe.entries))
	for _, e := range s.fe.entries {
		srcs = append(srcs, source{e.header(), e.text, e.spec})
	}
	s.mu.RUnlock()

	fset := token.NewFileSet()
	// The session's declarations, as intelPackage builds them, parsed
	// first: the file scope of this hand-made file ends where its last
	// declaration does, so the probe's positions must come after it.
	entries := &ast.File{Name: ast.NewIdent("main")}
	declared := map[string]bool{}
	for _, sr := range srcs {
		text := "package main\n" + sr.header + sr.text + "\n"
		if sr.spec {
			text = "package main\ntype (\n" + sr.header + sr.text + "\n)\n"
		}
		f, err := parser.ParseFile(fset, "", text, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		entries.Decls = append(entries.Decls, f.Decls...)
		for _, d := range f.Decls {
			for _, n := range declNames(d) {
				declared[n] = true
			}
		}
	}
	pc, err := parseCell(fset, 0, []byte(src))
	if err != nil {
		return nil
	}
	p := &probe{}
	ast.Inspect(pc.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == holeName {
				p.hole, p.sel = n.Sel, n.X
				return false
			}
		case *ast.Ident:
			if n.Name == holeName && p.hole == nil {
				p.hole = n
			}
		}
		return p.hole == nil
	})
	if p.hole == nil {
		return nil
	}
	ast.Inspect(pc.file, func(n ast.Node) bool {
		if cl, ok := n.(*ast.CompositeLit); ok {
			for _, e := range cl.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Key
				}
				if e == p.hole {
					p.lit = cl
				}
			}
		}
		return p.lit == nil
	})

	// Packages the cell names without importing them, as autoImport would.
	ast.Inspect(pc.file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && !declared[id.Name] {
				if _, ok := imports[id.Name]; !ok && len(s.fe.names.byName[id.Name]) > 0 {
					imports[id.Name] = s.fe.names.byName[id.Name][0]
				}
			}
		}
		return true
	})
	if g := importDecl(imports, &parsedCell{}); len(g.Specs) > 0 {
		entries.Decls = append([]ast.Decl{g}, entries.Decls...)
	}
	if g := importDecl(imports, pc); len(g.Specs) > 0 {
		pc.file.Decls = append([]ast.Decl{g}, withoutImports(pc.file.Decls)...)
	}
	p.info = &types.Info{
		Types:  map[ast.Expr]types.TypeAndValue{},
		Uses:   map[*ast.Ident]types.Object{},
		Defs:   map[*ast.Ident]types.Object{},
		Scopes: map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: s.fe.ti, GoVersion: "go1.26", Error: func(error) {}}
	p.pkg, _ = conf.Check("main", fset, []*ast.File{entries, pc.file}, p.info)
	return p
}

// withoutImports drops the import declarations of decls.
func withoutImports(decls []ast.Decl) []ast.Decl {
	var out []ast.Decl
	for _, d := range decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		out = append(out, d)
	}
	return out
}

// declNames lists the package-level names a declaration declares.
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				out = append(out, sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}

// closers returns what closes the brackets left open in src, innermost
// first, so that src followed by an identifier and them parses.
func closers(src string) string {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var open []byte
	for {
		_, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN:
			open = append(open, ')')
		case token.LBRACK:
			open = append(open, ']')
		case token.LBRACE:
			open = append(open, '}')
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	var b strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteByte(open[i]) // on the hole's line: "T{x\n}" would need a comma
	}
	return b.String()
}

// scopeNames lists the objects visible at the hole: locals declared
// before it, the package's names, the file's imports and the universe.
func (p *probe) scopeNames() []types.Object {
	inner := p.pkg.Scope().Innermost(p.hole.Pos())
	if inner == nil {
		inner = p.pkg.Scope()
	}
	var out []types.Object
	for sc := inner; sc != nil; sc = sc.Parent() {
		local := sc != p.pkg.Scope() && sc != types.Universe && sc.Parent() != p.pkg.Scope()
		for _, n := range sc.Names() {
			obj := sc.Lookup(n)
			if local && obj.Pos() >= p.hole.Pos() {
				continue
			}
			out = append(out, obj)
		}
	}
	return out
}

// litFields lists the fields of the struct literal the hole is an
// element of, for keyed elements.
func (p *probe) litFields() []types.Object {
	if p.lit == nil {
		return nil
	}
	tv, ok := p.info.Types[p.lit]
	if !ok || tv.Type == nil {
		return nil
	}
	t := tv.Type
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem() // &T{...}, or an element of []*T
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []types.Object
	for i := range st.NumFields() {
		if f := st.Field(i); f.Exported() || f.Pkg() == p.pkg {
			out = append(out, f)
		}
	}
	return out
}

// selection says what the expression before the dot is: a package, a
// type (for method expressions) or a value; ok is false when it did not
// type-check.
func (p *probe) selection() (pkg *types.Package, t types.Type, isType, ok bool) {
	if id, isIdent := p.sel.(*ast.Ident); isIdent {
		if pn, isPkg := p.info.Uses[id].(*types.PkgName); isPkg {
			return pn.Imported(), nil, false, true
		}
	}
	tv, found := p.info.Types[p.sel]
	if !found || tv.Type == nil || tv.Type == types.Typ[types.Invalid] {
		return nil, nil, false, false
	}
	return nil, tv.Type, tv.IsType(), true
}

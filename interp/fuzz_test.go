package interp

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// rtStub is the type of package gokernel/rt as rewritten code sees it.
func rtStub() *types.Package {
	p := types.NewPackage(rtPath, "rt")
	str, integer, anyT := types.Typ[types.String], types.Typ[types.Int], types.Universe.Lookup("any").Type()
	fn := func(name string, params ...types.Type) {
		var vs []*types.Var
		for i, t := range params {
			vs = append(vs, types.NewParam(token.NoPos, p, "p"+string(rune('a'+i)), t))
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(vs...), nil, false)
		p.Scope().Insert(types.NewFunc(token.NoPos, p, name, sig))
	}
	fn("Result", anyT, str)
	fn("Overflow", str, integer, integer)
	fn("PanicText", anyT, str)
	fn("PanicAt", anyT, integer, integer, integer)
	ch := types.NewChan(types.SendRecv, types.NewStruct(nil, nil))
	p.Scope().Insert(types.NewFunc(token.NoPos, p, "Token", types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewParam(token.NoPos, p, "", ch)), false)))
	fn("Finish", ch)
	fn("GoPanic", anyT, integer, integer, integer)
	p.MarkComplete()
	return p
}

// FuzzFrontEnd feeds cells to the front end: it must never panic, and
// when a cell type-checks, the rewritten code it hands to yaegi must
// print, parse and type-check too. The seeds are every cell of the
// conformance and error suites.
func FuzzFrontEnd(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, sec := range ar.Files {
			if sec.Name == "cell" {
				f.Add(string(sec.Data))
			}
		}
	}
	ti, err := newTypeImporter()
	if err != nil {
		f.Fatal(err)
	}
	ti.register(rtPath, func() (*types.Package, error) { return rtStub(), nil })
	names := newPkgNames(ti.std.Paths())
	f.Fuzz(func(t *testing.T, src string) {
		fe := &frontEnd{fset: token.NewFileSet(), ti: ti, imports: map[string]string{}, sources: map[int][]byte{}, names: names}
		type result struct {
			u   *unit
			err error
		}
		done := make(chan result, 1)
		go func() {
			u, err := fe.compile(1, []byte(src), false)
			done <- result{u, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("front end still busy after 10 s on %q", src)
		}
		u, err := r.u, r.err
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("front end error is not an *Error: %v", err)
			}
			return
		}
		out := rewrittenSource(t, fe.fset, u)
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "rewritten.go", out, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("rewritten code does not parse: %v\n%s", err, out)
		}
		var errs []string
		conf := types.Config{Importer: ti, Error: func(err error) {
			if te, ok := err.(types.Error); ok && isUnusedImport(te) {
				return // imports persist in a notebook: never an error
			}
			errs = append(errs, err.Error())
		}}
		conf.Check("main", fset, []*ast.File{file}, nil)
		if len(errs) > 0 {
			t.Fatalf("rewritten code does not type-check:\n%s\n%s", strings.Join(errs, "\n"), out)
		}
	})
}

// rewrittenSource prints what load would compile, with the imports and
// prelude it relies on.
func rewrittenSource(t *testing.T, fset *token.FileSet, u *unit) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("package main\n\nimport (\n")
	names := make([]string, 0, len(u.imports))
	for n := range u.imports {
		names = append(names, n)
	}
	sort.Strings(names)
	fmtAs := fmtAlias(u.imports)
	for _, n := range names {
		b.WriteString("\t" + n + " " + quote(u.imports[n]) + "\n")
	}
	b.WriteString("\t" + rtName + " " + quote(rtPath) + "\n")
	if fmtAs == fmtName {
		b.WriteString("\t" + fmtName + " \"fmt\"\n")
	}
	b.WriteString(")\n\nvar _gkDepth int\nvar _ = " + rtName + ".Result\nvar _ = " + fmtAs + ".Sprint\n\n")
	decls := append(append([]ast.Decl(nil), u.compile...), u.pc.fn)
	if u.pc.runner != nil {
		decls = append(decls, u.pc.runner)
	}
	for _, d := range decls {
		if err := printer.Fprint(&b, token.NewFileSet(), stripPos(d)); err != nil {
			t.Fatalf("print rewritten code: %v", err)
		}
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

func quote(s string) string { return `"` + s + `"` }

// stripPos clears positions so that the printer lays the nodes out from
// scratch (they come from several files).
func stripPos(n ast.Node) ast.Node {
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			x.NamePos = token.NoPos
		case *ast.BasicLit:
			x.ValuePos = token.NoPos
		case *ast.BlockStmt:
			x.Lbrace, x.Rbrace = token.NoPos, token.NoPos
		case *ast.CallExpr:
			x.Lparen, x.Rparen = token.NoPos, token.NoPos
			if x.Ellipsis.IsValid() {
				x.Ellipsis = 1
			}
		case *ast.FuncType:
			x.Func = token.NoPos
		case *ast.ReturnStmt:
			x.Return = token.NoPos
		case *ast.AssignStmt:
			x.TokPos = token.NoPos
		case *ast.GenDecl:
			x.TokPos, x.Lparen, x.Rparen = token.NoPos, token.NoPos, token.NoPos
		case *ast.CompositeLit:
			x.Lbrace, x.Rbrace = token.NoPos, token.NoPos
		}
		return true
	})
	return n
}

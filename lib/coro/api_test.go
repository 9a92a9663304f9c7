package coro_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestAPIHasNoGenerics guards the rule that lets notebook cells use the
// course packages: yaegi's symbol extraction silently drops generic funcs
// and types, so no exported declaration may have type parameters. It checks
// coro and its two siblings built on the same rule, loop and check.
func TestAPIHasNoGenerics(t *testing.T) {
	fset := token.NewFileSet()
	var names []string
	for _, dir := range []string{".", "../loop", "../check"} {
		found, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(found) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		names = append(names, found...)
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Type.TypeParams != nil {
					t.Errorf("%s: exported func %s is generic", fset.Position(d.Pos()), d.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() && ts.TypeParams != nil {
						t.Errorf("%s: exported type %s is generic", fset.Position(ts.Pos()), ts.Name)
					}
				}
			}
		}
	}
}

package stdlib

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"
)

// A scenario is a func in a *_scenarios_test.go file that exercises the
// real standard library (it is compiled into the test binary) and returns
// a trace of what happened. The same source text is also run by yaegi
// with this package's tables and interpreted source; both traces must be
// equal. Scenarios write generic calls with explicit type arguments, as
// the cell front end does, and avoid what yaegi cannot run (range over
// int or func, min/max/clear).

// scenarioSources returns the source text of every func declared in file
// except tests, and of its type declarations, by name: the scenarios and
// their helpers.
func scenarioSources(t *testing.T, file string) map[string]string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !strings.HasPrefix(d.Name.Name, "Test") {
				out[d.Name.Name] = text(d)
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				out["type "+d.Specs[0].(*ast.TypeSpec).Name.Name] = text(d)
			}
		}
	}
	return out
}

// checkScenarios runs every scenario of file compiled and interpreted
// and compares the traces. compiled must list each scenario of the file.
func checkScenarios(t *testing.T, file string, imports []string, compiled map[string]func() string) {
	t.Helper()
	srcs := scenarioSources(t, file)
	names := make([]string, 0, len(srcs))
	s := newSession(t)
	if _, err := s.value(imports, "0"); err != nil {
		t.Fatalf("imports: %v", err)
	}
	for n, src := range srcs {
		if !strings.HasPrefix(n, "scenario") {
			if _, err := s.eval(src); err != nil {
				t.Fatalf("interpreter rejects helper %s: %v", n, err)
			}
			continue
		}
		names = append(names, n)
		if compiled[n] == nil {
			t.Errorf("%s: scenario %s is missing from the table", file, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		f := compiled[n]
		if f == nil {
			continue
		}
		t.Run(strings.TrimPrefix(n, "scenario"), func(t *testing.T) {
			want := f()
			if _, err := s.eval(srcs[n]); err != nil {
				t.Fatalf("interpreter rejects the scenario: %v", err)
			}
			got, err := s.value(nil, n+"()")
			if err != nil {
				t.Fatalf("interpreted run: %v", err)
			}
			if got != quote(want) {
				t.Errorf("interpreted:\n%s\ncompiled:\n%s", got, quote(want))
			}
		})
	}
}

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

// scenarioSources returns the source text of the scenario funcs of file
// by name, and of its other declarations (types first, then funcs and
// methods, in file order), which the scenarios use.
func scenarioSources(t *testing.T, file string) (scenarios map[string]string, helpers []string) {
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
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	scenarios = map[string]string{}
	var funcs []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			switch {
			case strings.HasPrefix(d.Name.Name, "Test"):
			case d.Recv == nil && strings.HasPrefix(d.Name.Name, "scenario"):
				scenarios[d.Name.Name] = text(d)
			default:
				funcs = append(funcs, text(d))
			}
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				helpers = append(helpers, text(d))
			}
		}
	}
	return scenarios, append(helpers, funcs...)
}

// checkScenarios runs every scenario of file compiled and interpreted
// and compares the traces. compiled must list each scenario of the file.
func checkScenarios(t *testing.T, file string, imports []string, compiled map[string]func() string) {
	t.Helper()
	srcs, helpers := scenarioSources(t, file)
	names := make([]string, 0, len(srcs))
	s := newSession(t)
	if _, err := s.value(imports, "0"); err != nil {
		t.Fatalf("imports: %v", err)
	}
	for _, h := range helpers {
		if _, err := s.eval(h); err != nil {
			t.Fatalf("interpreter rejects helper %.40q: %v", h, err)
		}
	}
	for n := range srcs {
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

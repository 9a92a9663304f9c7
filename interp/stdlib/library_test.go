package stdlib

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

func TestUnavailable(t *testing.T) {
	cases := []struct {
		path string
		want string // part of the message; "" = available
	}{
		{"plugin", "Go plugins can only be loaded by a compiled program"},
		{"unsafe", "not laid out in memory"},
		{"C", "cgo is not available"},
		{"runtime/cgo", "cgo is not available"},
		{"weak", "generic"},
		{"crypto/pbkdf2", "generic"},
		{"fmt", ""},
		{"slices", ""},
	}
	for _, c := range cases {
		msg, ok := Unavailable(c.path)
		if ok != (c.want != "") || !strings.Contains(msg, c.want) {
			t.Errorf("Unavailable(%q) = %q, %v; want a message containing %q", c.path, msg, ok, c.want)
		}
	}
}

// TestUnavailableImportFails checks that the packages Unavailable names
// are really missing from the interpreter, so the message is needed.
func TestUnavailableImportFails(t *testing.T) {
	s := newSession(t)
	for _, p := range []string{"plugin", "unsafe", "runtime/cgo", "weak", "crypto/hkdf", "crypto/pbkdf2", "time/tzdata"} {
		if _, ok := Unavailable(p); !ok {
			t.Errorf("%s: no message", p)
		}
		if err := s.lib.Prepare(p); err != nil {
			t.Errorf("Prepare(%s): %v", p, err)
		}
		if _, err := s.eval("import " + `"` + p + `"`); err == nil {
			t.Errorf("import %q works in the interpreter, but Unavailable says it does not", p)
		}
	}
}

// TestEveryGenericIsCovered checks each generic function or type that the
// symbol tables leave out: it is either declared by the interpreted
// source of its package or explained by Missing.
func TestEveryGenericIsCovered(t *testing.T) {
	for p, names := range genericNames() {
		declared := sourceNames(t, p)
		for _, n := range names {
			_, missing := Missing(p, n)
			switch {
			case declared[n] && missing:
				t.Errorf("%s.%s has interpreted source but Missing reports it", p, n)
			case !declared[n] && !missing:
				t.Errorf("%s.%s is generic, has no interpreted source and no Missing message", p, n)
			}
		}
	}
}

// sourceNames returns the names declared in the interpreted source of p.
func sourceNames(t *testing.T, p string) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	entries, err := fs.ReadDir(source, path.Join("source", p))
	if errors.Is(err, fs.ErrNotExist) {
		return names
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		src, err := source.ReadFile(path.Join("source", p, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for n, o := range f.Scope.Objects {
			if o.Kind != 0 {
				names[n] = true
			}
		}
	}
	return names
}

func TestPackages(t *testing.T) {
	ps := Packages()
	for _, want := range []string{"fmt", "net/http", "slices", "iter", "maps", "cmp", "unique", "sync/atomic", "math/rand/v2"} {
		if !slices.Contains(ps, want) {
			t.Errorf("Packages() lacks %s", want)
		}
	}
	for _, bad := range []string{"plugin", "unsafe", ".", "runtime/cgo"} {
		if slices.Contains(ps, bad) {
			t.Errorf("Packages() lists %s", bad)
		}
	}
	if !slices.IsSorted(ps) {
		t.Error("Packages() is not sorted")
	}
	if !HasSource("sync") || !HasSource("slices") || HasSource("fmt") {
		t.Error("HasSource is wrong for sync, slices or fmt")
	}
}

func TestPrepareImports(t *testing.T) {
	s := newSession(t)
	f, err := parser.ParseFile(s.i.FileSet(), "cell1.go", "package main\n\nimport (\n\t\"sync\"\n\t\"unique\"\n\t\"fmt\"\n)\n", parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.lib.PrepareImports(f); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"sync", "unique"} {
		if !s.lib.loaded[p] {
			t.Errorf("%s not prepared", p)
		}
	}
	got, err := s.value([]string{"sync", "unique"}, "sync.OnceValue[string](func() string { return unique.Make[string](\"x\").Value() })()")
	if err != nil || got != `"x"` {
		t.Errorf("prepared packages do not work: %s %v", got, err)
	}
}

// TestPrintingInterpretedValues checks the MapTypes table: fmt sees the
// methods of interpreted values, in Go's order (error before String).
func TestPrintingInterpretedValues(t *testing.T) {
	s := newSession(t)
	for _, decl := range []string{
		`type temp float64`,
		`func (t temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }`,
		`type oops struct{ n int }`,
		`func (o *oops) Error() string { return fmt.Sprint("oops ", o.n) }`,
		`func (o *oops) String() string { return "never used: Error wins" }`,
	} {
		if _, err := s.value([]string{"fmt"}, "0"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.eval(decl); err != nil {
			t.Fatalf("%s: %v", decl, err)
		}
	}
	out, err := s.run(nil, `fmt.Println(temp(21.5), &oops{3}); fmt.Printf("%v|%s\n", temp(1), fmt.Errorf("wrapped: %w", &oops{4}))`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "21.5°C oops 3\n1.0°C|wrapped: oops 4\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestOsExitStopsTheCellOnly(t *testing.T) {
	s := newSession(t)
	if _, err := s.value([]string{"os"}, "0"); err != nil {
		t.Fatal(err)
	}
	_, err := s.i.EvalWithContext(context.Background(), "os.Exit(3)")
	var p interp.Panic
	if !errors.As(err, &p) {
		t.Fatalf("os.Exit(3) gave %v, want an interp.Panic", err)
	}
	exit, ok := p.Value.(Exit)
	if !ok || exit.Code != 3 {
		t.Fatalf("panic value %#v, want Exit{Code: 3}", p.Value)
	}
	if !strings.Contains(exit.Error(), "os.Exit(3)") {
		t.Errorf("message %q does not name the call", exit.Error())
	}
}

func TestNewStdlibPackages(t *testing.T) {
	// Packages and functions newer than yaegi's own tables (Go 1.22).
	s := newSession(t)
	cases := []struct {
		imports []string
		expr    string
		want    string
	}{
		{[]string{"strings", "slices"}, `slices.Collect[string](strings.Lines("a\nb"))`, `[]string{"a\n", "b"}`},
		{[]string{"bytes", "slices"}, `len(slices.Collect[[]byte](bytes.Lines([]byte("x\ny"))))`, `2`},
		{[]string{"crypto/sha3"}, `len(sha3.Sum256([]byte("go")))`, `32`},
		{[]string{"go/version"}, `version.Compare("go1.26", "go1.22")`, `1`},
		{[]string{"math/rand/v2"}, `rand.IntN(1)`, `0`},
	}
	for _, c := range cases {
		got, err := s.value(c.imports, c.expr)
		if err != nil || got != c.want {
			t.Errorf("%s = %s, %v; want %s", c.expr, got, err, c.want)
		}
	}
}

package main

import (
	"bytes"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// committedCommand is the generator's argument list in interp/stdlib's
// //go:generate line; the headers of the committed files contain it.
func committedCommand(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../stdlib.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "//go:generate go run ./gen "); ok {
			return rest
		}
	}
	t.Fatal("no //go:generate line in stdlib.go")
	return ""
}

// TestRegenerateIsIdentical regenerates every symbol table and alias file
// into a temporary directory and compares them with the committed ones:
// the committed tables are what this Go generates, byte for byte.
func TestRegenerateIsIdentical(t *testing.T) {
	cmd := committedCommand(t)
	args := strings.Fields(cmd)
	tmp := t.TempDir()
	// The alias files are written next to the hand-written source: copy it.
	src := filepath.Join(tmp, "source")
	if err := os.CopyFS(src, os.DirFS("../source")); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Dest: "stdlib", Out: tmp, Prefix: "go1_26", Reexport: src, Command: cmd,
		Patterns: []string{"std"}, Skip: strings.Split(args[7], ",")}
	if args[6] != "-skip" {
		t.Fatalf("unexpected //go:generate arguments %q", cmd)
	}
	n, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n < 150 {
		t.Fatalf("generated %d files, want the whole standard library", n)
	}
	compared := 0
	err = filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tmp, p)
		if strings.HasPrefix(rel, "source") && filepath.Base(rel) != reexportFile {
			return nil // hand-written, copied
		}
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		want, err := os.ReadFile(filepath.Join("..", rel))
		if err != nil {
			t.Errorf("%s: generated but not committed: %v", rel, err)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file: run go generate ./interp/stdlib", rel)
		}
		compared++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if compared != n {
		t.Errorf("compared %d files, generated %d", compared, n)
	}
}

func TestImportSetNames(t *testing.T) {
	cases := []struct {
		name  string
		paths [][2]string // path, wanted name, in order
		want  []string
	}{
		{"distinct", [][2]string{{"fmt", "fmt"}, {"io", "io"}}, []string{"fmt", "io"}},
		{"clash gets a number", [][2]string{{"math/rand", "rand"}, {"crypto/rand", "rand"}, {"math/rand/v2", "rand"}}, []string{"rand", "rand2", "rand3"}},
		{"same path same name", [][2]string{{"text/template", "template"}, {"text/template", "template"}}, []string{"template", "template"}},
	}
	for _, c := range cases {
		s := newImportSet()
		var got []string
		for _, p := range c.paths {
			got = append(got, s.name(p[0], p[1]))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: names %v, want %v", c.name, got, c.want)
		}
	}
	s := newImportSet()
	s.reserve("reflect", "reflect")
	s.name("math/rand/v2", "rand")
	if got := s.block(); got != "import (\n\trand \"math/rand/v2\"\n)\n" {
		t.Errorf("block lists unused reserved paths or misses an alias:\n%s", got)
	}
}

func TestImportable(t *testing.T) {
	cases := map[string]bool{
		"fmt": true, "net/http": true, "internal/abi": false, "crypto/internal/fips140": false,
		"vendor/golang.org/x/net/dns/dnsmessage": false, "cmd/go": false,
		"github.com/gokernel/gokernel/lib/coro": true,
	}
	for p, want := range cases {
		if got := importable(p); got != want {
			t.Errorf("importable(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestAccessible(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	hidden := types.NewNamed(types.NewTypeName(0, pkg, "hidden", nil), types.Typ[types.Int], nil)
	shown := types.NewNamed(types.NewTypeName(0, pkg, "Shown", nil), types.Typ[types.Int], nil)
	internal := types.NewNamed(types.NewTypeName(0, types.NewPackage("x/internal/y", "y"), "T", nil), types.Typ[types.Int], nil)
	cases := []struct {
		name string
		typ  types.Type
		want bool
	}{
		{"basic", types.Typ[types.String], true},
		{"unsafe.Pointer", types.Typ[types.UnsafePointer], false},
		{"exported named", shown, true},
		{"unexported named", hidden, false},
		{"named in internal package", internal, false},
		{"slice of unexported", types.NewSlice(hidden), false},
		{"map to exported", types.NewMap(types.Typ[types.String], shown), true},
		{"func taking unexported", types.NewSignatureType(nil, nil, nil,
			types.NewTuple(types.NewVar(0, nil, "x", hidden)), nil, false), false},
	}
	for _, c := range cases {
		if got := accessible(c.typ); got != c.want {
			t.Errorf("%s: accessible = %v, want %v", c.name, got, c.want)
		}
	}
}

package bind

import (
	"go/types"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	cfg, err := ParseArgs(strings.Fields("-dest stdlib -prefix go1_26 -reexport source -skip plugin,unsafe std"))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Dest: "stdlib", Out: ".", Prefix: "go1_26", Reexport: "source", Skip: []string{"plugin", "unsafe"},
		Patterns: []string{"std"}, Command: "-dest stdlib -prefix go1_26 -reexport source -skip plugin,unsafe std"}
	if strings.Join(cfg.Skip, ",") != strings.Join(want.Skip, ",") || strings.Join(cfg.Patterns, ",") != "std" ||
		cfg.Dest != want.Dest || cfg.Out != want.Out || cfg.Prefix != want.Prefix || cfg.Reexport != want.Reexport || cfg.Command != want.Command {
		t.Errorf("ParseArgs = %+v, want %+v", cfg, want)
	}
	if _, err := ParseArgs([]string{"-dest", "x"}); err == nil {
		t.Error("no packages: want an error")
	}
	if _, err := ParseArgs([]string{"-nosuchflag", "std"}); err == nil {
		t.Error("unknown flag: want an error")
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

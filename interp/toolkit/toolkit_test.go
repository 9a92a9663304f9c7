package toolkit

import (
	"context"
	"io"
	"testing"

	"github.com/gokernel/gokernel/interp/stdlib"
	"github.com/gokernel/gokernel/interp/stdlib/gen/bind"
	"github.com/traefik/yaegi/interp"
)

// TestGeneratedFilesAreCurrent fails when a lib package's exported API
// changed without `go generate ./interp/toolkit`.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	cfg, err := bind.GenerateLine("toolkit.go")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := bind.Stale(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("out of date (run go generate ./interp/toolkit): %v", stale)
	}
}

// TestNoGenericAPI keeps the toolkit usable from cells: reflection cannot
// bind generic functions or types.
func TestNoGenericAPI(t *testing.T) {
	for p, names := range genericNames() {
		t.Errorf("%s exports generic %v: cells cannot call them", p, names)
	}
}

func TestLoad(t *testing.T) {
	i := interp.New(interp.Options{Stdout: io.Discard})
	if _, err := stdlib.Load(i); err != nil {
		t.Fatal(err)
	}
	if err := Load(i); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"check", "coro", "fib", "loop", "news", "sock"} {
		if Symbols["github.com/gokernel/gokernel/lib/"+p+"/"+p] == nil {
			t.Errorf("no symbols for lib/%s", p)
		}
	}
	ctx := context.Background()
	if _, err := i.EvalWithContext(ctx, `import "github.com/gokernel/gokernel/lib/coro"`); err != nil {
		t.Fatal(err)
	}
	v, err := i.EvalWithContext(ctx, `coro.Created.String()`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() == "" {
		t.Error("coro.Created has no name")
	}
}

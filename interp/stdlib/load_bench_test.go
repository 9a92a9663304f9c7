package stdlib

import (
	"context"
	"io"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// BenchmarkLoad measures a fresh interpreter with the standard library:
// interp.New plus Load (symbol tables and the eager source packages).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		i := interp.New(interp.Options{Stdout: io.Discard})
		if _, err := Load(i); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstCell measures what a fresh session pays before its first
// cell's result: New, Load, and a cell that imports fmt and slices.
func BenchmarkFirstCell(b *testing.B) {
	for b.Loop() {
		i := interp.New(interp.Options{Stdout: io.Discard})
		lib, err := Load(i)
		if err != nil {
			b.Fatal(err)
		}
		if err := lib.Prepare("slices"); err != nil {
			b.Fatal(err)
		}
		if _, err := i.EvalWithContext(context.Background(), `import ("fmt"; "slices")`); err != nil {
			b.Fatal(err)
		}
		if _, err := i.EvalWithContext(context.Background(), `func f() int { s := []int{3, 1, 2}; slices.Sort[[]int, int](s); fmt.Println(s); return s[0] }`); err != nil {
			b.Fatal(err)
		}
		if _, err := i.EvalWithContext(context.Background(), `f()`); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepare measures compiling each lazily loaded source package
// into an interpreter that has just been loaded.
func BenchmarkPrepare(b *testing.B) {
	for _, p := range []string{"sync", "sync/atomic", "errors", "reflect", "unique"} {
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				i := interp.New(interp.Options{Stdout: io.Discard})
				lib, err := Load(i)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := lib.Prepare(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

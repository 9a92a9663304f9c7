// Command gen writes yaegi symbol tables (interp.Exports) for Go packages.
//
// It is the generator behind `go generate` in interp/stdlib (the standard
// library) and interp/toolkit (the lib/* packages). For each package it
// writes one file that registers the package's exported functions,
// variables, constants and types, plus interface wrappers that let
// interpreted types satisfy the package's interfaces. Generic functions and
// types cannot be bound by reflection: they are listed in a generated
// genericNames function instead, so the hand-written interpreted source
// can be checked against them.
//
// Usage (run from the destination directory, as go generate does):
//
//	go run ./gen -dest stdlib -prefix go1_26 -reexport source -skip plugin,unsafe std
//	go run ../stdlib/gen -dest toolkit -prefix gen ../../lib/coro ../../lib/loop
//
// The argument "std" means every importable standard library package
// except internal, vendor and cmd packages and those listed by -skip.
// With -reexport DIR, every package P that has hand-written interpreted
// source in DIR/P also gets DIR/P/zz_exports.go: aliases of its binary
// symbols, so the interpreted package can stand in for the binary one.
//
// Output depends only on the Go version and the packages' APIs: the same
// Go gives byte-identical files. The work is done by package bind.
package main

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/gokernel/gokernel/interp/stdlib/gen/bind"
)

func main() {
	cfg, err := bind.ParseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	files, err := bind.Generate(cfg)
	if err != nil {
		slog.Error("generate symbol tables", "err", err)
		os.Exit(1)
	}
	slog.Info("generated symbol tables", "files", files, "dir", cfg.Out)
}

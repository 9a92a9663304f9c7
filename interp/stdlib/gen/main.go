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
// Usage:
//
//	go run ./interp/stdlib/gen -dest stdlib -out interp/stdlib -prefix go1_26 std
//	go run ./interp/stdlib/gen -dest toolkit -out interp/toolkit -prefix lib ./lib/coro ./lib/loop
//
// The argument "std" means every importable standard library package
// except internal, vendor and cmd packages and those listed by -skip.
// With -reexport DIR, every package P that has hand-written interpreted
// source in DIR/P also gets DIR/P/zz_exports.go: aliases of its binary
// symbols, so the interpreted package can stand in for the binary one.
//
// Output depends only on the Go version and the packages' APIs: the same
// Go gives byte-identical files.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run parses the command line and generates; it returns the exit code.
func run(args []string) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	var cfg Config
	fs.StringVar(&cfg.Dest, "dest", "stdlib", "package name of the generated files")
	fs.StringVar(&cfg.Out, "out", ".", "directory to write the generated files to")
	fs.StringVar(&cfg.Prefix, "prefix", "gen", "file name prefix of the generated files")
	fs.StringVar(&cfg.Reexport, "reexport", "", "directory of interpreted source packages that get alias files")
	skip := fs.String("skip", "", "comma-separated import paths to leave out")
	fs.StringVar(&cfg.Dir, "C", "", "directory to load packages from (default: current)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *skip != "" {
		cfg.Skip = strings.Split(*skip, ",")
	}
	cfg.Patterns = fs.Args()
	cfg.Command = strings.Join(args, " ")
	if len(cfg.Patterns) == 0 {
		fmt.Fprintln(os.Stderr, "gen: no packages given")
		return 2
	}
	files, err := Generate(cfg)
	if err != nil {
		slog.Error("generate symbol tables", "err", err)
		return 1
	}
	slog.Info("generated symbol tables", "files", files, "dir", cfg.Out)
	return 0
}

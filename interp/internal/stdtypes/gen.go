//go:build ignore

// gen.go writes std.zip: the type information (export data, in the format
// of golang.org/x/tools/go/gcexportdata) of every importable package of
// the installed Go's standard library and of the packages named on the
// command line (the toolkit), one zip entry per import path.
//
// Run with `go generate ./interp/internal/stdtypes` after a Go upgrade or
// a change to a toolkit package's API. It asks `go list -export` for the
// compiler's export data, loads each package with go/importer and
// re-encodes it compactly.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	args := append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}\t{{.Standard}}"}, os.Args[1:]...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return fmt.Errorf("go list: %w", err)
	}
	files := map[string]string{}
	var paths []string
	wanted := map[string]bool{}
	for _, p := range os.Args[1:] {
		wanted[p] = true
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] == "" {
			continue
		}
		path, file, std := f[0], f[1], f[2] == "true"
		files[path] = file
		if strings.Contains(path, "internal") || strings.HasPrefix(path, "vendor/") {
			continue
		}
		if std || wanted[path] {
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(files[path])
	}).(types.ImporterFrom)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, path := range paths {
		pkg, err := imp.ImportFrom(path, "", 0)
		if err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate})
		if err != nil {
			return fmt.Errorf("zip %s: %w", path, err)
		}
		if err := gcexportdata.Write(w, fset, pkg); err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return os.WriteFile("std.zip", buf.Bytes(), 0o644)
}

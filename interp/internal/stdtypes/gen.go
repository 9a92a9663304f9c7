//go:build ignore

// gen.go writes std.zip: the type information (export data, in the format
// of golang.org/x/tools/go/gcexportdata) of every importable package of
// the installed Go's standard library, one zip entry per import path.
//
// Run with `go generate ./interp/internal/stdtypes` after a Go upgrade.
// It asks `go list -export std` for the compiler's export data, loads each
// package with go/importer and re-encodes it compactly.
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
	out, err := exec.Command("go", "list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}", "std").Output()
	if err != nil {
		return fmt.Errorf("go list: %w", err)
	}
	files := map[string]string{}
	var paths []string
	for _, line := range strings.Split(string(out), "\n") {
		path, file, ok := strings.Cut(line, "\t")
		if !ok || file == "" {
			continue
		}
		files[path] = file
		if strings.Contains(path, "internal") || strings.HasPrefix(path, "vendor/") {
			continue
		}
		paths = append(paths, path)
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

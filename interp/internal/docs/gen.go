//go:build ignore

// gen.go writes lib.zip: the non-test Go files of every package directory
// under the directory given as argument (the toolkit, lib/), named
// "pkg/file.go".
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run gen.go LIBDIR")
	}
	if err := run(os.Args[1]); err != nil {
		log.Fatal(err)
	}
}

func run(lib string) error {
	files, err := filepath.Glob(filepath.Join(lib, "*", "*.go"))
	if err != nil {
		return fmt.Errorf("list %s: %w", lib, err)
	}
	sort.Strings(files)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", f, err)
		}
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		if _, err := w.Write(src); err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return os.WriteFile("lib.zip", buf.Bytes(), 0o644)
}

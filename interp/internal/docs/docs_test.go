package docs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpToDate fails when the embedded toolkit source differs from lib/:
// run go generate ./interp/internal/docs.
func TestUpToDate(t *testing.T) {
	src, err := Open()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "lib", "*", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no toolkit source found: %v", err)
	}
	want := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		want[name] = true
		disk, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := src.File(name)
		if err != nil || !bytes.Equal(got, disk) {
			t.Errorf("embedded %s is stale (%v): run go generate ./interp/internal/docs", name, err)
		}
	}
	for _, name := range src.zip.Names(nil) {
		if !want[name] {
			t.Errorf("embedded %s is no longer in lib/: run go generate ./interp/internal/docs", name)
		}
	}
	if fs := src.Files("coro"); len(fs) == 0 || !strings.HasPrefix(fs[0], "coro/") {
		t.Errorf("Files(coro) = %v", fs)
	}
}

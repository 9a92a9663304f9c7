package install

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSearchPath(t *testing.T) {
	env := Env{Getenv: func(k string) string {
		return map[string]string{"JUPYTER_PATH": "/a" + string(filepath.ListSeparator) + "/b", "VIRTUAL_ENV": "/v"}[k]
	}, Home: "/home/u", GOOS: "linux"}
	want := []string{"/a", "/b", "/home/u/.local/share/jupyter", "/v/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"}
	if got := SearchPath(env); !slices.Equal(got, want) {
		t.Errorf("SearchPath = %q, want %q", got, want)
	}
}

func TestFind(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	exe := filepath.Join(t.TempDir(), "kernel")
	if err := os.WriteFile(exe, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, data := range []string{first, second} {
		if _, err := Install(Options{DataDir: data, Executable: exe, DisplayName: data}); err != nil {
			t.Fatal(err)
		}
	}
	env := Env{Getenv: func(k string) string {
		if k == "JUPYTER_PATH" {
			return first + string(filepath.ListSeparator) + second
		}
		return ""
	}, Home: t.TempDir(), GOOS: "linux"}
	spec, dir, err := Find("GoKernel", env)
	if err != nil {
		t.Fatal(err)
	}
	if dir != SpecDir(first, "gokernel") || spec.DisplayName != first || spec.Argv[0] != filepath.Join(dir, BinaryName) {
		t.Errorf("found %s %+v, want the one in %s", dir, spec, first)
	}
	if _, _, err := Find("nothere", env); err == nil || !strings.Contains(err.Error(), "no kernelspec") {
		t.Errorf("missing spec: err = %v", err)
	}
}

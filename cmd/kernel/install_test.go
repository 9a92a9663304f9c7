package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildKernel builds this command into a temporary directory and returns
// the binary's path.
func buildKernel(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kernel")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBin runs bin with args and extra environment and returns its
// combined output; it fails the test when the exit code is not want.
func runBin(t *testing.T, bin string, env []string, want int, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	if code != want {
		t.Fatalf("%s %v: exit %d, want %d\n%s", filepath.Base(bin), args, code, want, out)
	}
	return string(out)
}

func TestInstallCommand(t *testing.T) {
	bin := buildKernel(t)
	prefix := t.TempDir()
	data := t.TempDir()
	tests := []struct {
		name    string
		env     []string
		args    []string
		specDir string
	}{
		{"prefix", nil, []string{"--prefix", prefix}, filepath.Join(prefix, "share", "jupyter", "kernels", "gokernel")},
		{"user via JUPYTER_DATA_DIR", []string{"JUPYTER_DATA_DIR=" + data}, []string{"--name", "go-other", "--display-name", "Go (other)"}, filepath.Join(data, "kernels", "go-other")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runBin(t, bin, tt.env, 0, append([]string{"install"}, tt.args...)...)
			if !strings.Contains(out, tt.specDir) {
				t.Errorf("install does not say where it installed (%s):\n%s", tt.specDir, out)
			}
			var spec struct {
				Argv        []string `json:"argv"`
				DisplayName string   `json:"display_name"`
			}
			b, err := os.ReadFile(filepath.Join(tt.specDir, "kernel.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &spec); err != nil {
				t.Fatal(err)
			}
			copied := filepath.Join(tt.specDir, "gokernel")
			if len(spec.Argv) != 3 || spec.Argv[0] != copied || spec.Argv[1] != "serve" || spec.Argv[2] != "{connection_file}" {
				t.Errorf("argv = %q", spec.Argv)
			}
			// The copy must work on its own, after the build directory is gone.
			help := runBin(t, copied, nil, 0, "help")
			if !strings.Contains(help, "install") {
				t.Errorf("copied binary's help lacks the install command:\n%s", help)
			}
			runBin(t, bin, tt.env, 0, append([]string{"uninstall"}, tt.args[:2]...)...)
			if _, err := os.Stat(tt.specDir); !os.IsNotExist(err) {
				t.Errorf("uninstall left %s: %v", tt.specDir, err)
			}
		})
	}
}

func TestInstallCommandErrors(t *testing.T) {
	bin := buildKernel(t)
	prefix := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"install", "--prefix", prefix, "--sys-prefix"}, 2},
		{[]string{"install", "--prefix", prefix, "extra"}, 2},
		{[]string{"install", "--prefix", prefix, "--name", "Bad Name"}, 1},
		{[]string{"uninstall", "--prefix", prefix}, 1},
		{[]string{"install", "-h"}, 0},
	} {
		runBin(t, bin, nil, tt.code, tt.args...)
	}
	if _, err := os.Stat(filepath.Join(prefix, "share")); !os.IsNotExist(err) {
		t.Errorf("a failed install wrote files: %v", err)
	}
}

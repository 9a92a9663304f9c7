//go:build unix

package install

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestInstallModesIgnoreUmask: a spec installed for every user is readable
// by every user, whatever the installer's umask.
func TestInstallModesIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	exe := filepath.Join(t.TempDir(), "kernel")
	if err := os.WriteFile(exe, nil, 0o700); err != nil {
		t.Fatal(err)
	}
	dir, err := Install(Options{DataDir: t.TempDir(), Executable: exe})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{".": 0o755, "kernel.json": 0o644, BinaryName: 0o755, "logo-64x64.png": 0o644} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", name, got, want)
		}
	}
}

package install

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

//go:embed kernel.json logo-32x32.png logo-64x64.png logo-svg.svg
var files embed.FS

// logos are the files copied unchanged into the kernelspec.
var logos = []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"}

// BinaryName is the name of the kernel binary inside a kernelspec.
const BinaryName = "gokernel"

// DefaultName is the kernelspec name Jupyter knows gokernel by.
const DefaultName = "gokernel"

// validName is the kernel name rule of jupyter_client (it lowercases names).
var validName = regexp.MustCompile(`^[a-z0-9._-]+$`)

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Env           map[string]any `json:"env,omitempty"`
	Metadata      map[string]any `json:"metadata"`
}

// Template returns the kernel.json shipped in this package, before Install
// puts the binary's path in it.
func Template() (Spec, error) {
	var s Spec
	b, err := files.ReadFile("kernel.json")
	if err != nil {
		return s, fmt.Errorf("read kernel.json template: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("parse kernel.json template: %w", err)
	}
	return s, nil
}

// Options says what Install writes.
type Options struct {
	// DataDir is the Jupyter data directory (see DataDir).
	DataDir string
	// Name is the kernelspec name (DefaultName when empty).
	Name string
	// DisplayName replaces the template's display name when not empty.
	DisplayName string
	// Executable is the kernel binary to copy into the spec
	// (os.Executable() for the running command).
	Executable string
}

// SpecDir returns the directory of kernelspec name under dataDir.
func SpecDir(dataDir, name string) string {
	return filepath.Join(dataDir, "kernels", name)
}

// CheckName reports whether name is a valid kernelspec name.
func CheckName(name string) error {
	if !validName.MatchString(name) {
		return fmt.Errorf("invalid kernel name %q: use lowercase letters, digits, '.', '_' and '-'", name)
	}
	return nil
}

// Install writes the kernelspec and returns its directory. An existing
// spec of the same name is replaced.
func Install(o Options) (string, error) {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if err := CheckName(o.Name); err != nil {
		return "", err
	}
	spec, err := Template()
	if err != nil {
		return "", err
	}
	dir := SpecDir(o.DataDir, o.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create kernelspec directory: %w", err)
	}
	// Modes are set explicitly, not left to the umask: a --sys-prefix
	// install serves every user of the machine (JupyterHub).
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", fmt.Errorf("create kernelspec directory: %w", err)
	}
	bin := filepath.Join(dir, BinaryName)
	if err := copyFile(o.Executable, bin, 0o755); err != nil {
		return "", fmt.Errorf("copy kernel binary: %w", err)
	}
	spec.Argv[0] = bin
	if o.DisplayName != "" {
		spec.DisplayName = o.DisplayName
	}
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode kernel.json: %w", err)
	}
	if err := writeFile(filepath.Join(dir, "kernel.json"), append(b, '\n'), 0o644); err != nil {
		return "", err
	}
	for _, name := range logos {
		b, err := files.ReadFile(name)
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		if err := writeFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// Uninstall removes kernelspec name from dataDir and returns the directory
// it removed. It refuses a directory without kernel.json, so a wrong
// path never deletes anything else.
func Uninstall(dataDir, name string) (string, error) {
	if err := CheckName(name); err != nil {
		return "", err
	}
	dir := SpecDir(dataDir, name)
	if _, err := os.Stat(filepath.Join(dir, "kernel.json")); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("no kernelspec %q in %s", name, filepath.Dir(dir))
		}
		return "", fmt.Errorf("check kernelspec: %w", err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", fmt.Errorf("remove kernelspec: %w", err)
	}
	return dir, nil
}

// copyFile copies src to dst through a temporary file and a rename, so a
// running copy of dst (a kernel started from this spec) is not disturbed.
func copyFile(src, dst string, perm os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".tmp-"+filepath.Base(dst)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

func writeFile(name string, b []byte, perm os.FileMode) error {
	if err := os.WriteFile(name, b, perm); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(name), err)
	}
	if err := os.Chmod(name, perm); err != nil { // WriteFile's perm passes through the umask
		return fmt.Errorf("write %s: %w", filepath.Base(name), err)
	}
	return nil
}

package install

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallWritesSpec(t *testing.T) {
	data := t.TempDir()
	exe := filepath.Join(t.TempDir(), "kernel")
	binary := []byte("#!/bin/sh\necho fake kernel\n")
	if err := os.WriteFile(exe, binary, 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := Install(Options{DataDir: data, Executable: exe, DisplayName: "Go (test)"})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(data, "kernels", "gokernel"); dir != want {
		t.Errorf("dir = %q, want %q", dir, want)
	}

	var spec Spec
	b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, BinaryName)
	want := Spec{
		Argv:          []string{bin, "serve", "{connection_file}"},
		DisplayName:   "Go (test)",
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{},
	}
	if got, _ := json.Marshal(spec); !bytes.Equal(got, mustJSON(t, want)) {
		t.Errorf("kernel.json = %s, want %s", got, mustJSON(t, want))
	}

	got, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, binary) {
		t.Error("copied binary differs from the executable")
	}
	if st, err := os.Stat(bin); err != nil || st.Mode().Perm()&0o111 == 0 {
		t.Errorf("binary not executable: %v %v", st.Mode(), err)
	}

	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if cfg.Width != size || cfg.Height != size {
			t.Errorf("%s is %dx%d", name, cfg.Width, cfg.Height)
		}
	}
	svg, err := os.ReadFile(filepath.Join(dir, "logo-svg.svg"))
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		XMLName xml.Name
		Paths   []struct{} `xml:"path"`
	}
	if err := xml.Unmarshal(svg, &root); err != nil || root.XMLName.Local != "svg" || len(root.Paths) == 0 {
		t.Errorf("logo-svg.svg is not an SVG drawing: %v %+v", err, root.XMLName)
	}
}

func TestInstallTwiceReplaces(t *testing.T) {
	data := t.TempDir()
	exe := filepath.Join(t.TempDir(), "kernel")
	for i, content := range []string{"one", "two"} {
		if err := os.WriteFile(exe, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		dir, err := Install(Options{DataDir: data, Name: "go-test", Executable: exe})
		if err != nil {
			t.Fatalf("install %d: %v", i, err)
		}
		got, err := os.ReadFile(filepath.Join(dir, BinaryName))
		if err != nil || string(got) != content {
			t.Errorf("install %d: binary = %q, %v", i, got, err)
		}
	}
	entries, err := os.ReadDir(SpecDir(data, "go-test"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 5 {
		t.Errorf("spec holds %d files, want 5 (no temporary files left)", len(entries))
	}
}

func TestUninstall(t *testing.T) {
	data := t.TempDir()
	exe := filepath.Join(t.TempDir(), "kernel")
	if err := os.WriteFile(exe, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := Install(Options{DataDir: data, Executable: exe})
	if err != nil {
		t.Fatal(err)
	}
	removed, err := Uninstall(data, DefaultName)
	if err != nil {
		t.Fatal(err)
	}
	if removed != dir {
		t.Errorf("removed %q, installed %q", removed, dir)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("spec directory still there: %v", err)
	}
	if _, err := Uninstall(data, DefaultName); err == nil {
		t.Error("second uninstall: no error")
	}
}

func TestUninstallRefusesNonSpec(t *testing.T) {
	data := t.TempDir()
	dir := SpecDir(data, "other")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Uninstall(data, "other"); err == nil {
		t.Error("removed a directory without kernel.json")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("directory gone: %v", err)
	}
}

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"gokernel": true, "go-1.26": true, "go_test": true,
		"": false, "Go": false, "a/b": false, "../x": false, "go kernel": false,
	} {
		if err := CheckName(name); (err == nil) != ok {
			t.Errorf("CheckName(%q) = %v, want ok=%v", name, err, ok)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

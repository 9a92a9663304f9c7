package bind

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stale regenerates cfg into a temporary directory and returns the
// generated files that differ from, or are missing in, cfg.Out and
// cfg.Reexport, relative to cfg.Out. Nothing means the committed files
// are what this Go and these packages give.
func Stale(cfg Config) ([]string, error) {
	tmp, err := os.MkdirTemp("", "gokernel-gen-")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	out, re := cfg.Out, cfg.Reexport
	cfg.Out = filepath.Join(tmp, "out")
	if re != "" {
		cfg.Reexport = filepath.Join(tmp, "reexport")
		if err := os.CopyFS(cfg.Reexport, os.DirFS(re)); err != nil {
			return nil, fmt.Errorf("copy interpreted source: %w", err)
		}
	}
	if _, err := Generate(cfg); err != nil {
		return nil, err
	}
	var stale []string
	compare := func(genDir, committedDir string, only func(string) bool) error {
		return filepath.WalkDir(genDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(genDir, p)
			if err != nil || !only(rel) {
				return err
			}
			got, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			want, err := os.ReadFile(filepath.Join(committedDir, rel))
			if err != nil || !bytes.Equal(got, want) {
				name, _ := filepath.Rel(out, filepath.Join(committedDir, rel))
				stale = append(stale, name)
			}
			return nil
		})
	}
	if err := compare(cfg.Out, out, func(string) bool { return true }); err != nil {
		return nil, fmt.Errorf("compare tables: %w", err)
	}
	if re != "" {
		isAlias := func(rel string) bool { return filepath.Base(rel) == reexportFile }
		if err := compare(cfg.Reexport, re, isAlias); err != nil {
			return nil, fmt.Errorf("compare alias files: %w", err)
		}
	}
	return stale, nil
}

// GenerateLine returns the generator arguments of the
// "//go:generate go run <path> ARGS" line in file, parsed.
func GenerateLine(file string) (Config, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return Config{}, fmt.Errorf("read go:generate line: %w", err)
	}
	for _, line := range strings.Split(string(src), "\n") {
		rest, ok := strings.CutPrefix(line, "//go:generate go run ")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		return ParseArgs(f[1:])
	}
	return Config{}, fmt.Errorf("no //go:generate go run line in %s", file)
}

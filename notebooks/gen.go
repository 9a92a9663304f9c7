//go:build ignore

// Gen turns the course notebooks' percent scripts (notebooks/src/*.go.txt)
// into notebooks (notebooks/*.ipynb) and runs each one with gokernel's
// headless runner, so that the committed notebooks carry the kernel's own
// outputs, charts included. Run it from the repository root:
//
//	go run notebooks/gen.go              # convert and run every notebook
//	go run notebooks/gen.go -run=false   # convert only (outputs are empty)
//	go run notebooks/gen.go -only 03     # the notebooks whose name contains 03
//
// A notebook whose run fails is still written, with the outputs up to the
// failing cell, and gen exits with status 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokernel/gokernel/kernel/notebook"
)

func main() {
	dir := flag.String("dir", "notebooks", "the notebooks directory (src/ holds the scripts)")
	run := flag.Bool("run", true, "execute each notebook with the headless runner")
	only := flag.String("only", "", "only the scripts whose name contains `TEXT`")
	timeout := flag.Duration("timeout", 2*time.Minute, "time limit of one notebook's run")
	flag.Parse()
	if err := gen(*dir, *only, *run, *timeout); err != nil {
		slog.Error("gen", "err", err)
		os.Exit(1)
	}
}

func gen(dir, only string, run bool, timeout time.Duration) error {
	srcs, err := filepath.Glob(filepath.Join(dir, "src", "*.go.txt"))
	if err != nil {
		return fmt.Errorf("list scripts: %w", err)
	}
	var kernel string
	if run {
		tmp, err := os.MkdirTemp("", "gokernel-gen-")
		if err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		defer os.RemoveAll(tmp)
		kernel = filepath.Join(tmp, "gokernel")
		build := exec.Command("go", "build", "-o", kernel, "./cmd/kernel")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build the kernel: %w", err)
		}
	}
	var failed []string
	for _, src := range srcs {
		if !strings.Contains(filepath.Base(src), only) {
			continue
		}
		out, err := convert(dir, src)
		if err != nil {
			return err
		}
		if !run {
			fmt.Fprintf(os.Stderr, "gen: wrote %s\n", out)
			continue
		}
		start := time.Now()
		if err := execute(kernel, out, timeout); err != nil {
			failed = append(failed, filepath.Base(out))
			fmt.Fprintf(os.Stderr, "gen: %s FAILED after %.1fs: %v\n", out, time.Since(start).Seconds(), err)
			continue
		}
		fmt.Fprintf(os.Stderr, "gen: ran %s in %.1fs\n", out, time.Since(start).Seconds())
	}
	if len(failed) > 0 {
		return fmt.Errorf("notebooks that failed: %s", strings.Join(failed, ", "))
	}
	return nil
}

// convert writes dir/NAME.ipynb from dir/src/NAME.go.txt.
func convert(dir, src string) (string, error) {
	text, err := os.ReadFile(src)
	if err != nil {
		return "", fmt.Errorf("read script: %w", err)
	}
	nb, err := notebook.FromPercent(src, text)
	if err != nil {
		return "", fmt.Errorf("convert: %w", err)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), ".go.txt")+".ipynb")
	if err := notebook.WriteFile(out, nb); err != nil {
		return "", fmt.Errorf("write %s: %w", out, err)
	}
	return out, nil
}

// execute runs a notebook in place with `gokernel run`, in the
// notebook's directory (so relative paths in cells work as in Jupyter).
func execute(kernel, nb string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, kernel, "run", "--inplace", filepath.Base(nb))
	cmd.Dir = filepath.Dir(nb)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("gokernel run %s: %w", nb, err)
	}
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/notebook"
	"github.com/gokernel/gokernel/kernel/runner"
)

func init() {
	commands["run"] = command{
		summary: "run a notebook headlessly, progress on stderr",
		run: func(args []string) int {
			return runNotebook(args, os.Stdout, os.Stderr, newEngine)
		},
	}
}

// runConfig is what the flags of `kernel run` say.
type runConfig struct {
	input, output string
	timeout       time.Duration
	allowErrors   bool
	verbose       bool
}

const runUsage = `Usage: kernel run NOTEBOOK.ipynb [-o OUT.ipynb] [--timeout D] [--allow-errors] [--inplace]

Runs the code cells of a notebook in order, in a fresh gokernel session, and
writes the notebook with their outputs. Progress goes to stderr, one line
per cell. The output goes to NOTEBOOK.out.ipynb unless -o (a file, or - for
stdout) or --inplace says otherwise. A failing cell stops the run (unless
--allow-errors): the notebook is still written, up to that cell, and the
command exits with status 1 naming the cell and the error.

Options:`

// parseRunArgs reads the arguments; flags may come before or after the
// notebook name.
func parseRunArgs(args []string, stderr io.Writer) (runConfig, error) {
	var cfg runConfig
	var inplace bool
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, runUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.output, "o", "", "write the executed notebook to `FILE` (- for stdout)")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Minute, "interrupt a cell that runs longer than `D` and fail (0: no limit)")
	fs.BoolVar(&cfg.allowErrors, "allow-errors", false, "run every cell even after one fails; exit 0")
	fs.BoolVar(&inplace, "inplace", false, "overwrite the input notebook")
	fs.BoolVar(&cfg.verbose, "v", false, "log the engine's debug messages to stderr")
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return cfg, err
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(positional) != 1 {
		fs.Usage()
		return cfg, fmt.Errorf("want one notebook, got %d arguments", len(positional))
	}
	cfg.input = positional[0]
	switch {
	case inplace && cfg.output != "":
		return cfg, errors.New("use -o or --inplace, not both")
	case inplace:
		cfg.output = cfg.input
	case cfg.output == "":
		cfg.output = defaultOutput(cfg.input)
	}
	if cfg.timeout < 0 {
		return cfg, fmt.Errorf("negative --timeout %v", cfg.timeout)
	}
	return cfg, nil
}

// defaultOutput is where `kernel run` writes without -o: beside the input,
// as NAME.out.ipynb, so running a notebook never overwrites it by surprise.
func defaultOutput(input string) string {
	return strings.TrimSuffix(input, filepath.Ext(input)) + ".out.ipynb"
}

// runNotebook is `kernel run`; newEng starts the engine (newEngine, or a
// fake in tests).
func runNotebook(args []string, stdout, stderr io.Writer, newEng func(*slog.Logger) (engine.Engine, error)) int {
	cfg, err := parseRunArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "kernel run: %v\n", err)
		return 2
	}
	nb, err := notebook.ReadFile(cfg.input)
	if err != nil {
		fmt.Fprintf(stderr, "kernel run: %v\n", err)
		return 1
	}
	if lang := notebookLanguage(nb); lang != "" && lang != "go" {
		fmt.Fprintf(stderr, "kernel run: %s is a %s notebook; gokernel runs Go\n", cfg.input, lang)
		return 1
	}
	nb.Upgrade(nil)

	level := slog.LevelWarn
	if cfg.verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	eng, err := newEng(logger)
	if err != nil {
		fmt.Fprintf(stderr, "kernel run: start the engine: %v\n", err)
		return 1
	}
	defer func() {
		if err := eng.Close(); err != nil {
			logger.Warn("close engine", "err", err)
		}
	}()

	// Ctrl-C interrupts the running cell and stops the run; the notebook
	// is still written.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	res, runErr := runner.Run(ctx, eng, nb, runner.Options{
		Timeout:      cfg.timeout,
		AllowErrors:  cfg.allowErrors,
		Progress:     stderr,
		LanguageInfo: languageInfo(),
		KernelSpec:   map[string]any{"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"},
	})

	if err := writeNotebook(cfg.output, nb, stdout); err != nil {
		fmt.Fprintf(stderr, "kernel run: %v\n", err)
		return 1
	}
	where := cfg.output
	if where == "-" {
		where = "stdout"
	}
	var cellErr *runner.CellError
	switch {
	case errors.As(runErr, &cellErr):
		fmt.Fprintf(stderr, "kernel run: %v\n", cellErr)
		for _, line := range cellErr.Traceback {
			fmt.Fprintf(stderr, "  %s\n", line)
		}
		fmt.Fprintf(stderr, "kernel run: wrote the notebook up to that cell to %s\n", where)
		return 1
	case runErr != nil:
		fmt.Fprintf(stderr, "kernel run: %v\nkernel run: wrote the notebook up to that cell to %s\n", runErr, where)
		return 1
	}
	fmt.Fprintf(stderr, "kernel run: %d cells in %.2fs", res.Executed, time.Since(start).Seconds())
	if n := len(res.Failed); n > 0 {
		fmt.Fprintf(stderr, ", %d failed (--allow-errors)", n)
	}
	fmt.Fprintf(stderr, "; wrote %s\n", where)
	return 0
}

// notebookLanguage is the language the notebook says it is written in
// (kernelspec.language, else language_info.name), or "".
func notebookLanguage(nb *notebook.Notebook) string {
	for _, key := range [][2]string{{"kernelspec", "language"}, {"language_info", "name"}} {
		if m, ok := nb.Metadata[key[0]].(map[string]any); ok {
			if lang, ok := m[key[1]].(string); ok && lang != "" {
				return strings.ToLower(lang)
			}
		}
	}
	return ""
}

func writeNotebook(name string, nb *notebook.Notebook, stdout io.Writer) error {
	if name == "-" {
		return notebook.Write(stdout, nb)
	}
	return notebook.WriteFile(name, nb)
}

// languageInfo is the language_info a notebook run by gokernel records:
// the same as the kernel's kernel_info_reply (package kernel) gives
// Jupyter.
func languageInfo() map[string]any {
	return map[string]any{
		"name":            "go",
		"version":         strings.TrimPrefix(strings.Fields(runtime.Version() + " ")[0], "go"),
		"mimetype":        "text/x-go",
		"file_extension":  ".go",
		"codemirror_mode": "go",
		"pygments_lexer":  "go",
	}
}

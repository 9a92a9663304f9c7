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
	"sync"
	"syscall"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/engine"
)

func init() {
	commands["serve"] = command{
		summary: "serve a Jupyter connection file (what kernel.json starts)",
		run: func(args []string) int {
			return serve(args, os.Stderr, newEngine)
		},
	}
}

const serveUsage = `Usage: kernel serve CONNECTION_FILE

Serves one Jupyter kernel session on the sockets of CONNECTION_FILE until a
client asks for shutdown. SIGINT interrupts the running cell (signal
interrupt mode); SIGTERM stops the kernel. Logs go to stderr, at the level
of GOKERNEL_LOG (debug, info, warn or error; default warn).

Cell history is kept in GOKERNEL_HISTORY (default: gokernel/history.jsonl
in the Jupyter data directory); GOKERNEL_HISTORY=off keeps it in memory.`

// serve runs `kernel serve`: it returns the exit status.
func serve(args []string, stderr io.Writer, newEng func(*slog.Logger) (engine.Engine, error)) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, serveUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel(os.Getenv("GOKERNEL_LOG"))}))
	cfg, err := connfile.Load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "kernel serve: %v\n", err)
		return 1
	}
	eng, err := newEng(logger)
	if err != nil {
		fmt.Fprintf(stderr, "kernel serve: start the engine: %v\n", err)
		return 1
	}
	var opts []kernel.Option
	if path := historyPath(os.Getenv("GOKERNEL_HISTORY")); path != "" {
		opts = append(opts, kernel.WithHistoryFile(path))
	}
	srv, err := kernel.New(cfg, eng, logger, opts...)
	if err != nil {
		_ = eng.Close()
		fmt.Fprintf(stderr, "kernel serve: %v\n", err)
		return 1
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// signal.Notify also re-enables a SIGINT that was ignored at start
	// (a background job inherits it ignored).
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	var watcher sync.WaitGroup
	watcher.Go(func() { watchSignals(ctx, sigs, eng, cancel, logger) })

	err = srv.Run(ctx)
	cancel()
	watcher.Wait()
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "kernel serve: %v\n", err)
		return 1
	}
	return 0
}

// watchSignals interrupts the running cell on SIGINT and stops the kernel
// (cancel) on anything else, until ctx ends.
func watchSignals(ctx context.Context, sigs <-chan os.Signal, eng engine.Engine, cancel context.CancelFunc, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case s := <-sigs:
			if s == os.Interrupt {
				logger.Info("SIGINT: interrupting the running cell")
				eng.Interrupt()
				continue
			}
			logger.Info("signal: stopping", "signal", s.String())
			cancel()
		}
	}
}

// logLevel reads GOKERNEL_LOG; anything unknown means warn.
func logLevel(s string) slog.Level {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug
	case "info":
		return slog.LevelInfo
	case "error":
		return slog.LevelError
	}
	return slog.LevelWarn
}

// historyPath is where history is kept: setting (GOKERNEL_HISTORY) names a
// file, "off" means nowhere, empty means the Jupyter data directory.
func historyPath(setting string) string {
	switch setting {
	case "off":
		return ""
	case "":
		dir := jupyterDataDir()
		if dir == "" {
			return ""
		}
		return filepath.Join(dir, "gokernel", "history.jsonl")
	}
	return setting
}

// jupyterDataDir follows jupyter_core: JUPYTER_DATA_DIR, else
// ~/Library/Jupyter on macOS, else $XDG_DATA_HOME/jupyter or
// ~/.local/share/jupyter.
func jupyterDataDir() string {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Jupyter")
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "jupyter")
	}
	return filepath.Join(home, ".local", "share", "jupyter")
}

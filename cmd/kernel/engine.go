package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/gokernel/gokernel/interp"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/supervisor"
)

// outputLimitEnv names the environment variable that caps the text one
// cell may print ("1MiB"; empty or "0" for the default).
const outputLimitEnv = "GOKERNEL_OUTPUT_LIMIT"

// newEngine returns the supervisor: cells run in a child process, this
// same binary started as `kernel executor`.
func newEngine(logger *slog.Logger) (engine.Engine, error) {
	cfg, err := engineConfig(logger)
	if err != nil {
		return nil, err
	}
	return supervisor.New(context.Background(), cfg)
}

// engineConfig builds the supervisor's configuration from the
// environment.
func engineConfig(logger *slog.Logger) (supervisor.Config, error) {
	self, err := os.Executable()
	if err != nil {
		return supervisor.Config{}, fmt.Errorf("find the kernel binary: %w", err)
	}
	// The ceiling is GOKERNEL_MEMORY_LIMIT ("4GiB", "off"), by default 4 GiB
	// or 3/4 of the machine's memory.
	limit := supervisor.DefaultMemoryLimit()
	if text, ok := os.LookupEnv(supervisor.MemoryLimitEnv); ok && text != "" {
		if limit, err = supervisor.ParseSize(text); err != nil {
			return supervisor.Config{}, fmt.Errorf("%s: %w", supervisor.MemoryLimitEnv, err)
		}
	}
	// GOKERNEL_OUTPUT_LIMIT caps what one cell may print (default 1 MiB).
	var output int64
	if text := os.Getenv(outputLimitEnv); text != "" {
		if output, err = supervisor.ParseSize(text); err != nil {
			return supervisor.Config{}, fmt.Errorf("%s: %w", outputLimitEnv, err)
		}
	}
	return supervisor.Config{
		Path:        self,
		Args:        []string{"executor"},
		Logger:      logger,
		Explain:     explainCrash,
		MemoryLimit: limit,
		OutputLimit: int(output),
	}, nil
}

// explainCrash puts an executor death in the student's words.
func explainCrash(c supervisor.Crash) (ename, evalue string, traceback []string) {
	e := interp.ExplainCrash(interp.Crash{Output: c.Output, ExitCode: c.ExitCode, Signal: c.Signal, MemoryLimit: c.MemoryLimit})
	return e.Name, e.Value, e.Traceback
}

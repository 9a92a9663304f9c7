package main

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/supervisor"
)

func TestEngineConfigMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want int64
		bad  bool
	}{
		{env: "", want: supervisor.DefaultMemoryLimit()},
		{env: "512MiB", want: 512 << 20},
		{env: "off", want: 0},
		{env: "a lot", bad: true},
	} {
		t.Setenv(supervisor.MemoryLimitEnv, tc.env)
		cfg, err := engineConfig(slog.New(slog.DiscardHandler))
		if tc.bad {
			if err == nil || !strings.Contains(err.Error(), supervisor.MemoryLimitEnv) {
				t.Errorf("%q: error %v, want one naming %s", tc.env, err, supervisor.MemoryLimitEnv)
			}
			continue
		}
		if err != nil || cfg.MemoryLimit != tc.want {
			t.Errorf("%q: limit %d, %v; want %d", tc.env, cfg.MemoryLimit, err, tc.want)
		}
		if len(cfg.Args) != 1 || cfg.Args[0] != "executor" || cfg.Path == "" {
			t.Errorf("%q: executor command %q %q", tc.env, cfg.Path, cfg.Args)
		}
	}
}

func TestExplainCrashWiring(t *testing.T) {
	ename, evalue, tb := explainCrash(supervisor.Crash{Output: "fatal error: concurrent map writes\n", ExitCode: 2})
	if ename != "ConcurrentMapAccess" || !strings.Contains(evalue, "concurrent map writes") || len(tb) == 0 {
		t.Errorf("explainCrash = %q, %q, %q", ename, evalue, tb)
	}
	ename, evalue, _ = explainCrash(supervisor.Crash{ExitCode: -1, Signal: "killed", MemoryLimit: 1 << 30})
	if ename != "MemoryLimit" || !strings.Contains(evalue, "1 GiB") {
		t.Errorf("memory kill explained as %q, %q", ename, evalue)
	}
}

func TestEngineConfigOutputLimit(t *testing.T) {
	t.Setenv(outputLimitEnv, "64KiB")
	cfg, err := engineConfig(slog.New(slog.DiscardHandler))
	if err != nil || cfg.OutputLimit != 64<<10 {
		t.Errorf("output limit %d, %v; want 64 KiB", cfg.OutputLimit, err)
	}
	t.Setenv(outputLimitEnv, "much")
	if _, err := engineConfig(slog.New(slog.DiscardHandler)); err == nil {
		t.Error("a bad GOKERNEL_OUTPUT_LIMIT was accepted")
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

func fakeEngine(eng *kerneltest.FakeEngine) func(*slog.Logger) (engine.Engine, error) {
	return func(*slog.Logger) (engine.Engine, error) { return eng, nil }
}

func TestServeArgs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     int
		wantText string
	}{
		{"no file", nil, 2, "Usage: kernel serve"},
		{"two files", []string{"a", "b"}, 2, "Usage: kernel serve"},
		{"help", []string{"-h"}, 0, "SIGINT interrupts"},
		{"missing file", []string{filepath.Join(t.TempDir(), "none.json")}, 1, "read connection file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := serve(tt.args, &stderr, fakeEngine(&kerneltest.FakeEngine{})); got != tt.want {
				t.Errorf("serve(%q) = %d, want %d; stderr:\n%s", tt.args, got, tt.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantText) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.wantText)
			}
		})
	}
}

func TestHistoryPath(t *testing.T) {
	t.Setenv("JUPYTER_DATA_DIR", "/data/jupyter")
	tests := map[string]string{
		"off":             "",
		"":                filepath.Join("/data/jupyter", "gokernel", "history.jsonl"),
		"/tmp/hist.jsonl": "/tmp/hist.jsonl",
	}
	for in, want := range tests {
		if got := historyPath(in); got != want {
			t.Errorf("historyPath(%q) = %q, want %q", in, got, want)
		}
	}
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if runtime.GOOS != "darwin" {
		if got := historyPath(""); got != filepath.Join("/xdg", "jupyter", "gokernel", "history.jsonl") {
			t.Errorf("historyPath with XDG_DATA_HOME = %q", got)
		}
	}
}

func TestLogLevel(t *testing.T) {
	for in, want := range map[string]slog.Level{"debug": slog.LevelDebug, "INFO": slog.LevelInfo, "warn": slog.LevelWarn,
		"error": slog.LevelError, "": slog.LevelWarn, "loud": slog.LevelWarn} {
		if got := logLevel(in); got != want {
			t.Errorf("logLevel(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestServeSession runs `kernel serve` on a connection file with a fake
// engine, executes a cell as a client and shuts the kernel down.
func TestServeSession(t *testing.T) {
	var ports [5]int
	var ls []net.Listener
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	for _, l := range ls {
		l.Close()
	}
	cfg := connfile.Config{Transport: "tcp", IP: "127.0.0.1", ShellPort: ports[0], IOPubPort: ports[1], StdinPort: ports[2],
		ControlPort: ports[3], HBPort: ports[4], Key: "k", SignatureScheme: "hmac-sha256", KernelName: "gokernel"}
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kernel.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	history := filepath.Join(t.TempDir(), "history.jsonl")
	t.Setenv("GOKERNEL_HISTORY", history)
	eng := &kerneltest.FakeEngine{}
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- serve([]string{path}, &stderr, fakeEngine(eng)) }()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := kerneltest.Connect(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res, err := c.Request(ctx, kerneltest.Shell, "execute_request", map[string]any{"code": "print:served"})
	if err != nil {
		t.Fatal(err)
	}
	if out := res.Outputs("stream"); len(out) != 1 || out[0]["text"] != "served\n" {
		t.Errorf("stream = %v", out)
	}
	if _, err := c.Request(ctx, kerneltest.Control, "shutdown_request", map[string]any{"restart": false}); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d; stderr:\n%s", code, stderr.String())
		}
	case <-ctx.Done():
		t.Fatal("serve did not return after shutdown_request")
	}
	if stderr.Len() != 0 {
		t.Errorf("serve logged at the default level (warn): %s", stderr.String())
	}
	if data, err := os.ReadFile(history); err != nil || !strings.Contains(string(data), `"input":"print:served"`) {
		t.Errorf("history file %s: %q, %v", history, data, err)
	}
}

func TestWatchSignals(t *testing.T) {
	eng := &kerneltest.FakeEngine{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal)
	done := make(chan struct{})
	go func() {
		watchSignals(ctx, sigs, eng, cancel, slog.New(slog.DiscardHandler))
		close(done)
	}()
	sigs <- os.Interrupt
	sigs <- os.Interrupt
	sigs <- syscall.SIGTERM // cancels ctx, which ends watchSignals
	<-done
	if _, interrupts, _ := eng.Stats(); interrupts != 2 {
		t.Errorf("interrupts = %d, want 2", interrupts)
	}
	if ctx.Err() == nil {
		t.Error("SIGTERM did not cancel the kernel")
	}
}

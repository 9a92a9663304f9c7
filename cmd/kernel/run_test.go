package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/kerneltest"
	"github.com/gokernel/gokernel/kernel/notebook"
)

func TestParseRunArgs(t *testing.T) {
	tests := []struct {
		args    []string
		want    runConfig
		wantErr string
	}{
		{[]string{"a.ipynb"}, runConfig{input: "a.ipynb", output: "a.out.ipynb", timeout: 10 * time.Minute}, ""},
		{[]string{"dir/x.ipynb", "-o", "y.ipynb"}, runConfig{input: "dir/x.ipynb", output: "y.ipynb", timeout: 10 * time.Minute}, ""},
		{[]string{"--timeout", "5s", "x.ipynb", "--allow-errors"}, runConfig{input: "x.ipynb", output: "x.out.ipynb", timeout: 5 * time.Second, allowErrors: true}, ""},
		{[]string{"x.ipynb", "--inplace"}, runConfig{input: "x.ipynb", output: "x.ipynb", timeout: 10 * time.Minute}, ""},
		{[]string{"x.ipynb", "-o", "-"}, runConfig{input: "x.ipynb", output: "-", timeout: 10 * time.Minute}, ""},
		{[]string{}, runConfig{}, "want one notebook, got 0"},
		{[]string{"a.ipynb", "b.ipynb"}, runConfig{}, "want one notebook, got 2"},
		{[]string{"a.ipynb", "--inplace", "-o", "b"}, runConfig{}, "not both"},
		{[]string{"a.ipynb", "--timeout", "-1s"}, runConfig{}, "negative"},
		{[]string{"a.ipynb", "--bogus"}, runConfig{}, "not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			got, err := parseRunArgs(tt.args, &stderr)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("config = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// writeNotebookFile writes a notebook of code cells into dir.
func writeNotebookFile(t *testing.T, dir string, sources ...string) string {
	t.Helper()
	nb := notebook.New()
	nb.Cells = append(nb.Cells, &notebook.Cell{Type: notebook.Markdown, Source: "# test"})
	for _, s := range sources {
		nb.Cells = append(nb.Cells, &notebook.Cell{Type: notebook.Code, Source: s})
	}
	nb.Upgrade(nil)
	name := filepath.Join(dir, "nb.ipynb")
	if err := notebook.WriteFile(name, nb); err != nil {
		t.Fatal(err)
	}
	return name
}

// outputsOf returns, per code cell, its outputs in a short text form.
func outputsOf(t *testing.T, nb *notebook.Notebook) []string {
	t.Helper()
	var got []string
	for _, c := range nb.CodeCells() {
		var parts []string
		for _, o := range c.Outputs {
			switch o.Type {
			case notebook.Stream:
				parts = append(parts, o.Name+":"+o.Text)
			case notebook.ExecuteResult, notebook.DisplayData:
				parts = append(parts, o.Type+":"+asString(o.Data["text/plain"]))
			case notebook.Error:
				parts = append(parts, "error:"+o.EName)
			}
		}
		got = append(got, strings.Join(parts, "|"))
	}
	return got
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

// TestRunCommand drives `kernel run` with the scriptable fake engine.
func TestRunCommand(t *testing.T) {
	tests := []struct {
		name     string
		cells    []string
		args     []string
		code     int
		outputs  []string
		stderrRE []string
	}{
		{
			name:     "all pass",
			cells:    []string{"print:hello", "result:42"},
			code:     0,
			outputs:  []string{"stdout:hello\n", "execute_result:42"},
			stderrRE: []string{"[1/2] cell ", "[2/2] cell ", "kernel run: 2 cells in"},
		},
		{
			name:     "stops at the failing cell",
			cells:    []string{"print:one", "print:two\nerror:boom", "print:never"},
			code:     1,
			outputs:  []string{"stdout:one\n", "stdout:two\n|error:FakeError", ""},
			stderrRE: []string{"ERROR FakeError", "In [2] (cell 3, id ", "`print:two` failed: FakeError: boom", "FakeError: boom", "wrote the notebook up to that cell"},
		},
		{
			name:     "allow errors",
			cells:    []string{"error:boom", "print:after"},
			args:     []string{"--allow-errors"},
			code:     0,
			outputs:  []string{"error:FakeError", "stdout:after\n"},
			stderrRE: []string{"1 failed (--allow-errors)"},
		},
		{
			name:     "timeout interrupts",
			cells:    []string{"print:start\nblock", "print:never"},
			args:     []string{"--timeout", "100ms"},
			code:     1,
			outputs:  []string{"stdout:start\n|error:KeyboardInterrupt", ""},
			stderrRE: []string{"TIMEOUT", "timed out", "100ms"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeNotebookFile(t, dir, tt.cells...)
			fake := &kerneltest.FakeEngine{}
			newEng := func(*slog.Logger) (engine.Engine, error) { return fake, nil }
			var stdout, stderr bytes.Buffer
			code := runNotebook(append([]string{in}, tt.args...), &stdout, &stderr, newEng)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, stderr.String())
			}
			for _, want := range tt.stderrRE {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			if _, _, closed := fake.Stats(); !closed {
				t.Error("engine not closed")
			}
			out, err := notebook.ReadFile(filepath.Join(dir, "nb.out.ipynb"))
			if err != nil {
				t.Fatal(err)
			}
			if got := outputsOf(t, out); strings.Join(got, "\n") != strings.Join(tt.outputs, "\n") {
				t.Errorf("outputs = %q, want %q", got, tt.outputs)
			}
			if li, _ := out.Metadata["language_info"].(map[string]any); li["name"] != "go" {
				t.Errorf("language_info = %v", out.Metadata["language_info"])
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout not empty: %q", stdout.String())
			}
		})
	}
}

func TestRunCommandStdoutAndInplace(t *testing.T) {
	dir := t.TempDir()
	in := writeNotebookFile(t, dir, "print:hi")
	newEng := func(*slog.Logger) (engine.Engine, error) { return &kerneltest.FakeEngine{}, nil }
	var stdout, stderr bytes.Buffer
	if code := runNotebook([]string{in, "-o", "-"}, &stdout, &stderr, newEng); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	nb, err := notebook.Read(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	if got := outputsOf(t, nb); len(got) != 1 || got[0] != "stdout:hi\n" {
		t.Errorf("outputs = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "nb.out.ipynb")); !os.IsNotExist(err) {
		t.Errorf("-o - also wrote a file: %v", err)
	}

	if code := runNotebook([]string{in, "--inplace"}, &stdout, &stderr, newEng); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	back, err := notebook.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := outputsOf(t, back); len(got) != 1 || got[0] != "stdout:hi\n" {
		t.Errorf("in-place outputs = %q", got)
	}
}

func TestRunCommandBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ipynb")
	if err := os.WriteFile(bad, []byte(`{"cells": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	newEng := func(*slog.Logger) (engine.Engine, error) {
		t.Error("engine started for an invalid notebook")
		return &kerneltest.FakeEngine{}, nil
	}
	python := filepath.Join(dir, "python.ipynb")
	if err := os.WriteFile(python, []byte(`{"cells": [], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{bad}, 1, "invalid notebook"},
		{[]string{python}, 1, "is a python notebook"},
		{[]string{filepath.Join(dir, "missing.ipynb")}, 1, "no such file"},
		{[]string{}, 2, "want one notebook"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runNotebook(tt.args, &stdout, &stderr, newEng); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

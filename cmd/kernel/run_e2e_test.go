package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/notebook"
)

// TestRunEndToEnd runs Go notebooks through the real binary: supervisor,
// executor process and interpreter, as `kernel run` does for a user.
func TestRunEndToEnd(t *testing.T) {
	bin := buildKernel(t)
	tests := []struct {
		name    string
		cells   []string
		args    []string
		code    int
		outputs []string
		stderr  []string
	}{
		{
			name: "state between cells",
			cells: []string{
				`fmt.Println("hello from go")`,
				"x := 20\nx + 22",
				"for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}",
			},
			outputs: []string{"stdout:hello from go\n", "execute_result:42", "stdout:0\n1\n2\n"},
			stderr:  []string{"[1/3] cell", "[3/3] cell", "kernel run: 3 cells in"},
		},
		{
			name:    "panic stops the run",
			cells:   []string{`fmt.Println("before")`, `panic("boom")`, `fmt.Println("never")`},
			code:    1,
			outputs: []string{"stdout:before\n", "error:", ""},
			stderr:  []string{"In [2] (cell 3, id ", "`panic(\"boom\")` failed", "boom"},
		},
		{
			name:    "endless loop times out",
			cells:   []string{"for {\n}", `fmt.Println("never")`},
			args:    []string{"--timeout", "2s"},
			code:    1,
			outputs: []string{"error:", ""},
			stderr:  []string{"TIMEOUT", "timed out"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := writeNotebookFile(t, dir, tt.cells...)
			out := runBin(t, bin, nil, tt.code, append([]string{"run", in}, tt.args...)...)
			for _, want := range tt.stderr {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			nb, err := notebook.ReadFile(filepath.Join(dir, "nb.out.ipynb"))
			if err != nil {
				t.Fatal(err)
			}
			got := outputsOf(t, nb)
			for i, want := range tt.outputs {
				// An error's name is the interpreter's business: check the type only.
				if i >= len(got) || !strings.HasPrefix(got[i], want) || (want == "" && got[i] != "") {
					t.Errorf("cell %d outputs = %q, want %q", i+1, got, tt.outputs)
					break
				}
			}
		})
	}
}

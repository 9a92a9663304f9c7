package notebook

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updatePercent = flag.Bool("update-percent", false, "rewrite testdata/percent.golden.ipynb")

// TestFromPercentGolden converts a script with every kind of cell and
// compares the written notebook with a golden file.
func TestFromPercentGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "percent.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	nb, err := FromPercent("testdata/percent.go", src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "percent.golden.ipynb")
	if *updatePercent {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("FromPercent output differs from %s (go test -run FromPercentGolden -update-percent):\n%s", golden, got)
	}
	if _, err := Read(bytes.NewReader(got)); err != nil {
		t.Errorf("converted notebook does not read back: %v", err)
	}
}

// TestFromPercentCells checks one rule of the format per row.
func TestFromPercentCells(t *testing.T) {
	tests := []struct {
		name, src string
		types     []string
		sources   []string
	}{
		{"code cell", "// %%\nx := 1\n", []string{Code}, []string{"x := 1"}},
		{"blank lines trimmed", "// %%\n\n\nx := 1\n\ny := 2\n\n", []string{Code}, []string{"x := 1\n\ny := 2"}},
		{"markdown uncommented", "// %% [markdown]\n// # T\n//\n//  two spaces\n", []string{Markdown}, []string{"# T\n\n two spaces"}},
		{"md alias", "// %% [md]\n// a\n", []string{Markdown}, []string{"a"}},
		{"raw", "// %% [raw]\n// r\n", []string{Raw}, []string{"r"}},
		{"header ignored", "package main\n// %%\na\n", []string{Code}, []string{"a"}},
		{"marker with trailing spaces", "// %%  \na\n", []string{Code}, []string{"a"}},
		{"%%% is code", "// %%\n// %%%\n", []string{Code}, []string{"// %%%"}},
		{"empty cell kept", "// %%\n// %%\nb\n", []string{Code, Code}, []string{"", "b"}},
		{"magic in code", "// %%\n%%bash\nls\n", []string{Code}, []string{"%%bash\nls"}},
		{"CRLF", "// %%\r\na\r\n", []string{Code}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb, err := FromPercent("x.go", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(nb.Cells) != len(tt.types) {
				t.Fatalf("got %d cells, want %d", len(nb.Cells), len(tt.types))
			}
			for i, c := range nb.Cells {
				if c.Type != tt.types[i] || c.Source != tt.sources[i] {
					t.Errorf("cell %d = %s %q, want %s %q", i, c.Type, c.Source, tt.types[i], tt.sources[i])
				}
			}
		})
	}
}

// TestFromPercentMetadata checks the key=JSON pairs of a marker line.
func TestFromPercentMetadata(t *testing.T) {
	nb, err := FromPercent("x.go", []byte(`// %% nbgrader={"grade_id":"a b","points":2} tags=["x"] deletable=false`+"\nx\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := nb.Cells[0].Metadata
	g, _ := m["nbgrader"].(map[string]any)
	if g["grade_id"] != "a b" || g["points"] == nil || g["points"].(interface{ String() string }).String() != "2" {
		t.Errorf("nbgrader = %#v", m["nbgrader"])
	}
	if tags, _ := m["tags"].([]any); len(tags) != 1 || tags[0] != "x" {
		t.Errorf("tags = %#v", m["tags"])
	}
	if m["deletable"] != false {
		t.Errorf("deletable = %#v", m["deletable"])
	}
}

// TestFromPercentErrors checks that a broken marker names its line.
func TestFromPercentErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no cell", "x := 1\n", "no cell"},
		{"unknown type", "// %%\na\n// %% [python]\n", "x.go:3: cell type"},
		{"unclosed type", "// %% [markdown\n", "missing ]"},
		{"bad json", "// %% nbgrader={grade_id}\n", "metadata nbgrader"},
		{"not key=value", "// %% title\n", "want key=JSON"},
		{"duplicate key", "// %% a=1 a=2\n", "given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromPercent("x.go", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestFromPercentIDs checks that ids are stable and valid.
func TestFromPercentIDs(t *testing.T) {
	for name, want := range map[string]string{
		"notebooks/src/01-just-coroutines.go": "01-just-coroutines-1",
		"a b.go":                              "ab-1",
		"!!!.go":                              "cell-1",
	} {
		nb, err := FromPercent(name, []byte("// %%\nx\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := nb.Cells[0].ID; got != want {
			t.Errorf("%s: id %q, want %q", name, got, want)
		}
	}
}

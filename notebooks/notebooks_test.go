package notebooks_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/notebook"
)

// scripts returns the percent scripts, one per notebook.
func scripts(t *testing.T) []string {
	t.Helper()
	srcs, err := filepath.Glob(filepath.Join("src", "*.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 6 {
		t.Fatalf("found %d scripts in src/, want the 6 course notebooks", len(srcs))
	}
	return srcs
}

// load reads the committed notebook of a script and converts the script
// again in memory.
func load(t *testing.T, src string) (committed, fresh *notebook.Notebook) {
	t.Helper()
	name := strings.TrimSuffix(filepath.Base(src), ".go.txt") + ".ipynb"
	committed, err := notebook.ReadFile(name) // validates nbformat 4
	if err != nil {
		t.Fatalf("%s: %v (run: go run notebooks/gen.go)", name, err)
	}
	text, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err = notebook.FromPercent(src, text)
	if err != nil {
		t.Fatal(err)
	}
	return committed, fresh
}

// TestUpToDate checks that each committed notebook is nbformat 4.5 and has
// the cells of its script: same count, types, ids, sources and metadata.
func TestUpToDate(t *testing.T) {
	for _, src := range scripts(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			committed, fresh := load(t, src)
			if committed.NBFormatMinor != 5 {
				t.Errorf("nbformat 4.%d, want 4.5", committed.NBFormatMinor)
			}
			if ks, _ := committed.Metadata["kernelspec"].(map[string]any); ks["name"] != "gokernel" {
				t.Errorf("kernelspec = %v, want gokernel", committed.Metadata["kernelspec"])
			}
			if len(committed.Cells) != len(fresh.Cells) {
				t.Fatalf("%d cells, the script has %d: run go run notebooks/gen.go", len(committed.Cells), len(fresh.Cells))
			}
			for i, c := range committed.Cells {
				f := fresh.Cells[i]
				if c.Type != f.Type || c.ID != f.ID || c.Source != f.Source {
					t.Errorf("cell %d (%s) differs from the script: run go run notebooks/gen.go", i, f.ID)
				}
				if g, want := c.Metadata["nbgrader"] != nil, f.Metadata["nbgrader"] != nil; g != want {
					t.Errorf("cell %s: nbgrader metadata present %v, script says %v", f.ID, g, want)
				}
			}
		})
	}
}

// requireExecuted stops a subtest with one message when the notebook
// has not been run at all.
func requireExecuted(t *testing.T, nb *notebook.Notebook) {
	t.Helper()
	for _, c := range nb.CodeCells() {
		if c.ExecutionCount != 0 {
			return
		}
	}
	t.Fatal("the notebook has no outputs: run go run notebooks/gen.go")
}

// TestExecuted checks the outputs the kernel wrote: every code cell ran,
// none failed or wrote to stderr, and every chart is there.
func TestExecuted(t *testing.T) {
	for _, src := range scripts(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			committed, _ := load(t, src)
			requireExecuted(t, committed)
			for _, c := range committed.CodeCells() {
				if c.ExecutionCount == 0 {
					t.Errorf("cell %s was not executed", c.ID)
				}
				for _, o := range c.Outputs {
					switch {
					case o.Type == notebook.Error:
						t.Errorf("cell %s has an error output: %s: %s", c.ID, o.EName, o.EValue)
					case o.Type == notebook.Stream && o.Name == "stderr":
						t.Errorf("cell %s wrote to stderr: %.200s", c.ID, o.Text)
					}
				}
				if drawsChart(c.Source) {
					if !hasImage(c) {
						t.Errorf("cell %s draws a chart but has no image output", c.ID)
					}
				}
			}
		})
	}
}

// chartVar finds a chart built in a cell: name := plot.New(...).
var chartVar = regexp.MustCompile(`(?m)^(\w+)\s*:?=\s*plot\.New\(`)

// drawsChart reports whether a cell shows a chart: it calls display.Show,
// or its last line is a chart it built.
func drawsChart(src string) bool {
	if strings.Contains(src, "display.Show(") {
		return true
	}
	lines := strings.Split(strings.TrimSpace(src), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	for _, m := range chartVar.FindAllStringSubmatch(src, -1) {
		if m[1] == last {
			return true
		}
	}
	return false
}

func hasImage(c *notebook.Cell) bool {
	for _, o := range c.Outputs {
		if o.Data["image/svg+xml"] != nil || o.Data["image/png"] != nil {
			return true
		}
	}
	return false
}

// checkCall finds the check calls of a cell whose name is a string literal.
var checkCall = regexp.MustCompile(`check\.[A-Za-z]+\(\s*"((?:[^"\\]|\\.)*)"`)

// TestChecksPass checks that every check call of a cell printed its PASS
// line in that cell's output: a broken helper turns the notebook red.
func TestChecksPass(t *testing.T) {
	for _, src := range scripts(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			committed, _ := load(t, src)
			requireExecuted(t, committed)
			n := 0
			for _, c := range committed.CodeCells() {
				out := stdout(c)
				for _, m := range checkCall.FindAllStringSubmatch(c.Source, -1) {
					n++
					if want := "PASS " + m[1]; !strings.Contains(out, want) {
						t.Errorf("cell %s: no %q in its output", c.ID, want)
					}
				}
				if strings.Contains(out, "FAIL") {
					t.Errorf("cell %s: a check failed:\n%s", c.ID, out)
				}
			}
			if n < 4 {
				t.Errorf("only %d check calls: each experiment needs its check cell", n)
			}
		})
	}
}

func stdout(c *notebook.Cell) string {
	var b strings.Builder
	for _, o := range c.Outputs {
		if o.Type == notebook.Stream && o.Name == "stdout" {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// TestExercises checks the homework cells: 2 to 4 exercises per notebook,
// each a solution cell with nbgrader metadata and solution markers, followed
// by a locked, graded check cell.
func TestExercises(t *testing.T) {
	for _, src := range scripts(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			_, nb := load(t, src)
			solutions, graded := 0, 0
			ids := map[string]bool{}
			for _, c := range nb.Cells {
				g, ok := c.Metadata["nbgrader"].(map[string]any)
				if !ok {
					continue
				}
				id, _ := g["grade_id"].(string)
				if id == "" || ids[id] {
					t.Errorf("cell %s: grade_id %q missing or not unique", c.ID, id)
				}
				ids[id] = true
				if v := g["schema_version"]; fmt.Sprint(v) != "3" {
					t.Errorf("cell %s: schema_version %v, want 3", c.ID, v)
				}
				for _, key := range []string{"grade", "solution", "locked"} {
					if _, ok := g[key].(bool); !ok {
						t.Errorf("cell %s: nbgrader.%s missing", c.ID, key)
					}
				}
				switch {
				case g["solution"] == true:
					solutions++
					if !strings.Contains(c.Source, "// BEGIN SOLUTION") || !strings.Contains(c.Source, "// END SOLUTION") {
						t.Errorf("solution cell %s has no BEGIN/END SOLUTION markers", c.ID)
					}
					if g["locked"] != false {
						t.Errorf("solution cell %s is locked", c.ID)
					}
				case g["grade"] == true:
					graded++
					if g["locked"] != true || g["points"] == nil {
						t.Errorf("graded cell %s must be locked and have points", c.ID)
					}
					if !strings.Contains(c.Source, "check.") {
						t.Errorf("graded cell %s has no check", c.ID)
					}
				}
			}
			if solutions < 2 || solutions > 4 || graded != solutions {
				t.Errorf("%d solution cells and %d graded cells, want 2-4 exercises each with its check", solutions, graded)
			}
		})
	}
}

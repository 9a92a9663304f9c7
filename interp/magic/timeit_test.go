package magic

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTimeitSourceRuns compiles and runs the generated timing code with
// the Go toolchain, the reference for what a Go cell means: the statement
// runs loops × runs times (plus the calibration runs), setup runs once,
// the declared variables do not break the build, and the value parses.
func TestTimeitSourceRuns(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	fixed := timeitSource(timeitOptions{loops: 3, runs: 4}, "step := 2", pos{1, 10}, "calls += step; y := calls", pos{2, 1})
	calibrated := timeitSource(timeitOptions{runs: 1}, "", pos{}, "calls++; time.Sleep(25 * time.Millisecond)", pos{1, 9})
	prog := "package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n\t\"time\"\n)\n\nvar calls int\n\nfunc main() {\n" +
		"\tfixed := " + fixed + "\tfmt.Println(fixed)\n\tfmt.Println(calls)\n\tcalls = 0\n" +
		"\tcalibrated := " + calibrated + "\tfmt.Println(calibrated)\n\tfmt.Println(calls)\n}\n"
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, "run", src)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s\nprogram:\n%s", err, out, prog)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 4 {
		t.Fatalf("output %q", out)
	}

	res := parseValue(t, lines[0])
	if res.loops != 3 || len(res.runs) != 4 {
		t.Errorf("fixed: %d loops, %d runs; want 3, 4", res.loops, len(res.runs))
	}
	if lines[1] != "24" {
		t.Errorf("fixed: calls = %s, want 24 (3 loops × 4 runs × step 2)", lines[1])
	}

	res = parseValue(t, lines[2])
	if len(res.runs) != 1 {
		t.Errorf("calibrated: %d runs, want 1", len(res.runs))
	}
	// Calibration ran 1, 10, ... up to the chosen count, then one run.
	want := 0
	n := 1
	for ; n < res.loops; n *= 10 {
		want += n
	}
	if n != res.loops {
		t.Fatalf("calibrated loop count %d is not a power of 10", res.loops)
	}
	want += 2 * res.loops
	if lines[3] != strconv.Itoa(want) {
		t.Errorf("calibrated: calls = %s, want %d for %d loops", lines[3], want, res.loops)
	}
	for _, d := range res.runs {
		if d <= 0 {
			t.Errorf("run took %v", d)
		}
	}
}

// parseValue parses a printed timing value as Session.Run would return
// it (a Go-quoted string).
func parseValue(t *testing.T, s string) timeitResult {
	t.Helper()
	res, err := parseTimeitValue(map[string]any{"text/plain": strconv.Quote(s)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTimeitSourcePositions checks that the user's statement keeps its
// cell position under go/parser, which the session's front end uses, and
// that the file name set by an earlier line directive is kept.
func TestTimeitSourcePositions(t *testing.T) {
	src := timeitSource(timeitOptions{runs: 7}, "xs := make([]int, 3)", pos{1, 11}, "sortIt(xs)", pos{2, 1})
	file := "package p\n\nfunc f() {\n//line cell7.go:1\n_ = " + src + "}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "_.go", file, 0)
	if err != nil {
		t.Fatalf("%v\n%s", err, file)
	}
	found := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Name == "sortIt" || id.Name == "make") {
			found[id.Name] = fset.Position(id.Pos()).String()
		}
		return true
	})
	want := map[string]string{"make": "cell7.go:1:17", "sortIt": "cell7.go:2:1"}
	for name, w := range want {
		if found[name] != w {
			t.Errorf("%s at %q, want %q", name, found[name], w)
		}
	}
}

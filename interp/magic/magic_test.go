package magic

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleVars are the variables of the fake session in most cases.
var sampleVars = []Var{
	{Name: "names", Type: "[]string", Value: "[ann bob]"},
	{Name: "count", Type: "int", Value: "3"},
	{Name: "long", Type: "string", Value: strings.Repeat("abcdefghij", 8)},
	{Name: "multi", Type: "string", Value: "line one\nline two"},
	{Name: "ch", Type: "chan int", Value: "0xc000012345"},
}

// cellCase is one row of TestExecute: a cell, the fake session's state,
// and the golden file with the transcript.
type cellCase struct {
	name   string
	cell   string
	vars   []Var
	values map[string]string
	timeit string
	input  func(ctx context.Context, prompt string) (string, error)
	setup  func(t *testing.T, dir string)
}

func TestExecute(t *testing.T) {
	cases := []cellCase{
		{name: "plain_go", cell: "x := 21 * 2\nx", values: map[string]string{"x := 21 * 2\nx": "42"}},
		{name: "mixed_steps", cell: "a := 1\n!echo from bash\nb := 2\n%who\nb\n", vars: sampleVars, values: map[string]string{"b": "2"}},
		{name: "go_error_stops_cell", cell: "!echo before\nfail()\n!echo after\n"},
		{name: "continuation_is_go", cell: "ok := a &&\n!b\n"},
		{name: "time_line", cell: "%time x := slow()\n"},
		{name: "time_value", cell: "x := 1\n%time  f(x)", values: map[string]string{"f(x)": "7"}},
		{name: "time_error", cell: "%time fail()"},
		{name: "time_empty", cell: "%time"},
		{name: "cell_time", cell: "%%time\nx := 1\n!echo hi\nx\n", values: map[string]string{"x": "1"}},
		{name: "cell_time_args", cell: "%%time x\ny\n"},
		{name: "timeit", cell: "%timeit f(10)", timeit: "1000 20500000 20400000 20600000 21000000 20450000 20550000 20500000"},
		{name: "timeit_options", cell: "%timeit -n 10 -r 3 x + 1", timeit: "10 1500 1400 1600"},
		{name: "timeit_cached", cell: "%timeit -r 2 f()", timeit: "100 200000 1000000"},
		{name: "timeit_bad_value", cell: "%timeit f()", timeit: "garbage"},
		{name: "timeit_empty", cell: "%timeit -n 5"},
		{name: "cell_timeit", cell: "%%timeit xs := make([]int, 100)\nsort.Ints(xs)\n", timeit: "10000 123000000 124000000 125000000 122000000 123500000 123000000 124500000"},
		{name: "who", cell: "%who", vars: sampleVars},
		{name: "who_type", cell: "%who string int", vars: sampleVars},
		{name: "who_type_none", cell: "%who float64", vars: sampleVars},
		{name: "who_empty", cell: "%who"},
		{name: "who_many", cell: "%who", vars: manyVars(11)},
		{name: "whos", cell: "%whos", vars: sampleVars},
		{name: "whos_empty", cell: "%whos"},
		{name: "reset_force", cell: "%reset -f\n%who", vars: sampleVars},
		{name: "reset_no_input", cell: "%reset", vars: sampleVars},
		{name: "reset_yes", cell: "%reset\n%who", vars: sampleVars, input: answer("y")},
		{name: "reset_no", cell: "%reset\n%who", vars: sampleVars, input: answer("")},
		{name: "reset_bad_arg", cell: "%reset -x"},
		{name: "env_set_get", cell: "%env GK_MAGIC_TEST=hello world\n%env GK_MAGIC_TEST\n!echo $GK_MAGIC_TEST\n%env GK_MAGIC_TEST2 two\n!echo $GK_MAGIC_TEST2"},
		{name: "env_missing", cell: "%env GK_MAGIC_NOT_SET"},
		{name: "cd_pwd", cell: "%cd sub\n%pwd", setup: mkdir("sub")},
		{name: "cd_minus", cell: "%cd sub\n%cd -\n!pwd", setup: mkdir("sub")},
		{name: "cd_missing", cell: "%cd nowhere"},
		{name: "lsmagic", cell: "%lsmagic"},
		{name: "help", cell: "%help"},
		{name: "help_name", cell: "%help timeit\n%help %%bash\n%help writefile\n%help !"},
		{name: "help_unknown", cell: "%help nope"},
		{name: "unknown_magic", cell: "%foo bar"},
		{name: "unknown_cell_magic", cell: "%%foo\nbar\n"},
		{name: "cell_magic_not_first", cell: "x := 1\n%%bash\necho\n"},
		{name: "html", cell: "%%html\n<b>bold</b>\n"},
		{name: "markdown", cell: "%%markdown\n# Title\n"},
		{name: "svg", cell: "%%svg\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"},
		{name: "latex", cell: "%%latex\n$x^2$\n"},
		{name: "html_args", cell: "%%html x\n<b>bold</b>\n"},
		{name: "writefile", cell: "%%writefile out.txt\nline one\n", setup: func(t *testing.T, dir string) {
			t.Cleanup(func() { checkFile(t, filepath.Join(dir, "out.txt"), "line one\n") })
		}},
		{name: "writefile_overwrite", cell: "%%writefile out.txt\nnew\n", setup: writeFile("out.txt", "old\n")},
		{name: "writefile_append", cell: "%%writefile -a out.txt\nnew\n", setup: func(t *testing.T, dir string) {
			writeFile("out.txt", "old\n")(t, dir)
			t.Cleanup(func() { checkFile(t, filepath.Join(dir, "out.txt"), "old\nnew\n") })
		}},
		{name: "writefile_no_name", cell: "%%writefile\nx\n"},
		{name: "bash", cell: "%%bash\necho out\necho err >&2\nfor i in 1 2 3; do echo line $i; done\n"},
		{name: "bash_exit_status", cell: "%%bash\necho partial\nexit 3\n"},
		{name: "shell_exit_status", cell: "!echo one\n!false\n!echo never"},
		{name: "shell_killed", cell: "!kill -TERM $$"},
		{name: "shell_vars", cell: "!echo {count} {names} {nope} {a,b} ${HOME+set} {}", vars: sampleVars},
	}
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			t.Setenv("GK_MAGIC_TEST", "")
			t.Setenv("GK_MAGIC_TEST2", "")
			os.Unsetenv("GK_MAGIC_TEST")
			os.Unsetenv("GK_MAGIC_TEST2")
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			tr, errs := &transcript{}, &transcript{}
			sess := &fakeSession{t: tr, values: tc.values, vars: tc.vars, timeit: tc.timeit}
			env := Env{
				Stdout: stream{tr, ""},
				Stderr: stream{errs, ""},
				Display: func(data, metadata map[string]any) {
					tr.add(fmt.Sprintf("[display %s]\n", bundle(data)))
				},
				Input: tc.input,
			}
			m := New(sess, env)
			v, err := m.Execute(context.Background(), tc.cell)
			if v != nil {
				tr.add(fmt.Sprintf("=> %s\n", bundle(v)))
			}
			if err != nil {
				tr.add(fmt.Sprintf("error: %v\n", err))
			}
			got := "cell:\n" + tc.cell + "\n----\n" + normalise(tr.String(), dir)
			if e := errs.String(); e != "" {
				// Apart: its order against stdout is not fixed.
				got += "---- stderr\n" + normalise(e, dir)
			}
			golden(t, filepath.Join(testdata, tc.name+".golden"), got)
		})
	}
}

// answer returns an Input func that answers s.
func answer(s string) func(context.Context, string) (string, error) {
	return func(_ context.Context, prompt string) (string, error) { return s, nil }
}

// mkdir returns a setup that makes a directory in the test's directory.
func mkdir(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// writeFile returns a setup that writes a file in the test's directory.
func writeFile(name, content string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkFile fails t unless the file holds want.
func checkFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", path, got, want)
	}
}

// manyVars returns n variables v00, v01, ...
func manyVars(n int) []Var {
	var vs []Var
	for i := range n {
		vs = append(vs, Var{Name: fmt.Sprintf("v%02d", i), Type: "int", Value: fmt.Sprint(i)})
	}
	return vs
}

// bundle renders a MIME bundle in a stable order.
func bundle(data map[string]any) string {
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s: %q", k, data[k]))
	}
	return strings.Join(parts, ", ")
}

// timeRE matches a span as formatTime writes it.
var timeRE = regexp.MustCompile(`\b\d+(\.\d+)?(e[+-]\d+)? (ns|µs|ms|s)\b|\b(\d+(d|h|min|s) ?)+\b`)

// normalise replaces the measured times of %time with T and the test
// directory with $DIR.
func normalise(s, dir string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, ln := range lines {
		if strings.HasPrefix(ln, "CPU times: ") || strings.HasPrefix(ln, "Wall time: ") {
			lines[i] = timeRE.ReplaceAllString(ln, "T")
		}
	}
	s = strings.Join(lines, "")
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		s = strings.ReplaceAll(s, real, "$DIR")
	}
	return strings.ReplaceAll(s, dir, "$DIR")
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("no golden file %s; run go test -update and review it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestEnvList checks that %env alone lists the environment, sorted.
func TestEnvList(t *testing.T) {
	t.Setenv("GK_MAGIC_LIST", "x y")
	tr := &transcript{}
	m := New(&fakeSession{t: tr}, Env{Stdout: stream{tr, ""}})
	if _, err := m.Execute(context.Background(), "%env"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(tr.String(), "\n"), "\n")
	if !slices.Contains(lines, "GK_MAGIC_LIST=x y") {
		t.Errorf("GK_MAGIC_LIST missing from %q", lines)
	}
	if !slices.IsSorted(lines) || len(lines) != len(os.Environ()) {
		t.Errorf("not the sorted environment: %q", lines)
	}
}

package interp

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var updateCrash = flag.Bool("update-crash", false, "rewrite interp/testdata/crash/*.golden")

// TestExplainCrash explains each crash in testdata/crash (real runtime
// output captured from the executor, after "#! exit N", "#! signal S" and
// "#! memory BYTES" header lines) and compares with NAME.golden.
func TestExplainCrash(t *testing.T) {
	files, err := filepath.Glob("testdata/crash/*.crash")
	if err != nil || len(files) == 0 {
		t.Fatalf("no crash cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".crash")
		t.Run(name, func(t *testing.T) {
			c := readCrash(t, file)
			e := ExplainCrash(c)
			got := "ename: " + e.Name + "\nevalue: " + e.Value + "\n--- traceback\n" + strings.Join(e.Traceback, "\n") + "\n"
			golden := strings.TrimSuffix(file, ".crash") + ".golden"
			if *updateCrash {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update-crash to create): %v", err)
			}
			if got != string(want) {
				t.Errorf("ExplainCrash mismatch\n--- got\n%s--- want\n%s", got, want)
			}
			for _, line := range e.Traceback {
				if strings.Contains(line, "yaegi") || strings.Contains(line, "/usr/local/go/") {
					t.Errorf("traceback keeps an interpreter or runtime frame: %q", line)
				}
			}
		})
	}
}

// readCrash parses a .crash file.
func readCrash(t *testing.T, file string) Crash {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var c Crash
	rest := string(b)
	for strings.HasPrefix(rest, "#! ") {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		key, val, _ := strings.Cut(strings.TrimPrefix(line, "#! "), " ")
		switch key {
		case "exit":
			c.ExitCode, err = strconv.Atoi(val)
		case "signal":
			c.Signal = val
		case "memory":
			c.MemoryLimit, err = strconv.ParseInt(val, 10, 64)
		default:
			t.Fatalf("%s: unknown header %q", file, line)
		}
		if err != nil {
			t.Fatalf("%s: %q: %v", file, line, err)
		}
	}
	c.Output = rest
	return c
}

func TestSizeText(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{512, "512 bytes"}, {1 << 20, "1 MiB"}, {4 << 30, "4 GiB"}, {3 << 29, "1.5 GiB"}, {1536, "1.5 KiB"},
	} {
		if got := crashSizeText(tc.n); got != tc.want {
			t.Errorf("crashSizeText(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

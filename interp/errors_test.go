package interp

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/errors")

// TestErrorMessages runs the cells of each testdata/errors/*.txtar in one
// session and compares every error a student would see (name, value and
// traceback) with the archive's "errors" section. Cells run under a
// short timeout, so `for {}` shows the interrupt message.
func TestErrorMessages(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no error cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			s, err := New(Options{Stdout: &got, Stderr: &got})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			var want *txtar.File
			for i := range ar.Files {
				f := &ar.Files[i]
				switch f.Name {
				case "cell":
					n++
					timeout := 20 * time.Second
					if bytes.Contains(f.Data, []byte("// interrupt")) {
						timeout = 300 * time.Millisecond
					}
					ctx, cancel := context.WithTimeout(context.Background(), timeout)
					_, err := s.Execute(ctx, string(f.Data), n)
					cancel()
					var e *Error
					if errors.As(err, &e) {
						fmt.Fprintf(&got, "cell[%d] %s: %s\n", n, e.Name, e.Value)
						for _, l := range e.Traceback {
							fmt.Fprintf(&got, "| %s\n", l)
						}
					} else if err != nil {
						fmt.Fprintf(&got, "cell[%d] not an *Error: %v\n", n, err)
					}
				case "errors":
					want = f
				}
			}
			if bytes.Contains(ar.Comment, []byte("child process")) {
				// Leave no child process behind: it ends 2.5 s after it
				// started, 2.3 s of which the interrupt already waited.
				time.Sleep(time.Second)
			}
			if *update {
				if want == nil {
					ar.Files = append(ar.Files, txtar.File{Name: "errors"})
					want = &ar.Files[len(ar.Files)-1]
				}
				want.Data = got.Bytes()
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("%s has no errors section (run with -update)", file)
			}
			if got.String() != string(want.Data) {
				t.Errorf("%s: messages differ\n--- got\n%s--- want\n%s", file, got.String(), want.Data)
			}
		})
	}
}

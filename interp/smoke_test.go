package interp

import (
	"bytes"
	"context"
	"testing"
)

func TestSmoke(t *testing.T) {
	var out bytes.Buffer
	s, err := New(Options{Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{
		"x := 1\nfmt.Println(\"hi\", x)",
		"func f(n int) int { return n * x }\nf(3)",
		"type T struct{ a int }\nfunc (t T) String() string { return fmt.Sprint(\"T\", t.a) }\nT{4}",
		"x = 10\nf(2)",
		"func f(n int) int { return n + x }\nf(2)",
		"y := undefinedThing + 1",
		"var s []int\n_ = s[3]",
		"import \"strings\"\nstrings.ToUpper(\"abc\")",
		"x := \"now a string\"\nx",
		"f(1)",
	}
	for i, c := range cells {
		out.Reset()
		r, err := s.Execute(context.Background(), c, i+1)
		t.Logf("cell %d: out=%q result=%v err=%v", i+1, out.String(), r.Data, err)
		if e, ok := err.(*Error); ok {
			for _, l := range e.Traceback {
				t.Log("   ", l)
			}
		}
	}
}

package interp

import (
	"errors"
	"go/token"
	"testing"
)

// TestRewriteRules checks that each rewrite rule fires on the form it is
// for (the conformance suite checks that the result behaves like Go).
func TestRewriteRules(t *testing.T) {
	tests := []struct {
		rule, cell string
	}{
		{"result", "1 + 1"},
		{"range-int", "for i := range 3 { _ = i }"},
		{"range-func", "func seq(yield func(int) bool) {}\nfor v := range seq { _ = v }"},
		{"range-func-defer", "func seq(yield func(int) bool) {}\nfunc f() {\n\tfor range seq {\n\t\tdefer println()\n\t}\n}"},
		{"loopvar-for", "var fs []func() int\nfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }"},
		{"loopvar-range", "var fs []func() int\nfor _, v := range []int{1} { fs = append(fs, func() int { return v }) }"},
		{"min-max", "a, b := 1, 2\n_ = min(a, b)"},
		{"clear", "m := map[int]int{}\nclear(m)"},
		{"instantiate", "func Map[T, U any](xs []T, f func(T) U) []U { return nil }\n_ = Map([]int{1}, func(int) string { return \"\" })"},
		{"method-expr", "type T struct{}\nfunc (T) M() {}\nf := T.M\n_ = f"},
		{"method-value", "type T struct{ n int }\nfunc (t T) M() int { return t.n }\nv := T{}\nf := v.M\n_ = f"},
		{"embedded-interface", "type I interface{ M() }\ntype S struct{ I }\nfunc call(s S) { s.M() }"},
		{"panic", "panic(\"x\")"},
		{"depth", "func f(n int) int { return f(n - 1) }"},
		{"to-interface", "type E struct{}\nfunc (E) Error() string { return \"\" }\nvar e error = E{}\n_ = e"},
		{"type-switch", "var v any\nswitch v.(type) {\ncase error:\n}"},
		{"select-branch", "c := make(chan int)\nloop:\nfor {\n\tselect {\n\tcase <-c:\n\t\tbreak loop\n\t}\n}"},
		{"fmt-verb", "type S int\nfunc (S) String() string { return \"\" }\nfmt.Printf(\"%d\", S(1))"},
		{"main", "func main() {}"},
		{"go", "go fmt.Println(1, nil)"},
		{"named-results", "func f() (n int) { n++; return }"},
		{"nil-assign", "var a, b error\na, b = nil, nil"},
	}
	ti, err := newTypeImporter()
	if err != nil {
		t.Fatal(err)
	}
	names := newPkgNames(ti.std.Paths())
	for _, tt := range tests {
		fe := &frontEnd{fset: token.NewFileSet(), ti: ti, imports: map[string]string{}, sources: map[int][]byte{}, names: names}
		u, err := fe.compile(1, []byte(tt.cell), false)
		if err != nil {
			t.Errorf("%s: %v", tt.rule, err)
			continue
		}
		if u.rewrites[tt.rule] == 0 {
			t.Errorf("rule %s did not fire on %q (fired: %v)", tt.rule, tt.cell, u.rewrites)
		}
	}
}

func TestGoPanicText(t *testing.T) {
	got := goPanicText(errors.New("boom"), 3, 5, 2)
	if want := "panic in the goroutine started at cell[3] line 5:2: boom\n"; got != want {
		t.Errorf("goPanicText = %q, want %q", got, want)
	}
}

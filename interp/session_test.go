package interp

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestUserExpression(t *testing.T) {
	s := newTestSession(t, "x := 21")
	for i := 0; i < 2; i++ {
		r, err := s.UserExpression(context.Background(), "x * 2")
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Data["text/plain"]; got != "42" {
			t.Errorf("x * 2 = %v, want 42", got)
		}
	}
	_, err := s.UserExpression(context.Background(), "nope + 1")
	var e *Error
	if !errors.As(err, &e) || e.Name != ErrCompile {
		t.Errorf("undefined name: err = %v, want a CompileError", err)
	}
	// The session goes on as before.
	r, err := s.Execute(context.Background(), "x", 2)
	if err != nil || r.Data["text/plain"] != "21" {
		t.Errorf("after user expressions: %v %v", r.Data, err)
	}
}

// TestRebuildKeepsFunctionsWorking checks that the interpreter rebuilt
// for a redefinition still runs everything declared before, and that
// values computed by the old interpreter's functions survive.
func TestRebuildKeepsFunctionsWorking(t *testing.T) {
	s := newTestSession(t,
		"type Pt struct{ X int }\nfunc (p Pt) Double() Pt { return Pt{p.X * 2} }\nps := []Pt{{1}, {2}}",
		"sq := func(n int) int { return n * n }",
		"func helper() int { return 1 }",
		"func helper() int { return 2 }", // a redefinition: rebuild
	)
	r, err := s.Execute(context.Background(), "fmt.Sprint(ps[1].Double(), sq(3), helper())", 9)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Data["text/plain"]; got != `"{4} 9 2"` {
		t.Errorf("after rebuild: %v", got)
	}
}

func TestEmptyCell(t *testing.T) {
	s := newTestSession(t)
	r, err := s.Execute(context.Background(), "  \n// only a comment\n", 1)
	if err != nil || r.Data != nil {
		t.Errorf("comment-only cell: %v %v", r.Data, err)
	}
}

// TestStdin checks that a cell reads the session's Stdin, through
// os.Stdin and through fmt.Scan.
func TestStdin(t *testing.T) {
	var out strings.Builder
	s, err := New(Options{Stdout: &out, Stdin: strings.NewReader("alice\n42\n")})
	if err != nil {
		t.Fatal(err)
	}
	code := "sc := bufio.NewScanner(os.Stdin)\nsc.Scan()\nname := sc.Text()\nfmt.Println(\"hello\", name)"
	if _, err := s.Execute(context.Background(), code, 1); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "hello alice\n" {
		t.Errorf("stdin: got %q", got)
	}
}

func TestVariablesAndReset(t *testing.T) {
	s := newTestSession(t, "b := []int{1, 2}\na := \"x\"\nfunc f() {}")
	got := s.Variables()
	want := []Variable{{Name: "a", Type: "string", Value: "x"}, {Name: "b", Type: "[]int", Value: "[1 2]"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Variables() = %+v, want %+v", got, want)
	}
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if v := s.Variables(); len(v) != 0 {
		t.Errorf("after Reset: %+v", v)
	}
	_, err := s.Execute(context.Background(), "f()", 2)
	var e *Error
	if !errors.As(err, &e) || e.Name != ErrCompile {
		t.Errorf("f after Reset: %v, want undefined", err)
	}
	if r, err := s.Execute(context.Background(), "c := 3\nc", 3); err != nil || r.Data["text/plain"] != "3" {
		t.Errorf("after Reset: %v %v", r.Data, err)
	}
}

// TestReplay checks that replaying cells restores their declarations
// and variables (at zero values) without running their statements.
func TestReplay(t *testing.T) {
	var out strings.Builder
	s, err := New(Options{Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.Replay(context.Background(), []string{
		"import \"strings\"\ntype Greeter struct{ name string }\nfunc (g Greeter) Hi() string { return strings.ToUpper(\"hi \" + g.name) }",
		"counter := 41\nfmt.Println(\"this must not print\")",
		"func broken() int { return undefinedName }",
	})
	if err == nil || !strings.Contains(err.Error(), "cell[3]") {
		t.Errorf("Replay error = %v, want one about cell[3]", err)
	}
	want := []string{"Greeter", "Greeter.Hi", "counter"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("Replay names = %v, want %v", names, want)
	}
	if out.Len() != 0 {
		t.Errorf("Replay ran statements: %q", out.String())
	}
	r, err := s.Execute(context.Background(), "Greeter{\"bo\"}.Hi() + fmt.Sprint(counter)", 4)
	if err != nil || r.Data["text/plain"] != `"HI BO0"` {
		t.Errorf("after replay: %v %v", r.Data, err)
	}
}

// TestInterruptedLoopStops checks that a cancelled busy loop really stops,
// even when the next cell starts at once (yaegi's top-level frame is
// shared between runs; a cell's statements run in a function of their own).
func TestInterruptedLoopStops(t *testing.T) {
	s := newTestSession(t, "var n int64")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, "for {\n\tn++\n}", 2)
		done <- err
	}()
	// Let it spin, then interrupt.
	time.Sleep(200 * time.Millisecond)
	cancel()
	var e *Error
	select {
	case err := <-done:
		if !errors.As(err, &e) || e.Name != ErrInterrupted {
			t.Fatalf("err = %v, want Interrupted", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Execute did not return after cancel")
	}
	r1, err := s.Execute(context.Background(), "a := n\na", 3)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	r2, err := s.Execute(context.Background(), "n == a", 4)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Data["text/plain"] != "true" {
		t.Errorf("n still changes after the interrupt (was %v)", r1.Data)
	}
	if r1.Data["text/plain"] == "0" {
		t.Errorf("the loop never ran")
	}
}

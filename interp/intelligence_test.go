package interp

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestIsComplete(t *testing.T) {
	tests := []struct {
		code, status, indent string
	}{
		{"x := 1", "complete", ""},
		{"", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"func f() {\n\tif true {", "incomplete", "\t\t"},
		{"fmt.Println(1,", "incomplete", "\t"},
		{"xs := []int{\n1,", "incomplete", "\t"},
		{"s := `raw\nstring", "incomplete", ""},
		{"/* open comment", "incomplete", ""},
		{"x := 1 +", "incomplete", "\t"},
		{"x := a.", "incomplete", "\t"},
		{"x := 1)", "invalid", ""},
		{"func f() { ]", "invalid", ""},
		{"x := := 2", "invalid", ""},
		{"for i := range 3 {\n\tfmt.Println(i)\n}", "complete", ""},
		{"x++", "complete", ""},
	}
	for _, tt := range tests {
		status, indent := isComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("isComplete(%q) = %q, %q; want %q, %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}

func newTestSession(t *testing.T, cells ...string) *Session {
	t.Helper()
	s, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cells {
		if _, err := s.Execute(context.Background(), c, i+1); err != nil {
			t.Fatalf("cell %d: %v", i+1, err)
		}
	}
	return s
}

func TestComplete(t *testing.T) {
	s := newTestSession(t,
		"import \"strings\"\ntype Point struct{ X, Y int }\nfunc (p Point) Norm() int { return p.X*p.X + p.Y*p.Y }\np := Point{1, 2}\ncounter := 0")
	tests := []struct {
		code string
		want []string // must be among the matches
		not  []string // must not be
	}{
		{"strings.ToU", []string{"ToUpper", "ToUpperSpecial"}, []string{"ToLower"}},
		{"p.", []string{"X", "Y", "Norm"}, nil},
		{"cou", []string{"counter"}, []string{"Point"}},
		{"Poi", []string{"Point"}, nil},
		{"fmt.Sprin", []string{"Sprint", "Sprintf", "Sprintln"}, nil},
		{"le", []string{"len"}, nil},
		{"fu", []string{"func"}, nil},
		{"_gk", nil, []string{"_gkDepth"}},
	}
	for _, tt := range tests {
		c := s.Complete(tt.code, len([]rune(tt.code)))
		for _, w := range tt.want {
			if !slices.Contains(c.Matches, w) {
				t.Errorf("Complete(%q) = %v, missing %q", tt.code, c.Matches, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(c.Matches, w) {
				t.Errorf("Complete(%q) = %v, should not have %q", tt.code, c.Matches, w)
			}
		}
		dot := strings.LastIndex(tt.code, ".")
		if wantStart := len([]rune(tt.code[:dot+1])); c.Start != wantStart {
			t.Errorf("Complete(%q).Start = %d, want %d", tt.code, c.Start, wantStart)
		}
	}
}

func TestInspect(t *testing.T) {
	s := newTestSession(t, "// Area is w times h.\nfunc Area(w, h float64) float64 { return w * h }\ntype Box struct{ W float64 }\nb := Box{2}")
	tests := []struct {
		code   string
		cursor int
		want   string // in text/plain
	}{
		{"Area(1, 2)", 2, "func Area(w float64, h float64) float64"},
		{"strings.ToUpper(s)", 10, "func strings.ToUpper(s string) string"},
		{"b.W", 2, "field W float64"},
		{"b", 1, "var b Box"},
		{"fmt", 1, "package fmt"},
	}
	for _, tt := range tests {
		in := s.Inspect(tt.code, tt.cursor, 0)
		text, _ := in.Data["text/plain"].(string)
		if !in.Found || !strings.Contains(text, tt.want) {
			t.Errorf("Inspect(%q, %d) = %v %q; want %q", tt.code, tt.cursor, in.Found, text, tt.want)
		}
	}
	if in := s.Inspect("Area", 1, 1); !strings.Contains(in.Data["text/plain"].(string), "return w * h") {
		t.Errorf("Inspect detail 1 lacks the source: %q", in.Data["text/plain"])
	}
	if in := s.Inspect("nothingHere", 3, 0); in.Found {
		t.Errorf("Inspect of an unknown name found %v", in.Data)
	}
}

// TestIntelligenceDuringExecute checks that completion, inspection and
// is_complete are answered while a cell runs.
func TestIntelligenceDuringExecute(t *testing.T) {
	s := newTestSession(t, "x := 42")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := s.Execute(ctx, "time.Sleep(time.Hour)", 2)
		done <- err
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Error("Execute did not return after cancel")
		}
	}()
	answered := make(chan bool, 1)
	go func() {
		c := s.Complete("x", 1)
		in := s.Inspect("x", 1, 0)
		st, _ := s.IsComplete("x := 1")
		answered <- slices.Contains(c.Matches, "x") && in.Found && st == "complete"
	}()
	select {
	case ok := <-answered:
		if !ok {
			t.Error("wrong answers while a cell runs")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no answer while a cell runs")
	}
}

// TestCompleteSeesEveryCell checks that names of cells the last cell did
// not use are still completed and inspected.
func TestCompleteSeesEveryCell(t *testing.T) {
	s := newTestSession(t, "type Vec struct{ X, Y float64 }\nfunc (v Vec) Len() float64 { return v.X + v.Y }\norigin := Vec{}", "unrelated := 1")
	if c := s.Complete("orig", 4); !slices.Contains(c.Matches, "origin") {
		t.Errorf("Complete(orig) = %v", c.Matches)
	}
	if c := s.Complete("origin.", 7); !slices.Contains(c.Matches, "Len") {
		t.Errorf("Complete(origin.) = %v", c.Matches)
	}
	if in := s.Inspect("Vec", 1, 0); !in.Found {
		t.Errorf("Inspect(Vec) not found")
	}
}

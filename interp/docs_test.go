package interp

import (
	"strings"
	"testing"
)

func TestFindDecl(t *testing.T) {
	src := []byte(`package p

// A is a.
type A struct {
	// N counts.
	N int
}

// Next of A.
func (a *A) Next() int { return 1 }

// Next of B.
func (b B) Next() int { return 2 }

// Next alone.
func Next() {}

const (
	// Max is big.
	Max = 10
	Min = 0 // Min is small.
)
`)
	tests := []struct {
		name, recv string
		line       int
		doc, text  string
	}{
		{"A", "", 4, "A is a.", "type A struct {"},
		{"N", "", 6, "N counts.", "N int"},
		{"Next", "A", 10, "Next of A.", "func (a *A) Next() int { return 1 }"},
		{"Next", "B", 13, "Next of B.", "return 2"},
		{"Next", "", 16, "Next alone.", "func Next() {}"},
		{"Next", "B", 3, "Next of B.", "return 2"}, // stale line: found by receiver
		{"Next", "", 0, "Next alone.", "func Next() {}"},
		{"Max", "", 20, "Max is big.", "const Max = 10"},
		{"Min", "", 0, "Min is small.", "const Min = 0"},
	}
	for _, tt := range tests {
		dd, ok := findDecl(src, tt.line, tt.name, tt.recv)
		if !ok || strings.TrimSpace(dd.doc) != tt.doc || !strings.Contains(dd.text, tt.text) {
			t.Errorf("findDecl(%s, %q, line %d) = %v %+v; want doc %q, text with %q", tt.name, tt.recv, tt.line, ok, dd, tt.doc, tt.text)
		}
	}
	if _, ok := findDecl(src, 0, "Nothing", ""); ok {
		t.Error("findDecl found an undeclared name")
	}
}

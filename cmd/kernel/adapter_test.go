package main

import (
	"errors"
	"reflect"
	"testing"

	"github.com/gokernel/gokernel/interp"
	"github.com/gokernel/gokernel/interp/magic"
	"github.com/gokernel/gokernel/kernel/execproto"
)

func TestGoCursor(t *testing.T) {
	tests := []struct {
		name   string
		code   string
		cursor int
		delta  int
		ok     bool
	}{
		{"plain Go", "x := 1\nfmt.Pr", 13, 0, true},
		{"after a shell line", "!echo hi\nfmt.Pr", 15, -8, true},
		{"after a line magic, non-ASCII", "%env A=é\nfmt.Pr", 15, -8, true},
		{"on the shell line", "!echo hi\nfmt.Pr", 3, 0, false},
		{"inside %%time", "%%time\nfmt.Pr", 13, -6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, delta, ok := goCursor(tt.code, tt.cursor)
			if ok != tt.ok || delta != tt.delta {
				t.Fatalf("goCursor(%q, %d) = delta %d ok %v, want %d %v (src %q)", tt.code, tt.cursor, delta, ok, tt.delta, tt.ok, src)
			}
			if ok {
				// The cursor lands after the same text.
				code, gsrc := []rune(tt.code), []rune(src)
				if got, want := string(gsrc[tt.cursor+delta-2:tt.cursor+delta]), string(code[tt.cursor-2:tt.cursor]); got != want {
					t.Errorf("text before the mapped cursor %q, want %q", got, want)
				}
			}
		})
	}
}

func TestCellError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"nil", nil, nil},
		{"interp error", &interp.Error{Name: "panic", Value: "boom", Traceback: []string{"panic: boom", "at cell[1]"}},
			&execproto.CellError{Name: "panic", Value: "boom", Traceback: []string{"panic: boom", "at cell[1]"}}},
		{"magic error", &magic.Error{Name: "ShellError", Value: "exit status 3"},
			&execproto.CellError{Name: "ShellError", Value: "exit status 3", Traceback: []string{"ShellError: exit status 3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cellError(tt.err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cellError = %#v, want %#v", got, tt.want)
			}
		})
	}
	other := errors.New("pipe broken")
	if got := cellError(other); got != other {
		t.Errorf("cellError(other) = %v, want it unchanged", got)
	}
}

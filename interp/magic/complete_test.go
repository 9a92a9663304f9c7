package magic

import (
	"fmt"
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	m := New(&fakeSession{t: &transcript{}}, Env{})
	tests := []struct {
		name, code string // | marks the cursor
		want       string // "no" when the session should answer
	}{
		{"line magic prefix", "%ti|", "[%time %timeit] 0-3"},
		{"all line magics", "%|", "[%cd %env %help %lsmagic %pwd %reset %time %timeit %who %whos] 0-1"},
		{"cell magic prefix", "%%b|", "[%%bash] 0-3"},
		{"cell magic only on line 1", "x := 1\n%%b|", "no"},
		{"line magic after Go", "x := 1\n  %wh|", "[%who %whos] 9-12"},
		{"inside a Go block", "func f() {\n%wh|", "no"},
		{"after the name", "%time f|", "no"},
		{"plain Go", "fmt.Pr|", "no"},
		{"unicode before", "s := \"é\"\n%pw|", "[%pwd] 9-12"},
		{"no match", "%zz|", "[] 0-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.code, "|")
			code := tt.code[:i] + tt.code[i+1:]
			cursor := len([]rune(tt.code[:i]))
			matches, start, end, ok := m.Complete(code, cursor)
			got := "no"
			if ok {
				got = fmt.Sprintf("%v %d-%d", matches, start, end)
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

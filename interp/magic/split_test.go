package magic

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders steps as one short line each.
func describe(steps []step) string {
	var out []string
	for _, s := range steps {
		switch s.kind {
		case goStep:
			out = append(out, fmt.Sprintf("go@%d %q", s.line, s.text))
		case shellStep:
			out = append(out, fmt.Sprintf("!@%d %q", s.line, s.text))
		case lineStep:
			out = append(out, fmt.Sprintf("%%%s@%d:%d %q", s.call.name, s.call.argPos.line, s.call.argPos.col, s.call.args))
		case cellStep:
			out = append(out, fmt.Sprintf("%%%%%s@%d:%d %q body@%d %q", s.call.name, s.call.argPos.line, s.call.argPos.col, s.call.args, s.call.bodyLine, s.call.body))
		}
	}
	return strings.Join(out, " | ")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, cell, want string
	}{
		{"plain Go", "x := 1\nx", `go@1 "x := 1\nx"`},
		{"empty", "", ""},
		{"line magic alone", "%who", `%who@1:5 ""`},
		{"line magic args", "%time  x := f()", `%time@1:8 "x := f()"`},
		{"indented magic at top level", "  %pwd", `%pwd@1:7 ""`},
		{"shell line", "!ls -l", `!@1 "ls -l"`},
		{"empty shell line", "!", `!@1 ""`},
		{"mixed in order", "a := 1\n!echo hi\nb := 2\n%who\nb\n",
			`go@1 "a := 1\n" | !@2 "echo hi" | go@3 "b := 2\n" | %who@4:5 "" | go@5 "b\n"`},
		{"continuation after operator", "ok := a &&\n!b\n", `go@1 "ok := a &&\n!b\n"`},
		{"continuation after comma", "f(a,\n!b)\n", `go@1 "f(a,\n!b)\n"`},
		{"inside braces", "func f() bool {\n!x\n}\n", `go@1 "func f() bool {\n!x\n}\n"`},
		{"inside parens", "var (\n%x = 1\n)\n", `go@1 "var (\n%x = 1\n)\n"`},
		{"inside raw string", "s := `\n%time x\n`\n", "go@1 \"s := `\\n%time x\\n`\\n\""},
		{"inside block comment", "/*\n!rm -rf\n*/\n", `go@1 "/*\n!rm -rf\n*/\n"`},
		{"after line comment", "x := 1 // note &&\n!echo\n", `go@1 "x := 1 // note &&\n" | !@2 "echo"`},
		{"after closed block", "func f() {\n}\n%who\n", `go@1 "func f() {\n}\n" | %who@3:5 ""`},
		{"cell magic", "%%bash\necho hi\n", `%%bash@1:7 "" body@2 "echo hi\n"`},
		{"cell magic args", "%%writefile -a out.txt\nline\n", `%%writefile@1:13 "-a out.txt" body@2 "line\n"`},
		{"cell magic no body", "%%time", `%%time@1:7 "" body@2 ""`},
		{"cell magic after blank lines", "\n  \n  %%bash x\necho\n", `%%bash@3:10 "x" body@4 "echo\n"`},
		{"cell magic only on line 1", "x := 1\n%%time\n", `go@1 "x := 1\n" | %%time@2:7 ""`},
		{"CRLF", "%who\r\nx\r\n", `%who@1:5 "" | go@2 "x\r\n"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(split(tt.cell, 1)); got != tt.want {
				t.Errorf("split(%q):\n got %s\nwant %s", tt.cell, got, tt.want)
			}
		})
	}
}

func TestGoSource(t *testing.T) {
	tests := []struct {
		name, cell, want string
	}{
		{"plain Go unchanged", "x := 1\nx", "x := 1\nx"},
		{"magic and shell lines blanked", "a := 1\n!ls\n%who\nb", "a := 1\n\n\nb"},
		{"time keeps its statement in place", "%time f(x)\n", "      f(x)\n"},
		{"cell time keeps its body", "%%time\nx := 1\n!ls\n", "\nx := 1\n\n"},
		{"other cell magics blanked", "%%bash\necho\n", "\n\n"},
		{"cell magic after a blank line", "\n%%time\nx\n", "\n\nx\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GoSource(tt.cell); got != tt.want {
				t.Errorf("GoSource(%q) = %q, want %q", tt.cell, got, tt.want)
			}
		})
	}
}

func TestHas(t *testing.T) {
	tests := []struct {
		cell string
		want bool
	}{
		{"x := 1\nx", false},
		{"ok := a &&\n!b", false},
		{"!ls", true},
		{"x := 1\n%who", true},
		{"%%bash\nls", true},
	}
	for _, tt := range tests {
		if got := Has(tt.cell); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}

func TestParseTimeitArgs(t *testing.T) {
	tests := []struct {
		args      string
		loops     int
		runs      int
		rest      string
		col       int
		wantError bool
	}{
		{"f()", 0, 7, "f()", 9, false},
		{"-n 10 f()", 10, 7, "f()", 15, false},
		{"-n10 -r3 f()", 10, 3, "f()", 18, false},
		{"-r 2 -n 5 x + 1", 5, 2, "x + 1", 19, false},
		{"-n x f()", 0, 0, "", 0, true},
		{"-n 0 f()", 0, 0, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			opts, rest, p, err := parseTimeitArgs(tt.args, pos{1, 9})
			if tt.wantError {
				if err == nil {
					t.Fatalf("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if opts.loops != tt.loops || opts.runs != tt.runs || rest != tt.rest || p.col != tt.col {
				t.Errorf("got %+v %q col %d, want loops %d runs %d %q col %d", opts, rest, p.col, tt.loops, tt.runs, tt.rest, tt.col)
			}
		})
	}
}

func TestUseDeclared(t *testing.T) {
	tests := []struct{ in, want string }{
		{"f()", "f()"},
		{"<-ch", "<-ch"},
		{"x + 1", "_ = x + 1"},
		{"(g(1))", "(g(1))"},
		{"y := f()", "y := f()\n_ = y"},
		{"a, _ := f(); var b, c int", "a, _ := f(); var b, c int\n_ = a\n_ = b\n_ = c"},
		{"x = 2", "x = 2"},
		{"if {", "if {"},
	}
	for _, tt := range tests {
		if got := useDeclared(tt.in); got != tt.want {
			t.Errorf("useDeclared(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkSplitGoCell measures what every cell pays to be split: a
// 60-line Go cell without magics.
func BenchmarkSplitGoCell(b *testing.B) {
	cell := strings.Repeat("func f(x int) int {\n\treturn x * 2\n}\n", 20)
	for b.Loop() {
		if Has(cell) {
			b.Fatal("found a magic")
		}
	}
}

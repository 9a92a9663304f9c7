package interp

import (
	"context"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestIsComplete(t *testing.T) {
	tests := []struct {
		name, code, status, indent string
	}{
		{"statement", "x := 1", "complete", ""},
		{"empty", "", "complete", ""},
		{"open func body", "func f() {", "incomplete", "\t"},
		{"nested blocks", "func f() {\n\tif true {", "incomplete", "\t\t"},
		{"open call after comma", "fmt.Println(1,", "incomplete", "\t"},
		{"open composite literal", "xs := []int{\n\t1,", "incomplete", "\t"},
		{"open index", "xs[", "incomplete", "\t"},
		{"bracket opened on an indented line", "x := 1\n\tfmt.Println(", "incomplete", "\t\t"},
		{"four spaces", "func f() {\n    x := 1\n    if x > 0 {", "incomplete", "        "},
		{"two spaces", "if true {\n  y := 2\n  for {", "incomplete", "    "},
		{"spaces, innermost bracket's line", "func f() {\n    g(", "incomplete", "        "},
		{"raw string", "s := `raw\nstring", "incomplete", ""},
		{"open comment", "/* open comment", "incomplete", ""},
		{"trailing operator", "x := 1 +", "incomplete", "\t"},
		{"second continuation line keeps its indent", "x := 1 +\n\t2 +", "incomplete", "\t"},
		{"trailing dot", "x := a.", "incomplete", "\t"},
		{"trailing &&", "ok := a &&", "incomplete", "\t"},
		{"trailing send arrow", "ch <-", "incomplete", "\t"},
		{"unbalanced paren", "x := 1)", "invalid", ""},
		{"mismatched bracket", "func f() { ]", "invalid", ""},
		{"syntax error", "x := := 2", "invalid", ""},
		{"unterminated string", "s := \"abc", "invalid", ""},
		{"unterminated rune", "r := 'a", "invalid", ""},
		{"closing brace alone", "}", "invalid", ""},
		{"bad func name", "func 1() {}", "invalid", ""},
		{"for loop", "for i := range 3 {\n\tfmt.Println(i)\n}", "complete", ""},
		{"increment", "x++", "complete", ""},
		{"declarations and statements", "type P struct{ X int }\np := P{1}\np.X", "complete", ""},
		{"cell magic until a blank line", "%%bash\necho hi", "incomplete", ""},
		{"cell magic ended", "%%bash\necho hi\n\n", "complete", ""},
		{"line magic", "%time x := 1", "complete", ""},
		{"help", "?fmt.Println", "complete", ""},
		{"shell", "!ls -l", "complete", ""},
		{"magic line then open Go", "%time\nfunc f() {", "incomplete", "\t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, indent := isComplete(tt.code)
			if status != tt.status || indent != tt.indent {
				t.Errorf("isComplete(%q) = %q, %q; want %q, %q", tt.code, status, indent, tt.status, tt.indent)
			}
		})
	}
}

func newTestSession(t testing.TB, cells ...string) *Session {
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

// completionCells is the session TestComplete and the benchmarks work in.
var completionCells = []string{
	"import \"strings\"\ntype Point struct{ X, Y int }\nfunc (p Point) Norm() int { return p.X*p.X + p.Y*p.Y }\np := Point{1, 2}\ncounter := 0",
	"type Named struct{ Point; Name string }\nvar s = Named{Name: \"a\"}\nconst limit = 10\nvar sb strings.Builder",
}

func TestComplete(t *testing.T) {
	used := newTestSession(t, completionCells...)
	fresh := newTestSession(t)
	tests := []struct {
		name  string
		fresh bool   // in a session that ran no cell
		code  string // the cursor is at | (or at the end)
		want  []string
		not   []string
		start int                  // cursor_start in code points
		kinds map[string]matchKind // match -> its type and a part of its signature
		exact bool                 // want is all the matches
	}{
		{name: "package member, fresh session", fresh: true, code: "fmt.Prin", want: []string{"Print", "Printf", "Println"}, exact: true, start: 4,
			kinds: map[string]matchKind{"Println": {"function", "(a ...any) (n int, err error)"}}},
		{name: "package member, not imported", fresh: true, code: "fmt.Pr", want: []string{"Print", "Printf", "Println"}, not: []string{"Sprint"}, start: 4},
		{name: "imported package", code: "strings.ToU", want: []string{"ToUpper", "ToUpperSpecial"}, not: []string{"ToLower"}, start: 8},
		{name: "toolkit package", fresh: true, code: "coro.Ne", want: []string{"New"}, start: 5, kinds: map[string]matchKind{"New": {"function", "*coro.Coroutine"}}},
		{name: "constant of a package", code: "math.P", want: []string{"Pi"}, start: 5, kinds: map[string]matchKind{"Pi": {"constant", "untyped float"}}},
		{name: "type of a package", code: "strings.Buil", want: []string{"Builder"}, start: 8, kinds: map[string]matchKind{"Builder": {"type", ""}}},
		{name: "fields and methods", code: "p.", want: []string{"X", "Y", "Norm"}, start: 2,
			kinds: map[string]matchKind{"X": {"field", "int"}, "Norm": {"method", "() int"}}},
		{name: "promoted fields and methods", code: "s.", want: []string{"Name", "Point", "X", "Norm"}, start: 2},
		{name: "fragment of a field", code: "s.Na", want: []string{"Name"}, not: []string{"Norm"}, start: 2},
		{name: "methods of a std value", code: "sb.Wr", want: []string{"WriteString", "WriteByte"}, start: 3},
		{name: "methods of an expression", fresh: true, code: `strings.NewReader("x").Re`, want: []string{"Read", "ReadByte", "ReadRune", "Reset"}, not: []string{"Len"}, start: 23},
		{name: "method expression", code: "Point.", want: []string{"Norm"}, not: []string{"X"}, start: 6},
		{name: "method expression on a pointer", code: "(*strings.Builder).Wr", want: []string{"WriteString"}, start: 19},
		{name: "method expression, value receivers only", code: "strings.Builder.", exact: true, start: 16},
		{name: "session variable", code: "cou", want: []string{"counter"}, not: []string{"Point"}, start: 0,
			kinds: map[string]matchKind{"counter": {"variable", "int"}}},
		{name: "session type", code: "Poi", want: []string{"Point"}, start: 0, kinds: map[string]matchKind{"Point": {"type", ""}}},
		{name: "session constant", code: "lim", want: []string{"limit"}, start: 0, kinds: map[string]matchKind{"limit": {"constant", "untyped int"}}},
		{name: "builtin", code: "le", want: []string{"len"}, start: 0, kinds: map[string]matchKind{"len": {"function", ""}}},
		{name: "keyword", code: "fu", want: []string{"func"}, start: 0, kinds: map[string]matchKind{"func": {"keyword", ""}}},
		{name: "package not imported", fresh: true, code: "str", want: []string{"strings", "strconv"}, start: 0,
			kinds: map[string]matchKind{"strings": {"package", "strings"}}},
		{name: "variable of the cell, above the cursor", code: "total := 1\ntotalCount := 2\ntot", want: []string{"total", "totalCount"}, start: 27},
		{name: "not below the cursor", code: "tot|\ntotal := 1", not: []string{"total"}, start: 0},
		{name: "locals of a func being typed", code: "func g(alpha int) {\n\tbeta := alpha\n\t", want: []string{"alpha", "beta", "counter"}, start: 36},
		{name: "loop variable", code: "for idx := range 3 {\n\tfmt.Println(id", want: []string{"idx"}, start: 34},
		{name: "members of a cell variable", fresh: true, code: "var b strings.Builder\nb.Gr", want: []string{"Grow"}, start: 24},
		{name: "after é and an emoji", code: "x := \"é😀\"; strings.ToL", want: []string{"ToLower"}, start: 19},
		{name: "emoji in a line above", code: "// 😀😀\nfmt.Spr", want: []string{"Sprint", "Sprintf", "Sprintln"}, start: 10},
		{name: "cursor inside a word", code: "fmt.Pri|ntln(1)", want: []string{"Print", "Println"}, start: 4},
		{name: "field key of a struct literal", code: "q := Point{Y: 1, |}", want: []string{"X", "Y", "counter"}, start: 17,
			kinds: map[string]matchKind{"X": {"field", "int"}}},
		{name: "field key of a std struct literal", fresh: true, code: "u := url.URL{Sch", want: []string{"Scheme"}, start: 13},
		{name: "import path", fresh: true, code: `import "net/ht`, want: []string{"net/http", "net/http/httptest"}, not: []string{"net/url", "fmt"}, start: 8,
			kinds: map[string]matchKind{"net/http": {"package", "net/http"}}},
		{name: "import path in a block", fresh: true, code: "import (\n\t\"fmt\"\n\tx \"strc", want: []string{"strconv"}, start: 20},
		{name: "toolkit import path", fresh: true, code: `import "github.com/gokernel/gokernel/lib/co`, want: []string{"github.com/gokernel/gokernel/lib/coro"}, start: 8},
		{name: "a string is not an import path", fresh: true, code: `s := "net/ht`, exact: true, start: 10},
		{name: "inside a string", code: `fmt.Println("fmt.Pr|")`, exact: true, start: 17},
		{name: "inside a comment", code: "x := 1 // see fmt.Pr", exact: true, start: 18},
		{name: "after a closed string", code: `s := "a"; strings.ToU`, want: []string{"ToUpper"}, start: 18},
		{name: "after a comment line", code: "// fmt.Pr\nfmt.Pr", want: []string{"Println"}, start: 14},
		{name: "generated names hidden", code: "_gk", not: []string{"_gkDepth", "_gkHole"}, start: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := used
			if tt.fresh {
				s = fresh
			}
			code, cursor := tt.code, len([]rune(tt.code))
			if i := strings.Index(code, "|"); i >= 0 {
				code = code[:i] + code[i+1:]
				cursor = len([]rune(code[:i]))
			}
			c := s.Complete(code, cursor)
			for _, w := range tt.want {
				if !slices.Contains(c.Matches, w) {
					t.Errorf("Complete(%q) = %v, missing %q", code, c.Matches, w)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(c.Matches, w) {
					t.Errorf("Complete(%q) = %v, should not have %q", code, c.Matches, w)
				}
			}
			if tt.exact {
				got := slices.Clone(c.Matches)
				want := slices.Clone(tt.want)
				sort.Strings(want)
				if !slices.Equal(got, want) {
					t.Errorf("Complete(%q) = %v, want exactly %v", code, got, want)
				}
			}
			if c.Start != tt.start || c.End != cursor {
				t.Errorf("Complete(%q) range = %d..%d, want %d..%d", code, c.Start, c.End, tt.start, cursor)
			}
			checkTypes(t, c, tt.kinds)
		})
	}
}

// matchKind is what _jupyter_types_experimental says of a match: its
// type and a part of its signature.
type matchKind struct{ typ, sig string }

// checkTypes checks _jupyter_types_experimental: one entry per match, in
// order, spanning the completion's range, with the kinds wanted.
func checkTypes(t *testing.T, c Completion, kinds map[string]matchKind) {
	t.Helper()
	list, ok := c.Metadata["_jupyter_types_experimental"].([]any)
	if !ok || len(list) != len(c.Matches) {
		t.Fatalf("metadata = %v, want one entry per match (%d)", c.Metadata, len(c.Matches))
	}
	for i, e := range list {
		m := e.(map[string]any)
		if m["text"] != c.Matches[i] || m["start"] != c.Start || m["end"] != c.End {
			t.Errorf("metadata[%d] = %v, want text %q over %d..%d", i, m, c.Matches[i], c.Start, c.End)
		}
		for _, key := range []string{"type", "signature"} {
			if _, ok := m[key].(string); !ok {
				t.Errorf("metadata[%d] has no %s: %v", i, key, m)
			}
		}
	}
	for name, want := range kinds {
		i := slices.Index(c.Matches, name)
		if i < 0 {
			t.Errorf("no match %s to check the kind of", name)
			continue
		}
		m := list[i].(map[string]any)
		if m["type"] != want.typ || !strings.Contains(m["signature"].(string), want.sig) {
			t.Errorf("metadata of %s = %v, want type %q, signature with %q", name, m, want.typ, want.sig)
		}
	}
}

func TestInspect(t *testing.T) {
	s := newTestSession(t, "// Area is w times h.\nfunc Area(w, h float64) float64 { return w * h }\ntype Box struct {\n\t// W is the width.\n\tW float64\n}\nfunc (b Box) Size() float64 { return b.W }\nb := Box{2}",
		"type Other struct {\n\t// W of Other.\n\tW int\n}\no := Other{}")
	tests := []struct {
		name   string
		code   string // the cursor is at |
		detail int
		plain  []string // in text/plain
		md     []string // in text/markdown
		not    []string // not in text/plain
	}{
		{name: "std func", code: "fmt.Prin|tln", plain: []string{"func fmt.Println(a ...any) (n int, err error)", "\n\nPrintln formats using the default formats"},
			md: []string{"```go\nfunc fmt.Println(a ...any) (n int, err error)\n```", "Println formats"}, not: []string{"Fprintln(os.Stdout"}},
		{name: "std func, detail 1", code: "fmt.Println|", detail: 1, plain: []string{"Println formats", "return Fprintln(os.Stdout, a...)"},
			md: []string{"```go\nfunc Println(a ...any) (n int, err error) {"}},
		{name: "Shift-Tab in the call", code: "fmt.Println(|", plain: []string{"func fmt.Println("}},
		{name: "std type", code: "strings.Buil|der", plain: []string{"type strings.Builder struct", "// contains unexported fields", "WriteString(s string) (int, error)", "A Builder is used"},
			not: []string{"addr"}},
		{name: "std method of an expression", code: `strings.NewReader("x").Le|n`, plain: []string{"func (*strings.Reader).Len() int", "Len returns the number of bytes"}},
		{name: "std package", code: "fm|t", plain: []string{"package fmt // import \"fmt\"", "Package fmt implements formatted I/O"}},
		{name: "toolkit func", code: "coro.Ne|w", plain: []string{"func coro.New(", "\n\nNew "}, not: []string{"iter.Pull"}},
		{name: "toolkit func, detail 1", code: "coro.New|", detail: 1, plain: []string{"func New(body"}, md: []string{"```go\nfunc New("}},
		{name: "builtin", code: "le|n(xs)", plain: []string{"func len(v Type) int", "The len built-in function"}},
		{name: "user func", code: "Ar|ea(1, 2)", plain: []string{"func Area(w float64, h float64) float64", "declared in cell[1] line 2"}, not: []string{"return w * h"}},
		{name: "user func, detail 1", code: "Area|", detail: 1, plain: []string{"func Area(w, h float64) float64 { return w * h }"}, md: []string{"```go\nfunc Area(w, h float64)"}},
		{name: "user var", code: "b|", plain: []string{"var b Box", "declared in cell[1]"}},
		{name: "user field", code: "b.W|", plain: []string{"field W float64", "W is the width."}},
		{name: "field of the same name in another type", code: "o.W|", plain: []string{"field W int", "W of Other."}, not: []string{"width"}},
		{name: "user method, detail 1", code: "b.Si|ze()", detail: 1, plain: []string{"func (Box).Size() float64", "return b.W"}},
		{name: "variable of the cell being typed", code: "count := 3\ncou|nt", plain: []string{"var count int"}},
		{name: "after é and an emoji", code: "s := \"é😀\"\nstrings.ToUp|per(s)", plain: []string{"func strings.ToUpper(s string) string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.code, "|")
			code := tt.code[:i] + tt.code[i+1:]
			in := s.Inspect(code, len([]rune(code[:i])), tt.detail)
			plain, _ := in.Data["text/plain"].(string)
			md, _ := in.Data["text/markdown"].(string)
			if !in.Found {
				t.Fatalf("Inspect(%q) not found", tt.code)
			}
			for _, w := range tt.plain {
				if !strings.Contains(plain, w) {
					t.Errorf("Inspect(%q) text/plain = %q, lacks %q", tt.code, plain, w)
				}
			}
			for _, w := range tt.md {
				if !strings.Contains(md, w) {
					t.Errorf("Inspect(%q) text/markdown = %q, lacks %q", tt.code, md, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(plain, w) {
					t.Errorf("Inspect(%q) text/plain = %q, should not have %q", tt.code, plain, w)
				}
			}
		})
	}
	for _, code := range []string{"nothingHere", "b.Nothing", "   ", "func"} {
		if in := s.Inspect(code, len(code), 0); in.Found {
			t.Errorf("Inspect(%q) found %v", code, in.Data)
		}
	}
}

// TestInspectWithoutGoSource checks that without the standard library's
// source inspect still gives the signature.
func TestInspectWithoutGoSource(t *testing.T) {
	t.Setenv("GOROOT", t.TempDir())
	s := newTestSession(t)
	in := s.Inspect("fmt.Println", 6, 1)
	plain, _ := in.Data["text/plain"].(string)
	if !in.Found || plain != "func fmt.Println(a ...any) (n int, err error)" {
		t.Errorf("Inspect without source = %v %q", in.Found, plain)
	}
	// The toolkit's docs are embedded.
	if in := s.Inspect("coro.New", 6, 0); !strings.Contains(in.Data["text/plain"].(string), "\n\nNew ") {
		t.Errorf("toolkit docs without GOROOT source: %q", in.Data["text/plain"])
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
		m := s.Complete("fmt.Pr", 6)
		in := s.Inspect("x", 1, 0)
		st, _ := s.IsComplete("x := 1")
		answered <- slices.Contains(c.Matches, "x") && slices.Contains(m.Matches, "Println") && in.Found && st == "complete"
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

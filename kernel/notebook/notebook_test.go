package notebook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/internal/golden"
)

// counter returns an id source giving id-1, id-2, ...
func counter() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id-%d", n) }
}

// TestRoundTrip reads a notebook that Jupyter's nbformat wrote
// (testdata/make_fixtures.py) and requires the same bytes back.
func TestRoundTrip(t *testing.T) {
	want, err := os.ReadFile("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb, err := Read(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("round trip changed the notebook:\n%s", got)
	}
}

func TestReadJoinsLinesAndKeepsMetadata(t *testing.T) {
	nb, err := ReadFile("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Cells) != 6 || len(nb.CodeCells()) != 4 {
		t.Fatalf("got %d cells, %d code cells", len(nb.Cells), len(nb.CodeCells()))
	}
	code := nb.Cells[1]
	if code.ID != "code-1" || code.Source != "fmt.Println(\"hello\")\nx := 1 + 1\nx" || code.ExecutionCount != 1 {
		t.Errorf("code cell = %+v", code)
	}
	grader, ok := code.Metadata["nbgrader"].(map[string]any)
	if !ok || grader["grade_id"] != "q1" {
		t.Errorf("nbgrader cell metadata lost: %v", code.Metadata)
	}
	if _, ok := nb.Metadata["nbgrader"]; !ok {
		t.Errorf("nbgrader notebook metadata lost: %v", nb.Metadata)
	}
	if got := code.Outputs[1].Text; got != "warn\r\nprogress\r50%\r100%\n" {
		t.Errorf("stream text = %q", got)
	}
	data := nb.Cells[2].Outputs[0].Data
	if data["text/html"] != "<b>bold</b>\n<i>it</i>\n" {
		t.Errorf("text/html = %q", data["text/html"])
	}
	if _, ok := data["application/json"].(map[string]any); !ok {
		t.Errorf("application/json = %T, want an object", data["application/json"])
	}
	if tb := nb.Cells[3].Outputs[0].Traceback; len(tb) != 3 || tb[0] != "panic: boom" {
		t.Errorf("traceback = %q", tb)
	}
}

func TestUpgradeOldNotebook(t *testing.T) {
	nb, err := ReadFile("testdata/v4.4.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if nb.NBFormatMinor != 4 || nb.Cells[0].ID != "" {
		t.Fatalf("minor %d, id %q", nb.NBFormatMinor, nb.Cells[0].ID)
	}
	if _, err := Marshal(nb); err == nil {
		t.Error("wrote a 4.5 notebook with cells that have no id")
	}
	nb.Upgrade(counter())
	got, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "v4.4.upgraded.golden.ipynb", got)
}

func TestUpgradeSkipsUsedIDs(t *testing.T) {
	nb := New()
	nb.Cells = []*Cell{{Type: Markdown, ID: "id-1"}, {Type: Markdown}, {Type: Markdown}}
	nb.Upgrade(counter())
	var ids []string
	for _, c := range nb.Cells {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, ","); got != "id-1,id-2,id-3" {
		t.Errorf("ids = %s", got)
	}
}

// TestWriteBuilt writes a notebook built in code, as the runner does, with
// every output type.
func TestWriteBuilt(t *testing.T) {
	nb := New()
	nb.Metadata["kernelspec"] = map[string]any{"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"}
	nb.Cells = []*Cell{
		{Type: Markdown, Source: "# Built\n"},
		{Type: Code, Source: "for i := range 3 {\n\tfmt.Println(i)\n}", ExecutionCount: 1, Outputs: []*Output{
			{Type: Stream, Name: "stdout", Text: "0\n1\n2\n"},
		}},
		{Type: Code, Source: "display.HTML(\"<p>x</p>\")\n1.5", ExecutionCount: 2, Outputs: []*Output{
			{Type: DisplayData, Data: map[string]any{"text/html": "<p>x</p>", "text/plain": "HTML"}},
			{Type: ExecuteResult, ExecutionCount: 2, Data: map[string]any{"text/plain": "1.5"}, Metadata: map[string]any{}},
		}},
		{Type: Code, Source: "x +", ExecutionCount: 3, Outputs: []*Output{
			{Type: Error, EName: "CompileError", EValue: "cell3.go:1:4: expected operand", Traceback: []string{"cell3.go:1:4: expected operand"}},
		}},
		{Type: Code, Source: "not run"},
	}
	nb.Upgrade(counter())
	got, err := Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "built.golden.ipynb", got)
	// What we write, we read back unchanged.
	again, err := Read(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := Marshal(again); !bytes.Equal(b, got) {
		t.Error("re-reading the written notebook changed it")
	}
}

func TestWriteFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.ipynb")
	nb := New()
	nb.Cells = []*Cell{{Type: Code, Source: "1"}}
	nb.Upgrade(nil)
	if err := WriteFile(name, nb); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cells) != 1 || back.Cells[0].ID != nb.Cells[0].ID || !idPattern.MatchString(back.Cells[0].ID) {
		t.Errorf("read back %+v", back.Cells)
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1 (no temporary file left)", len(entries))
	}
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b"}},
		{"\n\n", []string{"\n", "\n"}},
		{"a\r\nb\rc", []string{"a\r\n", "b\r", "c"}},
		{"a\vb\fc\x1cd", []string{"a\v", "b\f", "c\x1c", "d"}},
		{"é\u2028ü\u0085", []string{"é\u2028", "ü\u0085"}},
		{"tab\tstays", []string{"tab\tstays"}},
	}
	for _, tt := range tests {
		got := splitLines(tt.in)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

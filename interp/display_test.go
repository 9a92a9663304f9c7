package interp

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// displayRecorder collects what a session shows.
type displayRecorder struct {
	mu  sync.Mutex
	got []Display
}

func (r *displayRecorder) add(d Display) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, d)
}

func (r *displayRecorder) take() []Display {
	r.mu.Lock()
	defer r.mu.Unlock()
	got := r.got
	r.got = nil
	return got
}

// TestDisplayInCells runs cells that use package display (no import
// line) and cells whose result is rich, and checks what reaches
// Options.Display and the Result.
func TestDisplayInCells(t *testing.T) {
	rec := &displayRecorder{}
	s, err := New(Options{Display: rec.add})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	run := func(code string) Result {
		t.Helper()
		res, err := s.Execute(ctx, code, 1)
		if err != nil {
			t.Fatalf("Execute(%q): %v", code, err)
		}
		return res
	}

	// display.HTML shows at once and is not shown again as the result.
	res := run(`display.HTML("<b>x</b>")`)
	got := rec.take()
	if len(got) != 1 || got[0].Kind != DisplayShow || got[0].Data["text/html"] != "<b>x</b>" || got[0].DisplayID == "" {
		t.Fatalf("display.HTML showed %+v", got)
	}
	if res.Data != nil {
		t.Errorf("a cell ending in display.HTML also has a result: %v", res.Data)
	}

	// Update replaces the output with the same display id.
	run("h := display.Text(\"0\")\ndisplay.Update(h, \"1\")")
	got = rec.take()
	if len(got) != 2 || got[1].Kind != DisplayUpdate || got[1].DisplayID != got[0].DisplayID || got[1].Data["text/plain"] != "1" {
		t.Fatalf("update showed %+v", got)
	}

	// Clear.
	run("display.Clear(true)")
	if got = rec.take(); len(got) != 1 || got[0].Kind != DisplayClear || !got[0].Wait {
		t.Fatalf("clear showed %+v", got)
	}

	// A progress bar's held-back update is sent before Execute returns.
	run("bar := display.Progress(5)\nfor i := 0; i < 5; i++ { bar.Add(1) }")
	got = rec.take()
	if len(got) < 2 {
		t.Fatalf("progress bar showed %+v", got)
	}
	if last := got[len(got)-1]; last.Kind != DisplayUpdate || !strings.Contains(last.Data["text/plain"].(string), "5/5") {
		t.Errorf("the last progress update when the cell ends is %+v, want 5/5", last)
	}

	// The type checker, and so completion, knows display as cells see it.
	if c := s.Complete("display.Prog", 12); !slices.Contains(c.Matches, "Progress") {
		t.Errorf("completion of display.Prog: %v", c.Matches)
	}

	tests := []struct {
		name, code, mime, want string
	}{
		{"chart", `plot.New("t").LineY("a", []float64{1, 2, 3})`, "image/svg+xml", "<svg"},
		{"cell type with HTML", "type Bold string\nfunc (b Bold) HTML() string { return \"<b>\" + string(b) + \"</b>\" }\nb := Bold(\"hi\")\nb", "text/html", "<b>hi</b>"},
		{"plain int", "6 * 7", "text/plain", "42"},
		{"plain string", `"hi"`, "text/plain", `"hi"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(tt.code)
			v, _ := res.Data[tt.mime].(string)
			if !strings.Contains(v, tt.want) {
				t.Errorf("result %s = %.80q, want it to contain %q (bundle %v)", tt.mime, v, tt.want, keys(res.Data))
			}
		})
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

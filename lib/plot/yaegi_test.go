package plot_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gokernel/gokernel/lib/display"
	"github.com/gokernel/gokernel/lib/plot"
)

// TestInterpretedCell builds and shows a chart from interpreted code, the
// way a notebook cell does, through a symbol table like the one yaegi
// extract generates for this package.
func TestInterpretedCell(t *testing.T) {
	var msgs []display.Message
	d := display.New(func(m display.Message) { msgs = append(msgs, m) })
	i := interp.New(interp.Options{})
	syms := display.Exports(d)
	for _, exp := range []interp.Exports{
		stdlib.Symbols,
		{display.ImportPath + "/display": syms},
		{".": {"MapTypes": reflect.ValueOf(display.MapTypes(syms))}},
		{"github.com/gokernel/gokernel/lib/plot/plot": {
			"New":     reflect.ValueOf(plot.New),
			"Seconds": reflect.ValueOf(plot.Seconds),
			"Chart":   reflect.ValueOf((*plot.Chart)(nil)),
			"Span":    reflect.ValueOf((*plot.Span)(nil)),
		}},
	} {
		if err := i.Use(exp); err != nil {
			t.Fatal(err)
		}
	}
	cell := `
import (
	"time"
	"github.com/gokernel/gokernel/lib/display"
	"github.com/gokernel/gokernel/lib/plot"
)

func run() {
	var spans []plot.Span
	for k, task := range []string{"a", "b"} {
		spans = append(spans, plot.Span{Task: task, Start: time.Duration(k) * time.Millisecond, End: time.Second})
	}
	c := plot.New("loop")
	c.XLabel = "time"
	c.Timeline(spans)
	h := display.Show(c)
	h.Update(c.Clear().Line("n", []float64{1, 2}, plot.Seconds([]time.Duration{time.Second, 2 * time.Second})))
}
`
	if _, err := i.Eval(cell); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`run()`); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 {
		t.Fatalf("%d messages, want 2", len(msgs))
	}
	for k, want := range []string{">b</text>", ">n</text>"} {
		svg, _ := msgs[k].Data[display.MIMESVG].(string)
		if !strings.Contains(svg, want) {
			t.Errorf("message %d: SVG lacks %q", k, want)
		}
	}
}

package plot_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/plot"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata/")

// svgShape is what a chart's SVG is compared on: its size, how many
// elements of each kind it has, and its text in document order. Byte
// comparison would break on every change of number formatting in gonum.
type svgShape struct {
	Width, Height string
	Elements      map[string]int
	Texts         []string
}

// shapeOf parses an SVG document.
func shapeOf(svg []byte) (svgShape, error) {
	s := svgShape{Elements: map[string]int{}}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return s, fmt.Errorf("parse SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.Elements[t.Name.Local]++
			if t.Name.Local == "svg" && s.Width == "" {
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "width":
						s.Width = a.Value
					case "height":
						s.Height = a.Value
					}
				}
			}
			inText = t.Name.Local == "text"
		case xml.CharData:
			if inText {
				s.Texts = append(s.Texts, string(t))
			}
		case xml.EndElement:
			inText = false
		}
	}
}

// spans8 is the event loop of course 02: eight tasks that sleep at once.
func spans8() []plot.Span {
	var spans []plot.Span
	for i, n := range []string{"fib(3)", "fib(5)", "fib(7)", "fib(10)", "fib(4)", "fib(6)", "fib(9)", "fib(10)'"} {
		start := time.Duration(i) * time.Millisecond
		spans = append(spans, plot.Span{Task: n, Start: start, End: start + time.Second})
	}
	return spans
}

// goldenCharts are the charts whose SVG is kept in testdata/NAME.svg.
func goldenCharts() map[string]*plot.Chart {
	workers := []float64{1, 2, 4, 8, 16, 32}
	servers := []string{"sequential", "threads", "pool", "loop"}
	return map[string]*plot.Chart{
		"line": func() *plot.Chart {
			c := plot.New("Download time by pool size")
			c.XLabel, c.YLabel = "workers", "seconds"
			return c.Line("measured", workers, []float64{6.1, 3.1, 1.6, 0.8, 0.4, 0.3}).
				Line("expected", workers, []float64{6.1, 3.05, 1.5, 0.8, 0.4, 0.2})
		}(),
		"scatter": plot.New("Students, 2018").Scatter("", []float64{1, 2, 3, 4, 10, 15, 20, 30}, []float64{37, 19, 14, 10, 5, 4, 3, 3}),
		"bar": plot.New("Requests per second").
			Bar("alone", servers, []float64{57000, 60000, 3000, 40000}).
			Bar("under load", servers, []float64{0, 170, 3000, 17}),
		"histogram": plot.New("Latency").Histogram("fib(30)", []float64{1, 2, 2, 3, 3, 3, 4, 4, 5, 9}, 4),
		"timeline":  plot.New("Sleep heap").Timeline(spans8()),
		"sized":     plot.New("small").Size(320, 200).LineY("", []float64{3, 1, 2}),
	}
}

// TestGoldenSVG compares each chart's SVG with its golden file, by shape.
// Run with -update to rewrite the files after a deliberate change.
func TestGoldenSVG(t *testing.T) {
	for name, c := range goldenCharts() {
		t.Run(name, func(t *testing.T) {
			if err := c.Err(); err != nil {
				t.Fatal(err)
			}
			got := []byte(c.SVG())
			path := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			gotShape, err := shapeOf(got)
			if err != nil {
				t.Fatal(err)
			}
			wantShape, err := shapeOf(want)
			if err != nil {
				t.Fatalf("golden file: %v", err)
			}
			if !reflect.DeepEqual(gotShape, wantShape) {
				t.Errorf("SVG shape differs from %s\n got: %+v\nwant: %+v", path, gotShape, wantShape)
			}
		})
	}
}

// TestSVGContent checks, independently of the golden files, that the
// words of a chart are in its SVG and the size is right.
func TestSVGContent(t *testing.T) {
	tests := []struct {
		name          string
		chart         *plot.Chart
		texts         []string
		width, height string
	}{
		{"line labels and legend", goldenCharts()["line"],
			[]string{"Download time by pool size", "workers", "seconds", "measured", "expected"}, "480pt", "300pt"},
		{"bar labels", goldenCharts()["bar"],
			[]string{"Requests per second", "sequential", "threads", "pool", "loop", "alone", "under load"}, "480pt", "300pt"},
		{"timeline rows and unit", goldenCharts()["timeline"],
			[]string{"Sleep heap", "fib(3)", "fib(10)'", "seconds"}, "480pt", "300pt"},
		{"timeline in milliseconds", plot.New("").Timeline([]plot.Span{{Task: "a", End: 300 * time.Millisecond}}),
			[]string{"a", "milliseconds"}, "480pt", "300pt"},
		{"x label wins over unit", func() *plot.Chart {
			c := plot.New("")
			c.XLabel = "time since start"
			return c.Timeline([]plot.Span{{Task: "a", End: 300 * time.Millisecond}})
		}(), []string{"time since start"}, "480pt", "300pt"},
		{"tall timeline", plot.New("").Timeline(manyTasks(30)), []string{"task 0", "task 29"}, "480pt", "615pt"},
		{"size", plot.New("").Size(800, 100).LineY("", []float64{1, 2}), nil, "600pt", "75pt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shape, err := shapeOf([]byte(tt.chart.SVG()))
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(shape.Texts, "\n")
			for _, want := range tt.texts {
				if !strings.Contains("\n"+all+"\n", "\n"+want+"\n") {
					t.Errorf("no text %q in %q", want, shape.Texts)
				}
			}
			if shape.Width != tt.width || shape.Height != tt.height {
				t.Errorf("size %s x %s, want %s x %s", shape.Width, shape.Height, tt.width, tt.height)
			}
		})
	}
}

func manyTasks(n int) []plot.Span {
	spans := make([]plot.Span, n)
	for i := range spans {
		spans[i] = plot.Span{Task: fmt.Sprintf("task %d", i), Start: time.Duration(i) * time.Second, End: time.Duration(i+1) * time.Second}
	}
	return spans
}

// TestTimelineOrder: the first task is the top row.
func TestTimelineOrder(t *testing.T) {
	svg := plot.New("").Timeline([]plot.Span{
		{Task: "first", End: time.Second},
		{Task: "second", End: time.Second},
		{Task: "first", Start: 2 * time.Second, End: 3 * time.Second},
	}).SVG()
	y := map[string]float64{}
	dec := xml.NewDecoder(strings.NewReader(svg))
	var cur float64
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			for _, a := range tk.Attr {
				if a.Name.Local == "y" {
					fmt.Sscan(a.Value, &cur)
				}
			}
		case xml.CharData:
			y[string(tk)] = cur
		}
	}
	// Text is drawn flipped (scale(1,-1)): a higher row has a smaller y.
	if _, ok := y["first"]; !ok || y["first"] >= y["second"] {
		t.Errorf("row y: first %v, second %v; want first above second", y["first"], y["second"])
	}
}

// TestSVGFontFallback: browsers without Liberation fonts use Arial.
func TestSVGFontFallback(t *testing.T) {
	svg := goldenCharts()["line"].SVG()
	if !strings.Contains(svg, "Arial,Helvetica,sans-serif") || strings.Contains(svg, "font-family:Liberation Sans;") {
		t.Errorf("SVG fonts lack the fallback: %s", svg[:min(len(svg), 800)])
	}
}

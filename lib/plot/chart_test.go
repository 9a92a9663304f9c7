package plot_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/display"
	"github.com/gokernel/gokernel/lib/plot"
)

// TestMistakes: a mistake in the data is kept, reported by Err and
// Render, and shown in red by SVG.
func TestMistakes(t *testing.T) {
	tests := []struct {
		name  string
		chart *plot.Chart
		want  string
	}{
		{"line lengths", plot.New("").Line("a", []float64{1, 2}, []float64{1}), `plot: Line "a": 2 x values but 1 y values`},
		{"no points", plot.New("").Scatter("s", nil, nil), `plot: Scatter "s": no points`},
		{"bar lengths", plot.New("").Bar("b", []string{"x"}, nil), `plot: Bar "b": 1 labels but 0 values`},
		{"no bars", plot.New("").Bar("b", nil, nil), `plot: Bar "b": no bars`},
		{"bar labels differ", plot.New("").Bar("a", []string{"x"}, []float64{1}).Bar("b", []string{"y"}, []float64{2}),
			`plot: Bar "b": labels ["y"] differ from the first Bar's ["x"]`},
		{"empty histogram", plot.New("").Histogram("h", nil, 3), `plot: Histogram "h": no values`},
		{"span backwards", plot.New("").Timeline([]plot.Span{{Task: "t", Start: time.Second}}), `plot: Timeline: span of task "t" ends (0s) before it starts (1s)`},
		{"NaN", plot.New("").LineY("n", []float64{1, math.NaN()}), `plot: LineY "n": y[1] is NaN`},
		{"infinite x", plot.New("").Scatter("s", []float64{math.Inf(-1)}, []float64{1}), `plot: Scatter "s": x[0] is -Inf`},
		{"infinite bar", plot.New("").Bar("b", []string{"a"}, []float64{math.Inf(1)}), `plot: Bar "b": values[0] is +Inf`},
		{"infinite histogram", plot.New("").Histogram("h", []float64{math.Inf(1)}, 2), `plot: Histogram "h": values[0] is +Inf`},
		{"first mistake kept", plot.New("").LineY("a", nil).Histogram("h", nil, 1), `plot: LineY "a": no points`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.chart.Err(); err == nil || err.Error() != tt.want {
				t.Errorf("Err() = %v, want %s", err, tt.want)
			}
			if _, err := tt.chart.Render("svg"); err == nil || err.Error() != tt.want {
				t.Errorf("Render error = %v, want %s", err, tt.want)
			}
			svg := tt.chart.SVG()
			if _, err := shapeOf([]byte(svg)); err != nil || !strings.Contains(svg, "#c62828") {
				t.Errorf("SVG does not show the error in red: %s", svg)
			}
		})
	}
}

// TestDrawErrors: mistakes found only when drawing (a bad size or format)
// come back from Render.
func TestDrawErrors(t *testing.T) {
	tests := []struct {
		name   string
		chart  *plot.Chart
		format string
		want   string
	}{
		{"negative size", plot.New("").Size(-1, 10).LineY("", []float64{1}), "svg", "plot: size -1x10"},
		{"unknown format", plot.New("").LineY("", []float64{1}), "gif", "plot: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.chart.Render(tt.format)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Render error = %v, want one starting %q", err, tt.want)
			}
		})
	}
}

// TestPNG: PNGs decode, at the chart's size in pixels.
func TestPNG(t *testing.T) {
	tests := []struct {
		name string
		c    *plot.Chart
		w, h int
	}{
		{"default", plot.New("d").LineY("", []float64{1, 2, 3}), plot.DefaultWidth, plot.DefaultHeight},
		{"sized", plot.New("s").Size(300, 180).Bar("", []string{"a", "b"}, []float64{1, 2}), 300, 180},
		{"timeline grows", plot.New("t").Timeline(manyTasks(30)), 640, 820},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.c.Render("png")
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, b, tt.w, tt.h)
			if v := tt.c.AsPNG().PNG(); !bytes.Equal(v, b) {
				t.Errorf("AsPNG().PNG() differs from Render(\"png\")")
			}
		})
	}
	if b := plot.New("").LineY("", nil).AsPNG().PNG(); b != nil {
		t.Errorf("PNG of a broken chart = %d bytes, want nil", len(b))
	}
}

func checkPNG(t *testing.T, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() != w || r.Dy() != h {
		t.Errorf("PNG is %dx%d, want %dx%d", r.Dx(), r.Dy(), w, h)
	}
}

// TestDisplayBundle: shown in a notebook, a chart is SVG (and only SVG),
// its PNG view a PNG, both with a text form.
func TestDisplayBundle(t *testing.T) {
	c := plot.New("rate").LineY("req/s", []float64{1, 2})
	data, _ := display.Bundle(c)
	if _, ok := data[display.MIMESVG]; !ok {
		t.Errorf("chart bundle has no SVG: %v", keys(data))
	}
	if _, ok := data[display.MIMEPNG]; ok {
		t.Errorf("chart bundle also has a PNG: %v", keys(data))
	}
	if got := data[display.MIMEText]; got != `chart "rate": 1 series` {
		t.Errorf("text/plain = %v", got)
	}
	data, _ = display.Bundle(c.AsPNG())
	b, err := base64.StdEncoding.DecodeString(data[display.MIMEPNG].(string))
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, b, plot.DefaultWidth, plot.DefaultHeight)
	if _, ok := data[display.MIMESVG]; ok {
		t.Errorf("PNG view bundle also has SVG: %v", keys(data))
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestUpdateInPlace: the documented way to redraw a chart sends updates
// of one output, each with the data so far.
func TestUpdateInPlace(t *testing.T) {
	var msgs []display.Message
	d := display.New(func(m display.Message) { msgs = append(msgs, m) })
	c := plot.New("live")
	h := d.Show(c)
	var ys []float64
	for i := range 3 {
		ys = append(ys, float64(i))
		h.Update(c.Clear().LineY("n", ys))
	}
	if len(msgs) != 4 {
		t.Fatalf("%d messages, want 4", len(msgs))
	}
	for _, m := range msgs[1:] {
		if m.Kind != display.KindUpdate || m.DisplayID != msgs[0].DisplayID {
			t.Errorf("message %+v is not an update of the first output", m)
		}
	}
	if c.Title != "live" || c.String() != `chart "live": 1 series` {
		t.Errorf("after Clear: %s", c)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		c    *plot.Chart
		want string
	}{
		{&plot.Chart{}, `chart "untitled": 0 series`},
		{plot.New("t").LineY("", []float64{1}).Timeline(spans8()), `chart "t": 1 series, 8 spans`},
		{plot.New("e").LineY("", nil), `chart "e": 0 series, error: plot: LineY "": no points`},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestSeconds(t *testing.T) {
	got := plot.Seconds([]time.Duration{1500 * time.Millisecond, 0, time.Minute})
	want := []float64{1.5, 0, 60}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Seconds[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestDataCopied: changing a slice after adding it does not change the
// chart.
func TestDataCopied(t *testing.T) {
	y := []float64{1, 2, 3}
	c := plot.New("").LineY("", y)
	before := c.SVG()
	y[0] = 100
	if c.SVG() != before {
		t.Error("the chart changed with the caller's slice")
	}
}

// sineChart is a line chart of n points.
func sineChart(n int) *plot.Chart {
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = float64(i), math.Sin(float64(i)/50)
	}
	return plot.New(fmt.Sprintf("%d points", n)).Line("sin", x, y)
}

// BenchmarkLineSVG renders a 1,000-point line chart to SVG.
func BenchmarkLineSVG(b *testing.B) {
	c := sineChart(1000)
	for b.Loop() {
		if len(c.SVG()) == 0 {
			b.Fatal("empty SVG")
		}
	}
}

// BenchmarkLinePNG renders the same chart to PNG.
func BenchmarkLinePNG(b *testing.B) {
	c := sineChart(1000)
	for b.Loop() {
		if _, err := c.Render("png"); err != nil {
			b.Fatal(err)
		}
	}
}

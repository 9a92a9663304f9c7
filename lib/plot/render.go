package plot

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"math"
	"slices"
	"time"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// pointsPerPixel converts screen pixels (CSS px, 96 per inch) to the
// typographic points (72 per inch) gonum measures in. A chart of W pixels
// is an SVG W*0.75 pt wide, which a browser shows W pixels wide, and a
// PNG drawn at 96 dots per inch, W pixels wide.
const pointsPerPixel = 0.75

// margin is the blank space around a chart.
const margin = vg.Length(8)

// sans is the font of all text, at size points: Liberation Sans, compiled
// into gonum's font cache, with the same metrics as Arial.
func sans(size vg.Length) font.Font {
	return font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, size)
}

// svgFont and svgFontFallback name the font in SVG text: gonum writes the
// font's own name only, which browsers without it would replace by their
// default (serif) font.
const (
	svgFont         = "font-family:Liberation Sans;"
	svgFontFallback = "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"
)

// size returns the chart's size in pixels.
func (c *Chart) size() (w, h int) {
	w, h = c.Width, c.Height
	if w == 0 {
		w = DefaultWidth
	}
	if h == 0 {
		h = DefaultHeight
		if n := len(tasks(c.spans)); n > 0 {
			h = max(DefaultHeight, 100+24*n) // a row stays readable
		}
	}
	return w, h
}

// SVG draws the chart as an SVG image. A chart that cannot be drawn
// (see Err) becomes an SVG that shows the error in red.
func (c *Chart) SVG() string {
	b, err := c.Render("svg")
	if err != nil {
		return errorSVG(err)
	}
	return string(b)
}

// Render draws the chart in a format gonum supports: "svg", "png",
// "jpg", "pdf", "eps", "tif".
func (c *Chart) Render(format string) (out []byte, err error) {
	if c.err != nil {
		return nil, c.err
	}
	w, h := c.size()
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("plot: size %dx%d: width and height must be positive", w, h)
	}
	defer func() {
		if r := recover(); r != nil { // gonum panics on some bad input
			out, err = nil, fmt.Errorf("plot: draw %s: %v", format, r)
		}
	}()
	canvas, err := draw.NewFormattedCanvas(vg.Length(float64(w)*pointsPerPixel), vg.Length(float64(h)*pointsPerPixel), format)
	if err != nil {
		return nil, fmt.Errorf("plot: %w", err)
	}
	p, bars, err := c.build()
	if err != nil {
		return nil, err
	}
	dc := draw.Crop(draw.New(canvas), margin, -margin, margin, -margin)
	layoutBars(p, dc, bars)
	p.Draw(dc)
	var buf bytes.Buffer
	if _, err := canvas.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plot: write %s: %w", format, err)
	}
	if format == "svg" {
		return bytes.ReplaceAll(buf.Bytes(), []byte(svgFont), []byte(svgFontFallback)), nil
	}
	return buf.Bytes(), nil
}

// build turns the chart into a gonum plot. Bars get their width later,
// from the size of the drawing area (layoutBars).
func (c *Chart) build() (*gplot.Plot, []*plotter.BarChart, error) {
	p := gplot.New()
	setFonts(p)
	p.Title.Text = c.Title
	p.X.Label.Text = c.XLabel
	p.Y.Label.Text = c.YLabel
	p.Legend.Top = true
	// The grid goes first, so that the data is drawn over it.
	hasBars := slices.ContainsFunc(c.series, func(s series) bool { return s.kind == kindBar })
	addGrid(p, !hasBars, len(c.spans) == 0)

	var bars []*plotter.BarChart
	var labels []string
	for i, s := range c.series {
		col := plotutil.Color(i)
		var thumb gplot.Thumbnailer
		switch s.kind {
		case kindLine:
			l, err := plotter.NewLine(xys(s.x, s.y))
			if err != nil {
				return nil, nil, fmt.Errorf("plot: Line %q: %w", s.name, err)
			}
			l.Color, l.Width = col, vg.Points(1.5)
			p.Add(l)
			thumb = l
		case kindScatter:
			sc, err := plotter.NewScatter(xys(s.x, s.y))
			if err != nil {
				return nil, nil, fmt.Errorf("plot: Scatter %q: %w", s.name, err)
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
			p.Add(sc)
			thumb = sc
		case kindBar:
			b, err := plotter.NewBarChart(plotter.Values(s.y), 1) // width set by layoutBars
			if err != nil {
				return nil, nil, fmt.Errorf("plot: Bar %q: %w", s.name, err)
			}
			b.Color, b.LineStyle.Width = col, 0
			p.Add(b)
			bars, labels = append(bars, b), s.labels
			thumb = b
		case kindHistogram:
			bins := s.bins
			if bins <= 0 {
				bins = max(1, int(math.Ceil(math.Sqrt(float64(len(s.y))))))
			}
			hg, err := plotter.NewHist(plotter.Values(s.y), bins)
			if err != nil {
				return nil, nil, fmt.Errorf("plot: Histogram %q: %w", s.name, err)
			}
			hg.FillColor, hg.LineStyle.Color = col, color.White
			p.Add(hg)
			thumb = hg
		}
		if s.name != "" {
			p.Legend.Add(s.name, thumb)
		}
	}
	if len(bars) > 0 {
		p.NominalX(labels...)
		p.X.Min, p.X.Max = -0.5, float64(len(labels))-0.5
	}
	if len(c.spans) > 0 {
		t := newTimeline(c.spans)
		p.Add(t)
		p.NominalY(t.rowNames()...)
		if p.X.Label.Text == "" {
			_, p.X.Label.Text = timeUnit(c.spans)
		}
	}
	return p, bars, nil
}

// addGrid draws light grid lines under the data: vertical ones unless the
// x axis has names (bars), horizontal ones unless the y axis has names
// (a timeline).
func addGrid(p *gplot.Plot, vertical, horizontal bool) {
	g := plotter.NewGrid()
	light := color.Gray{Y: 225}
	g.Vertical.Color, g.Horizontal.Color = light, light
	if !vertical {
		g.Vertical.Color = nil
	}
	if !horizontal {
		g.Horizontal.Color = nil
	}
	p.Add(g)
}

// setFonts sets every text of p to the sans-serif font.
func setFonts(p *gplot.Plot) {
	p.Title.TextStyle.Font = sans(14)
	p.X.Label.TextStyle.Font = sans(11)
	p.Y.Label.TextStyle.Font = sans(11)
	p.X.Tick.Label.Font = sans(9)
	p.Y.Tick.Label.Font = sans(9)
	p.Legend.TextStyle.Font = sans(10)
}

// layoutBars gives the bars their width: groups of bars fill 80% of the
// space of each label, each series its share, side by side.
func layoutBars(p *gplot.Plot, dc draw.Canvas, bars []*plotter.BarChart) {
	if len(bars) == 0 {
		return
	}
	area := p.DataCanvas(dc)
	slot := (area.Max.X - area.Min.X) / vg.Length(p.X.Max-p.X.Min)
	width := slot * 0.8 / vg.Length(len(bars))
	for j, b := range bars {
		b.Width = width
		b.Offset = vg.Length(float64(j)-float64(len(bars)-1)/2) * width
	}
}

// xys pairs up coordinates for gonum.
func xys(x, y []float64) plotter.XYs {
	pts := make(plotter.XYs, len(x))
	for i := range x {
		pts[i].X, pts[i].Y = x[i], y[i]
	}
	return pts
}

// errorSVG is a small SVG image that shows err in red, so a broken chart
// says why in the notebook.
func errorSVG(err error) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="40">` +
		`<text x="8" y="24" fill="#c62828" font-family="sans-serif" font-size="14">` +
		html.EscapeString(err.Error()) + `</text></svg>`
}

// PNGView is a chart that shows itself as a PNG image instead of SVG
// (its only rendering method is PNG). Get one with Chart.AsPNG.
type PNGView struct{ chart *Chart }

// AsPNG returns the chart as a PNG view: display.Show(c.AsPNG()), or
// c.AsPNG() as a cell's last line, shows a PNG image of it.
//
// A Chart has no PNG method of its own on purpose: a value with both SVG
// and PNG methods would be drawn twice every time it is shown.
func (c *Chart) AsPNG() PNGView { return PNGView{chart: c} }

// PNG draws the chart as a PNG file, or returns nil if it cannot be drawn
// (Chart.Err or Chart.Render say why).
func (v PNGView) PNG() []byte {
	b, err := v.chart.Render("png")
	if err != nil {
		return nil
	}
	return b
}

// String describes the chart in words.
func (v PNGView) String() string { return v.chart.String() + " (PNG)" }

// Seconds converts durations to seconds, for the axes of a chart:
// c.Line("time", sizes, plot.Seconds(times)).
func Seconds(ds []time.Duration) []float64 {
	s := make([]float64, len(ds))
	for i, d := range ds {
		s[i] = d.Seconds()
	}
	return s
}

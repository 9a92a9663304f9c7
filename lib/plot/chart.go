package plot

import (
	"fmt"
	"math"
	"slices"
)

// Default size of a chart, in screen pixels.
const (
	DefaultWidth  = 640
	DefaultHeight = 400
)

// Chart is a chart under construction. Set its fields, add data with its
// methods, and show it (it has an SVG method), or call SVG, Render or
// AsPNG. The zero Chart is an empty chart of the default size.
//
// Methods that add data return the chart, so calls can be chained. A
// mistake in the data (x and y of different lengths, NaN values, ...) is
// kept and reported by Err, and the drawn chart shows it in red.
type Chart struct {
	// Title is drawn above the chart.
	Title string
	// XLabel and YLabel name the axes.
	XLabel, YLabel string
	// Width and Height are the size in screen pixels: 0 means the
	// default size (a timeline grows with its number of tasks).
	Width, Height int

	series []series
	spans  []Span
	err    error
}

// kinds of series.
const (
	kindLine = iota
	kindScatter
	kindBar
	kindHistogram
)

// series is one named set of data.
type series struct {
	kind   int
	name   string
	x, y   []float64
	labels []string // bars
	bins   int      // histogram
}

// New returns an empty chart with a title.
func New(title string) *Chart { return &Chart{Title: title} }

// Size sets the chart's size in screen pixels.
func (c *Chart) Size(width, height int) *Chart {
	c.Width, c.Height = width, height
	return c
}

// Clear removes all data and any error, and keeps the title, the labels
// and the size: the way to redraw a chart with new data.
func (c *Chart) Clear() *Chart {
	c.series, c.spans, c.err = nil, nil, nil
	return c
}

// Err returns the first mistake found in the data added, or nil.
func (c *Chart) Err() error { return c.err }

// String describes the chart in words (its text/plain form).
func (c *Chart) String() string {
	title := c.Title
	if title == "" {
		title = "untitled"
	}
	s := fmt.Sprintf("chart %q: %d series", title, len(c.series))
	if len(c.spans) > 0 {
		s += fmt.Sprintf(", %d spans", len(c.spans))
	}
	if c.err != nil {
		s += ", error: " + c.err.Error()
	}
	return s
}

// fail keeps the first mistake.
func (c *Chart) fail(format string, args ...any) *Chart {
	if c.err == nil {
		c.err = fmt.Errorf(format, args...)
	}
	return c
}

// Line adds a line through the points (x[i], y[i]), named name in the
// legend (no entry if name is empty).
func (c *Chart) Line(name string, x, y []float64) *Chart {
	return c.addXY(kindLine, "Line", name, x, y)
}

// LineY adds a line through the points (i, y[i]) for i = 0, 1, 2, ...
func (c *Chart) LineY(name string, y []float64) *Chart {
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i)
	}
	return c.addXY(kindLine, "LineY", name, x, y)
}

// Scatter adds the points (x[i], y[i]), unconnected.
func (c *Chart) Scatter(name string, x, y []float64) *Chart {
	return c.addXY(kindScatter, "Scatter", name, x, y)
}

func (c *Chart) addXY(kind int, method, name string, x, y []float64) *Chart {
	if len(x) != len(y) {
		return c.fail("plot: %s %q: %d x values but %d y values", method, name, len(x), len(y))
	}
	if len(x) == 0 {
		return c.fail("plot: %s %q: no points", method, name)
	}
	if err := finite(x, "x"); err != nil {
		return c.fail("plot: %s %q: %w", method, name, err)
	}
	if err := finite(y, "y"); err != nil {
		return c.fail("plot: %s %q: %w", method, name, err)
	}
	c.series = append(c.series, series{kind: kind, name: name, x: slices.Clone(x), y: slices.Clone(y)})
	return c
}

// Bar adds one bar per label, values[i] high. Several Bar calls with the
// same labels draw groups of bars side by side, one color per call.
func (c *Chart) Bar(name string, labels []string, values []float64) *Chart {
	if len(labels) != len(values) {
		return c.fail("plot: Bar %q: %d labels but %d values", name, len(labels), len(values))
	}
	if len(labels) == 0 {
		return c.fail("plot: Bar %q: no bars", name)
	}
	if err := finite(values, "values"); err != nil {
		return c.fail("plot: Bar %q: %w", name, err)
	}
	for _, s := range c.series {
		if s.kind == kindBar && !slices.Equal(s.labels, labels) {
			return c.fail("plot: Bar %q: labels %q differ from the first Bar's %q", name, labels, s.labels)
		}
	}
	c.series = append(c.series, series{kind: kindBar, name: name, labels: slices.Clone(labels), y: slices.Clone(values)})
	return c
}

// Histogram adds a histogram of values: how many fall in each of bins
// equal intervals between the smallest and the largest. bins <= 0
// chooses a number from the count of values.
func (c *Chart) Histogram(name string, values []float64, bins int) *Chart {
	if len(values) == 0 {
		return c.fail("plot: Histogram %q: no values", name)
	}
	if err := finite(values, "values"); err != nil {
		return c.fail("plot: Histogram %q: %w", name, err)
	}
	c.series = append(c.series, series{kind: kindHistogram, name: name, y: slices.Clone(values), bins: bins})
	return c
}

// finite reports the first NaN or infinite number in v, which no chart
// can place.
func finite(v []float64, what string) error {
	for i, f := range v {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("%s[%d] is %v", what, i, f)
		}
	}
	return nil
}

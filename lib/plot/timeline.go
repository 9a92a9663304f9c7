package plot

import (
	"image/color"
	"math"
	"time"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Span is a stretch of time during which a task ran: one bar on a
// timeline. Start and End are measured from a common origin, usually the
// start of the run (time.Since(start) when the task began and ended).
type Span struct {
	Task       string
	Start, End time.Duration
}

// Timeline adds spans to a timeline chart (a Gantt chart): one row per
// task, in the order the tasks first appear, top to bottom, and one bar
// per span. Spans that overlap in time ran concurrently. The x axis is in
// seconds, or milliseconds when everything ends within a second.
func (c *Chart) Timeline(spans []Span) *Chart {
	for _, s := range spans {
		if s.End < s.Start {
			return c.fail("plot: Timeline: span of task %q ends (%v) before it starts (%v)", s.Task, s.End, s.Start)
		}
	}
	c.spans = append(c.spans, spans...)
	return c
}

// tasks returns the task names in order of first appearance.
func tasks(spans []Span) []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range spans {
		if !seen[s.Task] {
			seen[s.Task] = true
			names = append(names, s.Task)
		}
	}
	return names
}

// timeUnit picks the x axis unit for spans: seconds, or milliseconds when
// all of them end within a second.
func timeUnit(spans []Span) (time.Duration, string) {
	for _, s := range spans {
		if s.End >= time.Second {
			return time.Second, "seconds"
		}
	}
	return time.Millisecond, "milliseconds"
}

// timeline draws spans as bars, one row per task. It is a gonum plotter.
type timeline struct {
	spans []Span
	row   map[string]int // task -> y value; the first task is at the top
	unit  time.Duration
}

func newTimeline(spans []Span) *timeline {
	names := tasks(spans)
	row := make(map[string]int, len(names))
	for i, name := range names {
		row[name] = len(names) - 1 - i
	}
	unit, _ := timeUnit(spans)
	return &timeline{spans: spans, row: row, unit: unit}
}

// x converts a time to the axis unit.
func (t *timeline) x(d time.Duration) float64 { return float64(d) / float64(t.unit) }

// rowNames returns the task names in y order (bottom row first), as
// NominalY wants them.
func (t *timeline) rowNames() []string {
	names := make([]string, len(t.row))
	for name, y := range t.row {
		names[y] = name
	}
	return names
}

// DataRange implements gonum's plot.DataRanger.
func (t *timeline) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, s := range t.spans {
		xmin = math.Min(xmin, t.x(s.Start))
		xmax = math.Max(xmax, t.x(s.End))
	}
	return math.Min(xmin, 0), xmax, -0.5, float64(len(t.row)) - 0.5
}

// minSpanWidth keeps an instant (Start == End) visible as a thin bar.
const minSpanWidth = vg.Length(1.5)

// Plot implements gonum's plot.Plotter.
func (t *timeline) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, s := range t.spans {
		y := float64(t.row[s.Task])
		x0, x1 := trX(t.x(s.Start)), trX(t.x(s.End))
		if x1-x0 < minSpanWidth {
			mid := (x0 + x1) / 2
			x0, x1 = mid-minSpanWidth/2, mid+minSpanWidth/2
		}
		y0, y1 := trY(y-0.35), trY(y+0.35)
		box := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(t.color(s.Task), c.ClipPolygonXY(box))
	}
}

// color gives each task its own color, by row from the top.
func (t *timeline) color(task string) color.Color {
	return plotutil.Color(len(t.row) - 1 - t.row[task])
}

// Package plot draws the charts of the course notebooks: lines, scatter
// points, bars, histograms and timelines, as SVG (shown inline by the
// notebook) or PNG.
//
// A Chart is built step by step and drawn when it is shown:
//
//	c := plot.New("Download time by pool size")
//	c.XLabel, c.YLabel = "workers", "seconds"
//	c.Line("measured", sizes, seconds)
//	c.Line("2018 students", sizes, students)
//	c // as a cell's last line: the chart appears
//
// A Timeline chart has one row per task and one bar per span of time a
// task ran (the event loop's trace, each download's request).
//
// The drawing is done by gonum.org/v1/plot, whose fonts (Liberation, metric
// compatible with Arial) are compiled in: nothing is read from disk or the
// network. SVG text names the font with Arial, Helvetica and sans-serif as
// fallbacks, so browsers without Liberation lay it out the same.
//
// To redraw a chart in place while data comes in, show it once, keep the
// handle, and update it with the changed chart:
//
//	h := display.Show(c)
//	for ... {
//		xs, ys = append(xs, x), append(ys, y)
//		h.Update(c.Clear().Line("req/s", xs, ys))
//	}
//
// Update draws the chart again each time; at a few hundred points that
// takes well under 10 ms (see BenchmarkLineSVG).
//
// The API takes []float64, []string and []time.Duration (Seconds converts
// durations), never generic types, so interpreted notebook cells can call
// it through a symbol table.
package plot

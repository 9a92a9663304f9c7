package plot_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/gokernel/gokernel/lib/display"
	"github.com/gokernel/gokernel/lib/plot"
)

func ExampleChart_Line() {
	workers := []float64{1, 2, 4, 8, 16, 32}
	c := plot.New("Download time by pool size")
	c.XLabel, c.YLabel = "workers", "seconds"
	c.Line("measured", workers, []float64{6.1, 3.1, 1.6, 0.8, 0.4, 0.3})
	c.Scatter("2018 students", []float64{1, 2, 4, 10, 20, 30}, []float64{37, 19, 10, 5, 3, 3})
	svg := c.SVG() // what the notebook shows
	fmt.Println(c)
	fmt.Println(strings.Contains(svg, ">2018 students</text>"))
	// Output:
	// chart "Download time by pool size": 2 series
	// true
}

// Bars with the same labels are grouped, one color per call.
func ExampleChart_Bar() {
	servers := []string{"threads", "pool", "loop"}
	c := plot.New("Requests per second").
		Bar("alone", servers, []float64{57000, 3000, 40000}).
		Bar("under load", servers, []float64{170, 3000, 17})
	fmt.Println(c.Err())
	// Output: <nil>
}

// A timeline shows which tasks ran when: here two downloads overlap and a
// third starts when the first ends.
func ExampleChart_Timeline() {
	ms := time.Millisecond
	c := plot.New("Downloads").Timeline([]plot.Span{
		{Task: "abc-news", Start: 0, End: 350 * ms},
		{Task: "bbc-news", Start: 10 * ms, End: 300 * ms},
		{Task: "cnn", Start: 350 * ms, End: 700 * ms},
	})
	fmt.Println(c)
	// Output: chart "Downloads": 0 series, 3 spans
}

func ExampleChart_AsPNG() {
	c := plot.New("small").Size(320, 200).LineY("", []float64{1, 4, 9})
	data, _ := display.Bundle(c.AsPNG())
	_, isPNG := data["image/png"]
	fmt.Println(isPNG)
	// Output: true
}

// A chart redraws itself in place: show it once, then update the output
// with the chart holding the new data.
func Example_updateInPlace() {
	d := display.New(func(m display.Message) { fmt.Println(m.Kind) })
	c := plot.New("requests per second")
	h := d.Show(c)
	var rates []float64
	for _, r := range []float64{900, 950, 20} {
		rates = append(rates, r)
		h.Update(c.Clear().LineY("req/s", rates))
	}
	// Output:
	// display
	// update
	// update
	// update
}

package magic

import (
	"context"
	"time"
)

// stopwatch measures wall and CPU time from its start.
type stopwatch struct {
	wall      time.Time
	user, sys time.Duration
}

// startStopwatch starts a stopwatch.
func startStopwatch() stopwatch {
	u, s := cpuTimes()
	return stopwatch{wall: time.Now(), user: u, sys: s}
}

// report returns IPython's two lines for the time since the start.
func (w stopwatch) report() string {
	wall := time.Since(w.wall)
	u, s := cpuTimes()
	u, s = u-w.user, s-w.sys
	return "CPU times: user " + formatTime(u) + ", sys: " + formatTime(s) + ", total: " + formatTime(u+s) +
		"\nWall time: " + formatTime(wall) + "\n"
}

// lineTime is %time STMT: run STMT as Go, then print the CPU and wall
// time it took. The statement's declarations stay in the session and its
// value is the cell's value, as in IPython.
func (m *Magics) lineTime(ctx context.Context, c call) (map[string]any, error) {
	if c.args == "" {
		return nil, usageError("%%time needs a statement: %%time STMT")
	}
	return m.timed(func() (map[string]any, error) { return m.runGo(ctx, c.args, c.argPos) })
}

// cellTime is %%time: run the rest of the cell (Go, magics and shell
// lines), then print the CPU and wall time it took.
func (m *Magics) cellTime(ctx context.Context, c call) (map[string]any, error) {
	if c.args != "" {
		return nil, usageError("%%%%time takes no arguments; the cell below it is what is timed")
	}
	return m.timed(func() (map[string]any, error) { return m.execute(ctx, c.body, c.bodyLine) })
}

// timed runs run and, when it succeeds, prints the time it took.
func (m *Magics) timed(run func() (map[string]any, error)) (map[string]any, error) {
	w := startStopwatch()
	v, err := run()
	if err != nil {
		return nil, err
	}
	m.printf("%s", w.report())
	return v, nil
}

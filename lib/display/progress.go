package display

import (
	"fmt"
	"html"
	"strings"
	"time"
)

// Progress is a live progress bar: a cell shows it once and then moves it
// forward (Add, Set), and the bar changes where it stands; Done shows the
// final state. It is safe for concurrent
// use, so goroutines can all report to one bar. It shows an HTML bar, or a
// text bar where HTML cannot be shown.
type Progress struct {
	meter
	d     *Display
	total int
	start time.Time
}

// Progress shows a progress bar that is full at total steps. A total of 0
// or less means the total is not known: the bar then shows a count.
func (d *Display) Progress(total int) *Progress {
	p := &Progress{d: d, total: total, start: d.now()}
	p.live = d.newLive(p.render)
	return p
}

// String returns the bar as text, as it is shown now.
func (p *Progress) String() string {
	p.live.mu.Lock()
	defer p.live.mu.Unlock()
	return p.text(p.live.done)
}

// barWidth is the number of characters in the text bar.
const barWidth = 30

// render is the bar's current bundle; p.live.mu is held.
func (p *Progress) render(done bool) map[string]any {
	var h strings.Builder
	h.WriteString(`<div style="font-family:monospace">`)
	if p.total > 0 {
		fmt.Fprintf(&h, `<progress value="%d" max="%d" style="width:24em;vertical-align:middle"></progress> `, min(max(p.n, 0), p.total), p.total)
	}
	h.WriteString(html.EscapeString(p.status(done)))
	h.WriteString(`</div>`)
	return map[string]any{MIMEHTML: h.String(), MIMEText: p.text(done)}
}

// text is the bar drawn with characters; p.live.mu is held.
func (p *Progress) text(done bool) string {
	if p.total <= 0 {
		return p.status(done)
	}
	full := int(p.fraction() * barWidth)
	return "[" + strings.Repeat("#", full) + strings.Repeat("-", barWidth-full) + "] " + p.status(done)
}

// fraction is how much is done, from 0 to 1.
func (p *Progress) fraction() float64 {
	return min(max(float64(p.n)/float64(p.total), 0), 1)
}

// status is the line of numbers next to the bar: percent, steps, time and
// rate; p.live.mu is held.
func (p *Progress) status(done bool) string {
	elapsed := p.d.now().Sub(p.start)
	var s string
	if p.total > 0 {
		s = fmt.Sprintf("%3.0f%% %d/%d", 100*p.fraction(), p.n, p.total)
	} else {
		s = fmt.Sprintf("%d", p.n)
	}
	s += " " + elapsed.Round(100*time.Millisecond).String()
	if secs := elapsed.Seconds(); secs > 0 {
		s += fmt.Sprintf(" %.1f/s", float64(p.n)/secs)
	}
	if done {
		s += " done"
	}
	return s
}

// Counter is a live counter: a label and a number that changes where it
// stands (Add, Set, Done). It is safe for concurrent use.
type Counter struct {
	meter
	label string
}

// Counter shows a counter that starts at 0.
func (d *Display) Counter(label string) *Counter {
	c := &Counter{label: label}
	c.live = d.newLive(c.render)
	return c
}

// String returns the counter as text, as it is shown now.
func (c *Counter) String() string {
	c.live.mu.Lock()
	defer c.live.mu.Unlock()
	return c.text()
}

func (c *Counter) text() string { return fmt.Sprintf("%s: %d", c.label, c.n) }

// render is the counter's current bundle; c.live.mu is held.
func (c *Counter) render(bool) map[string]any {
	h := fmt.Sprintf(`<div style="font-family:monospace"><b>%s</b>: %d</div>`, html.EscapeString(c.label), c.n)
	return map[string]any{MIMEHTML: h, MIMEText: c.text()}
}

// meter is what Progress and Counter share: a number shown live.
type meter struct {
	live *live
	n    int
}

// Add adds n to the number (moves the bar forward by n steps).
func (m *meter) Add(n int) {
	m.live.mu.Lock()
	defer m.live.mu.Unlock()
	m.n += n
	m.live.changedLocked()
}

// Set sets the number to n.
func (m *meter) Set(n int) {
	m.live.mu.Lock()
	defer m.live.mu.Unlock()
	m.n = n
	m.live.changedLocked()
}

// Done shows the final state at once. Later changes are counted but not
// shown.
func (m *meter) Done() {
	m.live.mu.Lock()
	defer m.live.mu.Unlock()
	m.live.finishLocked()
}

// Value returns the number.
func (m *meter) Value() int {
	m.live.mu.Lock()
	defer m.live.mu.Unlock()
	return m.n
}

package display

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand; its timers fire when it
// passes their deadline.
type fakeClock struct {
	t      time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

func (c *fakeClock) now() time.Time { return c.t }

func (c *fakeClock) after(d time.Duration, f func()) func() bool {
	ft := &fakeTimer{at: c.t.Add(d), f: f}
	c.timers = append(c.timers, ft)
	return func() bool {
		was := !ft.stopped
		ft.stopped = true
		return was
	}
}

// advance moves the clock and fires the timers that are due.
func (c *fakeClock) advance(d time.Duration) {
	c.t = c.t.Add(d)
	due := c.timers
	c.timers = nil
	for _, ft := range due {
		switch {
		case ft.stopped:
		case !ft.at.After(c.t):
			ft.stopped = true
			ft.f()
		default:
			c.timers = append(c.timers, ft)
		}
	}
}

// pending counts the timers not yet fired or stopped.
func (c *fakeClock) pending() int { return len(c.timers) }

// newFakeDisplay returns a Display on a fake clock and the list its
// messages go to.
func newFakeDisplay() (*Display, *fakeClock, *[]Message) {
	var msgs []Message
	d := New(func(m Message) { msgs = append(msgs, m) })
	c := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	d.now, d.after = c.now, c.after
	return d, c, &msgs
}

// TestProgressBurst: a thousand steps at once cost one held-back update,
// sent when the gap is over, plus the final one.
func TestProgressBurst(t *testing.T) {
	d, clock, msgs := newFakeDisplay()
	p := d.Progress(1000)
	for range 1000 {
		p.Add(1)
	}
	if len(*msgs) != 1 {
		t.Fatalf("%d messages during the burst, want 1 (the first frame)", len(*msgs))
	}
	if clock.pending() != 1 {
		t.Fatalf("%d timers pending, want 1", clock.pending())
	}
	clock.advance(minUpdateGap)
	if len(*msgs) != 2 || !strings.Contains((*msgs)[1].Data[MIMEText].(string), "1000/1000") {
		t.Fatalf("after the gap: %+v", *msgs)
	}
	p.Done()
	if len(*msgs) != 3 {
		t.Fatalf("%d messages after Done, want 3", len(*msgs))
	}
	for i, m := range (*msgs)[1:] {
		if m.Kind != KindUpdate || m.DisplayID != (*msgs)[0].DisplayID {
			t.Errorf("message %d = %+v, want an update of the bar", i+1, m)
		}
	}
}

// TestProgressRate: steps every 10 ms for 2 s give about 10 updates a
// second, never more, and the screen is never more than one gap behind.
func TestProgressRate(t *testing.T) {
	d, clock, msgs := newFakeDisplay()
	p := d.Progress(200)
	for range 200 {
		clock.advance(10 * time.Millisecond)
		p.Add(1)
	}
	clock.advance(minUpdateGap)
	updates := len(*msgs) - 1
	if updates < 19 || updates > 21 {
		t.Errorf("%d updates in 2.1 s, want about 20", updates)
	}
	last := (*msgs)[len(*msgs)-1].Data[MIMEText].(string)
	if !strings.Contains(last, "200/200") {
		t.Errorf("last frame %q does not show the final step", last)
	}
}

// TestFlush: the end of a cell sends what bars and counters hold back,
// and their timers do not send it again.
func TestFlush(t *testing.T) {
	d, clock, msgs := newFakeDisplay()
	p := d.Progress(10)
	c := d.Counter("n")
	d.Counter("idle") // never changes: nothing to flush
	p.Add(3)
	c.Add(4)
	if len(*msgs) != 3 {
		t.Fatalf("%d messages before Flush, want 3 first frames", len(*msgs))
	}
	d.Flush()
	if len(*msgs) != 5 {
		t.Fatalf("%d messages after Flush, want 5", len(*msgs))
	}
	if got := (*msgs)[3].Data[MIMEText].(string) + "|" + (*msgs)[4].Data[MIMEText].(string); !strings.Contains(got, "3/10") || !strings.Contains(got, "n: 4") {
		t.Errorf("flushed frames: %q", got)
	}
	clock.advance(time.Second)
	d.Flush()
	if len(*msgs) != 5 {
		t.Errorf("%d messages after the timers, want still 5", len(*msgs))
	}
	if len(d.pending) != 0 {
		t.Errorf("%d outputs still pending", len(d.pending))
	}
}

// TestProgressDone: after Done, nothing more is sent, not even by a timer
// that was pending.
func TestProgressDone(t *testing.T) {
	d, clock, msgs := newFakeDisplay()
	p := d.Progress(10)
	p.Add(1) // held back: a timer is pending
	p.Done()
	p.Done()
	p.Add(5)
	clock.advance(time.Second)
	if len(*msgs) != 2 {
		t.Fatalf("%d messages, want the first frame and the final one", len(*msgs))
	}
	if got := (*msgs)[1].Data[MIMEText].(string); !strings.HasSuffix(got, "done") || !strings.Contains(got, "1/10") {
		t.Errorf("final frame = %q", got)
	}
	if p.Value() != 6 {
		t.Errorf("Value = %d, want 6 (the count goes on, the screen does not)", p.Value())
	}
}

// TestProgressRender checks the frames, text and HTML.
func TestProgressRender(t *testing.T) {
	tests := []struct {
		name     string
		total    int
		set      int
		after    time.Duration
		text     string
		htmlPart string
	}{
		{"half", 10, 5, time.Second, "[###############---------------]  50% 5/10 1s 5.0/s", `<progress value="5" max="10"`},
		{"start", 4, 0, 0, "[------------------------------]   0% 0/4 0s", `<progress value="0" max="4"`},
		{"over the top", 4, 9, 2 * time.Second, "[##############################] 100% 9/4 2s 4.5/s", `<progress value="4" max="4"`},
		{"unknown total", 0, 7, 1500 * time.Millisecond, "7 1.5s 4.7/s", `7 1.5s 4.7/s</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, clock, msgs := newFakeDisplay()
			p := d.Progress(tt.total)
			clock.advance(tt.after)
			p.Set(tt.set)
			clock.advance(minUpdateGap) // flush if held back
			clock.t = clock.t.Add(-minUpdateGap)
			last := (*msgs)[len(*msgs)-1]
			if got := p.String(); got != tt.text {
				t.Errorf("String() = %q, want %q", got, tt.text)
			}
			if got := last.Data[MIMEHTML].(string); !strings.Contains(got, tt.htmlPart) {
				t.Errorf("HTML %q does not contain %q", got, tt.htmlPart)
			}
		})
	}
}

func TestCounter(t *testing.T) {
	d, clock, msgs := newFakeDisplay()
	c := d.Counter("<hits>")
	c.Add(2)
	c.Add(3)
	clock.advance(minUpdateGap)
	c.Set(10)
	c.Done()
	want := []string{"<hits>: 0", "<hits>: 5", "<hits>: 10"}
	if len(*msgs) != len(want) {
		t.Fatalf("%d messages, want %d", len(*msgs), len(want))
	}
	for i, m := range *msgs {
		if got := m.Data[MIMEText]; got != want[i] {
			t.Errorf("frame %d = %q, want %q", i, got, want[i])
		}
	}
	if got := (*msgs)[2].Data[MIMEHTML]; got != `<div style="font-family:monospace"><b>&lt;hits&gt;</b>: 10</div>` {
		t.Errorf("HTML = %q", got)
	}
	if c.Value() != 10 || c.String() != "<hits>: 10" {
		t.Errorf("Value %d, String %q", c.Value(), c.String())
	}
}

// TestProgressConcurrent: goroutines share a bar (real clock, real
// timers); every step is counted and the final frame shows them all.
func TestProgressConcurrent(t *testing.T) {
	var mu sync.Mutex
	var last Message
	d := New(func(m Message) { mu.Lock(); last = m; mu.Unlock() })
	p := d.Progress(800)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				p.Add(1)
			}
		}()
	}
	wg.Wait()
	p.Done()
	mu.Lock()
	defer mu.Unlock()
	if got := last.Data[MIMEText].(string); !strings.Contains(got, "800/800") {
		t.Errorf("final frame %q", got)
	}
	if p.Value() != 800 {
		t.Errorf("Value = %d, want 800", p.Value())
	}
}

// BenchmarkProgressAdd measures one step of a bar (mostly held back).
func BenchmarkProgressAdd(b *testing.B) {
	d := New(func(Message) {})
	p := d.Progress(b.N)
	for b.Loop() {
		p.Add(1)
	}
	p.Done()
	_ = fmt.Sprint(p.Value())
}

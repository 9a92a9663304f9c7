package check

import (
	"fmt"
	"math"
	"time"
)

// Within checks that fn returns within d, and returns how long it took.
// It waits for fn to finish either way.
func (c *Checker) Within(name string, d time.Duration, fn func()) time.Duration {
	start := time.Now()
	fn()
	took := time.Since(start)
	c.report(name, took <= d, "expected to finish within %v, took %v", d, took.Round(time.Millisecond))
	return took
}

// Between checks that lo <= got <= hi. The three are numbers or durations.
func (c *Checker) Between(name string, got, lo, hi any) {
	g, okG := number(got)
	l, okL := number(lo)
	h, okH := number(hi)
	if !okG || !okL || !okH {
		c.fail(name, "expected numbers or durations, got %s, %s and %s", plain(got), plain(lo), plain(hi))
	}
	c.report(name, l <= g && g <= h, "expected between %s and %s, got %s", plain(lo), plain(hi), plain(got))
}

// InDelta checks that got is want plus or minus delta.
func (c *Checker) InDelta(name string, got, want, delta float64) {
	c.report(name, math.Abs(got-want) <= delta, "expected %v ± %v, got %v", want, delta, got)
}

// Ratio checks that got / base lies between lo and hi. got and base are
// numbers or durations: Ratio("loop vs baseline", loopTime, baseline, 0, 0.2)
// is the course's "at most 0.2 × the baseline".
func (c *Checker) Ratio(name string, got, base any, lo, hi float64) float64 {
	g, okG := number(got)
	b, okB := number(base)
	if !okG || !okB {
		c.fail(name, "expected numbers or durations, got %s and %s", plain(got), plain(base))
	}
	if b == 0 {
		c.fail(name, "expected a baseline other than zero, got %s", plain(base))
	}
	r := g / b
	c.report(name, lo <= r && r <= hi, "expected %s / %s between %v and %v, got %s",
		plain(got), plain(base), lo, hi, ratio(r))
	return r
}

func ratio(r float64) string { return fmt.Sprintf("%.3g", r) }

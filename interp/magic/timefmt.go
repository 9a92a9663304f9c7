package magic

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// formatTime formats a duration the way IPython's %time and %timeit do:
// three significant digits in the largest unit (s, ms, µs, ns) that keeps
// the number at least 1, and "1h 2min 3s" style from a minute up.
func formatTime(d time.Duration) string {
	return formatSeconds(d.Seconds())
}

// formatSeconds is formatTime for a span in seconds, which may be a
// fraction of a nanosecond (a mean per loop).
func formatSeconds(span float64) string {
	if span >= 60 {
		parts := []struct {
			suffix string
			length float64
		}{{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}}
		var out []string
		left := span
		for _, p := range parts {
			if v := math.Trunc(left / p.length); v > 0 {
				left = math.Mod(left, p.length)
				out = append(out, fmt.Sprintf("%d%s", int64(v), p.suffix))
			}
			if left < 1 {
				break
			}
		}
		return strings.Join(out, " ")
	}
	units := []string{"s", "ms", "µs", "ns"}
	scale := []float64{1, 1e3, 1e6, 1e9}
	order := 3
	if span > 0 {
		// Floor division, as in Python: 0.5 s is 500 ms.
		order = min(-int(math.Floor(math.Floor(math.Log10(span))/3)), 3)
	}
	return fmt.Sprintf("%.3g %s", span*scale[order], units[order])
}

// timeitResult is what %timeit measured: runs timed repeats of loops
// executions each.
type timeitResult struct {
	loops int
	runs  []time.Duration
}

// String formats the result as IPython does, e.g. "1.23 ms ± 45.6 µs per
// loop (mean ± std. dev. of 7 runs, 100 loops each)".
func (r timeitResult) String() string {
	mean, std := r.stats()
	return fmt.Sprintf("%s ± %s per loop (mean ± std. dev. of %d run%s, %s loop%s each)",
		formatSeconds(mean), formatSeconds(std), len(r.runs), plural(len(r.runs)),
		thousands(r.loops), plural(r.loops))
}

// stats returns the mean and the population standard deviation of the
// time per loop, in seconds.
func (r timeitResult) stats() (mean, std float64) {
	if len(r.runs) == 0 || r.loops == 0 {
		return 0, 0
	}
	per := make([]float64, len(r.runs))
	for i, d := range r.runs {
		per[i] = d.Seconds() / float64(r.loops)
		mean += per[i]
	}
	mean /= float64(len(per))
	for _, x := range per {
		std += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(std / float64(len(per)))
}

// cachingWarning returns IPython's warning when the slowest run took more
// than 4 times the fastest, or "".
func (r timeitResult) cachingWarning() string {
	if len(r.runs) == 0 || r.loops == 0 {
		return ""
	}
	best, worst := r.runs[0], r.runs[0]
	for _, d := range r.runs {
		best, worst = min(best, d), max(worst, d)
	}
	b := best.Seconds() / float64(r.loops)
	w := worst.Seconds() / float64(r.loops)
	if w > 4*b && b > 0 && w > 1e-6 {
		return fmt.Sprintf("The slowest run took %0.2f times longer than the fastest. This could mean that an intermediate result is being cached.", w/b)
	}
	return ""
}

// plural returns "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

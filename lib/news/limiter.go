package news

import (
	"sync"
	"time"
)

// limiter counts requests in fixed time windows: at most quota requests per window. Its lock is
// held only to count, never during a response's latency, so requests still run in parallel.
type limiter struct {
	quota  int
	window time.Duration

	mu    sync.Mutex
	start time.Time // start of the current window
	count int       // requests allowed in the current window
}

// allow reports whether one more request fits in the window that contains now.
func (l *limiter) allow(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.start) >= l.window {
		l.start, l.count = now, 0
	}
	if l.count >= l.quota {
		return false
	}
	l.count++
	return true
}

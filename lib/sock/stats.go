package sock

import (
	"fmt"
	"sync/atomic"
)

// Stats counts what a Loop has done, to show how it spends its time.
type Stats struct {
	Spawned  int64 // tasks created
	Finished int64 // tasks that have returned
	Resumes  int64 // times a task was resumed (one step of the loop)
	Polls    int64 // times the loop asked the poller because no task was ready
}

// String formats the counters on one line.
func (s Stats) String() string {
	return fmt.Sprintf("%d tasks spawned, %d finished, %d resumes, %d polls", s.Spawned, s.Finished, s.Resumes, s.Polls)
}

// loopStats holds the counters; they are atomic so that Stats may be read while the loop runs.
type loopStats struct {
	spawned, finished, resumes, polls atomic.Int64
}

// Stats reports the loop's counters so far. It may be called from any goroutine.
func (l *Loop) Stats() Stats {
	return Stats{
		Spawned:  l.stats.spawned.Load(),
		Finished: l.stats.finished.Load(),
		Resumes:  l.stats.resumes.Load(),
		Polls:    l.stats.polls.Load(),
	}
}

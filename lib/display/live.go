package display

import (
	"sync"
	"time"
)

// minUpdateGap keeps a live output to at most 10 updates a second: a loop
// that calls Add a million times must not send a million messages.
const minUpdateGap = 100 * time.Millisecond

// live is an output that changes often (a progress bar, a counter). It
// sends at most one update per minUpdateGap. A change that comes sooner is
// held back and sent by a timer at the end of the gap, so the screen never
// stays behind for long; finish sends the final state at once.
type live struct {
	d      *Display
	h      *Handle
	render func(done bool) map[string]any // the current state; called with mu held

	mu    sync.Mutex
	last  time.Time   // when the last update was sent
	dirty bool        // the state changed since then
	stop  func() bool // stops the pending timer; nil when none is pending
	done  bool
}

// newLive shows the first frame of a live output.
func (d *Display) newLive(render func(done bool) map[string]any) *live {
	l := &live{d: d, render: render}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.h = d.show(render(false), nil)
	l.last = d.now()
	return l
}

// changedLocked records a change of state; l.mu must be held.
func (l *live) changedLocked() {
	if l.done {
		return
	}
	l.dirty = true
	wait := minUpdateGap - l.d.now().Sub(l.last)
	if wait <= 0 {
		l.flushLocked()
		return
	}
	if l.stop == nil {
		l.stop = l.d.after(wait, l.tick)
		l.d.setPending(l, true)
	}
}

// flush sends a held-back update now.
func (l *live) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dirty && !l.done {
		l.flushLocked()
	}
}

// tick runs when the gap after the last update is over.
func (l *live) tick() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stop = nil
	l.d.setPending(l, false)
	if l.dirty {
		l.changedLocked()
	}
}

// flushLocked sends the current state; l.mu must be held.
func (l *live) flushLocked() {
	if l.stop != nil {
		l.stop()
		l.stop = nil
		l.d.setPending(l, false)
	}
	l.dirty = false
	l.last = l.d.now()
	l.h.update(l.render(l.done), nil)
}

// finishLocked sends the final state and stops all further updates;
// l.mu must be held. Calling it again does nothing.
func (l *live) finishLocked() {
	if l.done {
		return
	}
	l.done = true
	l.flushLocked()
}

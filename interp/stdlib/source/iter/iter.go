// Package iter is the interpreted version of the standard iter package:
// the Seq and Seq2 iterator types and Pull/Pull2, which turn a push
// iterator into a pair of next/stop functions.
//
// The compiled library switches between coroutines; this version runs
// the sequence on a goroutine and hands control back and forth over
// channels, so that exactly one side runs at a time. What a caller sees is
// the same: the sequence starts on the first next (and never runs if stop
// comes first), yield returns false after stop, next returns the zero
// value and false once the sequence is over, and a panic in the sequence
// comes out of the next or stop call that resumed it. A runtime.Goexit in
// the sequence is not propagated.
package iter

// Seq is an iterator over sequences of individual values: it calls yield
// with each value until there are no more or yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull turns seq into next, which returns the next value and true (or the
// zero value and false at the end), and stop, which ends the iteration.
// Clients must call stop if they do not read the sequence to the end.
// next and stop must not be called from several goroutines at once.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	c := &pullState{}
	var val V
	var ok bool
	c.body = func() {
		seq(func(v V) bool {
			if !c.enterYield("iter.Pull") {
				return false
			}
			val, ok = v, true
			return c.leaveYield()
		})
		var zero V
		val, ok = zero, false
	}
	next = func() (V, bool) {
		if !c.next("iter.Pull") {
			var zero V
			return zero, false
		}
		return val, ok
	}
	return next, c.stop
}

// Pull2 is Pull for sequences of pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	c := &pullState{}
	var key K
	var val V
	var ok bool
	c.body = func() {
		seq(func(k K, v V) bool {
			if !c.enterYield("iter.Pull2") {
				return false
			}
			key, val, ok = k, v, true
			return c.leaveYield()
		})
		var zk K
		var zv V
		key, val, ok = zk, zv, false
	}
	next = func() (K, V, bool) {
		if !c.next("iter.Pull2") {
			var zk K
			var zv V
			return zk, zv, false
		}
		return key, val, ok
	}
	return next, c.stop
}

// pullState is the hand-over between the caller of next/stop and the
// goroutine that runs the sequence. It is not generic, so the same code
// serves Pull and Pull2.
type pullState struct {
	body      func() // runs the sequence, storing each value
	started   bool
	done      bool // the sequence is over, or stop was called
	yieldNext bool // next is waiting for a yield
	panicked  bool
	panicVal  any
	resume    chan struct{} // caller -> sequence
	back      chan struct{} // sequence -> caller
}

// switchTo runs the sequence until it yields or ends.
func (c *pullState) switchTo() {
	if !c.started {
		c.started = true
		c.resume = make(chan struct{})
		c.back = make(chan struct{})
		go c.run()
	} else {
		c.resume <- struct{}{}
	}
	<-c.back
}

// run is the sequence's goroutine.
func (c *pullState) run() {
	defer func() {
		if p := recover(); p != nil {
			c.panicked = true
			c.panicVal = p
		}
		c.done = true
		c.back <- struct{}{}
	}()
	if c.done {
		return // stop came before the first next
	}
	c.body()
}

// enterYield is the start of yield: false means return false at once.
func (c *pullState) enterYield(name string) bool {
	if c.done {
		return false
	}
	if !c.yieldNext {
		panic(name + ": yield called again before next")
	}
	c.yieldNext = false
	return true
}

// leaveYield hands the value to next and waits to be resumed.
func (c *pullState) leaveYield() bool {
	c.back <- struct{}{}
	<-c.resume
	return !c.done
}

// next resumes the sequence; false means it is over.
func (c *pullState) next(name string) bool {
	if c.done {
		return false
	}
	if c.yieldNext {
		panic(name + ": next called again before yield")
	}
	c.yieldNext = true
	c.switchTo()
	c.rethrow()
	return true
}

// stop ends the sequence: its pending yield returns false.
func (c *pullState) stop() {
	if c.done {
		return
	}
	c.done = true
	c.switchTo()
	c.rethrow()
}

// rethrow passes on a panic of the sequence, once.
func (c *pullState) rethrow() {
	if c.panicked {
		c.panicked = false
		panic(c.panicVal)
	}
}

package loop

// deque is the ready queue: a ring buffer of tasks that grows as needed, so
// that taking or putting back at either end costs the same (Python's
// collections.deque; a plain slice would copy every task on insert(0, t)).
type deque struct {
	buf   []*Task
	head  int // index of the front element
	count int
}

// Len returns the number of tasks in the queue.
func (d *deque) Len() int { return d.count }

// PushBack appends t at the end.
func (d *deque) PushBack(t *Task) {
	d.grow()
	d.buf[(d.head+d.count)%len(d.buf)] = t
	d.count++
}

// PushFront inserts t at the front.
func (d *deque) PushFront(t *Task) {
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = t
	d.count++
}

// PopFront removes and returns the task at the front.
func (d *deque) PopFront() *Task {
	t := d.buf[d.head]
	d.buf[d.head] = nil
	d.head = (d.head + 1) % len(d.buf)
	d.count--
	return t
}

// PopBack removes and returns the task at the end.
func (d *deque) PopBack() *Task {
	i := (d.head + d.count - 1) % len(d.buf)
	t := d.buf[i]
	d.buf[i] = nil
	d.count--
	return t
}

// grow makes room for one more task, keeping the order.
func (d *deque) grow() {
	if d.count < len(d.buf) {
		return
	}
	bigger := make([]*Task, max(8, 2*len(d.buf)))
	for i := 0; i < d.count; i++ {
		bigger[i] = d.buf[(d.head+i)%len(d.buf)]
	}
	d.buf, d.head = bigger, 0
}

package loop

import "container/heap"

// sleepHeap holds sleeping tasks, earliest deadline first; ties go to the
// task that went to sleep first. It implements heap.Interface.
type sleepHeap []*Task

func (h sleepHeap) Len() int { return len(h) }

func (h sleepHeap) Less(i, j int) bool {
	if !h[i].wake.Equal(h[j].wake) {
		return h[i].wake.Before(h[j].wake)
	}
	return h[i].sleepSeq < h[j].sleepSeq
}

func (h sleepHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].heapIndex = i
	h[j].heapIndex = j
}

func (h *sleepHeap) Push(x any) {
	t := x.(*Task)
	t.heapIndex = len(*h)
	*h = append(*h, t)
}

func (h *sleepHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.heapIndex = -1
	return t
}

// remove takes t out of the heap if it is in it.
func (h *sleepHeap) remove(t *Task) {
	if t.heapIndex >= 0 {
		heap.Remove(h, t.heapIndex)
	}
}

package supervisor

import "sync"

// Stream indexes of a fence.
const (
	streamStdout = iota
	streamStderr
)

// streamName returns the stream output's name of a stream index.
func streamName(stream int) string {
	if stream == streamStderr {
		return "stderr"
	}
	return "stdout"
}

// holdLimit bounds the text a fence holds back: above it everything held
// is released, giving up exact order for text that is mostly over the
// output cap anyway.
const holdLimit = 8 << 20

// segment is text read from one pipe, in the order the pumps read it.
type segment struct {
	stream int
	data   []byte
}

// fence holds the text one executor printed until the executor's stamps
// say where it belongs among the events (see package execproto): text is
// released to the sink only up to the stamped positions, so that text
// printed after an event cannot reach the notebook before it.
type fence struct {
	sink *sink

	mu       sync.Mutex // taken before sink.mu
	segs     []segment  // held text, in the order it was read
	held     int        // bytes in segs
	read     [2]int64   // bytes read from each pipe
	released [2]int64   // bytes of each pipe given to the sink
}

// take holds text a pump read from a stream's pipe.
func (f *fence) take(stream int, b []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.read[stream] += int64(len(b))
	if n := len(f.segs); n > 0 && f.segs[n-1].stream == stream {
		f.segs[n-1].data = append(f.segs[n-1].data, b...)
	} else {
		f.segs = append(f.segs, segment{stream: stream, data: append([]byte(nil), b...)})
	}
	f.held += len(b)
	if f.held > holdLimit {
		f.releaseLocked(f.read)
	}
}

// releaseTo gives the sink the held text up to the stamped positions of
// both pipes, in the order it was read, and keeps the rest.
func (f *fence) releaseTo(stdout, stderr int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.releaseLocked([2]int64{stdout, stderr})
}

// releaseAll gives the sink everything held.
func (f *fence) releaseAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.releaseLocked(f.read)
}

// releaseLocked releases each stream's text up to its position in to.
func (f *fence) releaseLocked(to [2]int64) {
	keep := f.segs[:0]
	for _, s := range f.segs {
		room := to[s.stream] - f.released[s.stream]
		if room <= 0 {
			keep = append(keep, s)
			continue
		}
		n := len(s.data)
		if int64(n) > room {
			n = int(room)
		}
		f.sink.write(streamName(s.stream), s.data[:n])
		f.released[s.stream] += int64(n)
		f.held -= n
		if n < len(s.data) {
			keep = append(keep, segment{stream: s.stream, data: s.data[n:]})
		}
	}
	clear(f.segs[len(keep):])
	f.segs = keep
}

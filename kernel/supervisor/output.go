package supervisor

import (
	"bytes"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/gokernel/gokernel/kernel/engine"
)

// chunk is printed text of one stream not yet sent.
type chunk struct {
	name string // "stdout" or "stderr"
	data []byte
}

// sink collects what the executor prints and sends it to the running
// cell's output function as coalesced stream outputs. Text printed while
// no cell runs is kept (within the cap) for the next cell.
type sink struct {
	limit     int // bytes a cell may print
	flushSize int // pending bytes that force a flush

	mu        sync.Mutex // also serializes calls of out
	out       func(engine.Output)
	chunks    []chunk
	pending   int
	written   int
	truncated bool
}

// begin starts sending to out.
func (k *sink) begin(out func(engine.Output)) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.out = out
}

// end sends everything pending and stops sending; a new budget starts.
func (k *sink) end() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.flushLocked(true)
	k.out = nil
	k.written, k.truncated = 0, false
}

// write takes printed text from a pump.
func (k *sink) write(name string, b []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.truncated {
		return
	}
	if room := k.limit - k.written; len(b) > room {
		b = b[:room]
		k.truncated = true
	}
	k.appendLocked(name, b)
	k.written += len(b)
	if k.truncated {
		note := fmt.Sprintf("... output truncated: the cell printed more than %s; the rest was dropped ...\n", FormatSize(int64(k.limit)))
		if len(b) > 0 && b[len(b)-1] != '\n' {
			note = "\n" + note
		}
		k.appendLocked(name, []byte(note))
	}
	if k.pending >= k.flushSize {
		k.flushLocked(false)
	}
}

// appendLocked adds text to the last chunk when it is of the same stream.
func (k *sink) appendLocked(name string, b []byte) {
	if len(b) == 0 {
		return
	}
	k.pending += len(b)
	if n := len(k.chunks); n > 0 && k.chunks[n-1].name == name {
		k.chunks[n-1].data = append(k.chunks[n-1].data, b...)
		return
	}
	k.chunks = append(k.chunks, chunk{name: name, data: append([]byte(nil), b...)})
}

// flush sends pending text, keeping back a character cut in half.
func (k *sink) flush() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.flushLocked(false)
}

// flushLocked sends pending text as one stream output per chunk. Unless
// final, the incomplete UTF-8 sequence at the end of a stream's last chunk
// stays pending.
func (k *sink) flushLocked(final bool) {
	if k.out == nil || k.pending == 0 {
		return
	}
	var keep []chunk
	for i, c := range k.chunks {
		data := c.data
		if !final && k.lastOf(i) {
			if cut := len(data) - partialRune(data); cut < len(data) {
				keep = append(keep, chunk{name: c.name, data: append([]byte(nil), data[cut:]...)})
				data = data[:cut]
			}
		}
		if len(data) > 0 {
			k.out(engine.Output{Type: engine.Stream, Name: c.name, Text: string(data)})
		}
	}
	k.chunks, k.pending = keep, 0
	for _, c := range keep {
		k.pending += len(c.data)
	}
}

// lastOf reports whether chunk i is the last of its stream.
func (k *sink) lastOf(i int) bool {
	for _, c := range k.chunks[i+1:] {
		if c.name == k.chunks[i].name {
			return false
		}
	}
	return true
}

// partialRune returns the length of an incomplete UTF-8 sequence at the
// end of b, or 0.
func partialRune(b []byte) int {
	for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
		c := b[len(b)-i]
		if utf8.RuneStart(c) {
			if c >= utf8.RuneSelf && !utf8.FullRune(b[len(b)-i:]) {
				return i
			}
			return 0
		}
	}
	return 0
}

// output sends pending text and then o, so that o comes after what was
// printed before it. Without a cell o is dropped.
func (k *sink) output(o engine.Output) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.out == nil {
		return
	}
	k.flushLocked(true)
	k.out(o)
}

// takePrompt removes and returns the unfinished last line of pending
// stdout, to be shown as the prompt of an input request.
func (k *sink) takePrompt() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := len(k.chunks)
	if n == 0 || k.chunks[n-1].name != "stdout" {
		return ""
	}
	c := &k.chunks[n-1]
	i := bytes.LastIndexByte(c.data, '\n') + 1
	prompt := string(c.data[i:])
	c.data = c.data[:i]
	k.pending -= len(prompt)
	if len(c.data) == 0 {
		k.chunks = k.chunks[:n-1]
	}
	return prompt
}

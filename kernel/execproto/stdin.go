package execproto

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// stdinReader is a cell's standard input: each read that finds no
// buffered data asks the supervisor for one line.
type stdinReader struct {
	srv     *Server
	mu      sync.Mutex // one read at a time
	buf     []byte
	replies chan Request // input_reply requests; capacity 1
}

// Read returns buffered input or asks for a new line. Outside a cell it
// returns io.EOF.
func (r *stdinReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		if err := r.ask(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// ask sends input_request and waits for the reply or the end of the cell.
func (r *stdinReader) ask() error {
	id, ctx := r.srv.currentCell()
	if id == 0 {
		return io.EOF
	}
	select { // drop a reply that came too late for an earlier request
	case <-r.replies:
	default:
	}
	if err := r.srv.send(Event{Type: EvInputRequest, ID: id}); err != nil {
		return fmt.Errorf("ask for input: %w", err)
	}
	select {
	case rep := <-r.replies:
		if rep.InputError != "" {
			return errors.New(rep.InputError)
		}
		r.buf = append(r.buf[:0], rep.Input...)
		r.buf = append(r.buf, '\n')
		return nil
	case <-ctx.Done():
		return errors.New("input cancelled: the cell was interrupted")
	}
}

// deliver hands an input_reply to the waiting reader, if any.
func (r *stdinReader) deliver(req Request) {
	select {
	case r.replies <- req:
	default:
	}
}

// reset drops input left over from an earlier cell.
func (r *stdinReader) reset() {
	r.mu.Lock()
	r.buf = nil
	r.mu.Unlock()
}

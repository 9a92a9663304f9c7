package execproto

import (
	"io"
	"sync/atomic"
)

// countPiece is the most a CountingWriter writes with one call of the
// writer below it, so that the count of a huge write advances while the
// supervisor reads the pipe.
const countPiece = 32 << 10

// CountingWriter counts the bytes written through it to a stream pipe.
// The count only ever includes bytes whose write has returned, so every
// counted byte is in the pipe (or already read) when an event stamped
// with the count is sent.
type CountingWriter struct {
	w io.Writer
	n atomic.Int64
}

// NewCountingWriter returns a writer counting what it writes to w.
func NewCountingWriter(w io.Writer) *CountingWriter {
	return &CountingWriter{w: w}
}

// Write writes b in pieces of at most 32 KiB, counting each piece written.
func (c *CountingWriter) Write(b []byte) (int, error) {
	done := 0
	for done < len(b) {
		end := min(len(b), done+countPiece)
		n, err := c.w.Write(b[done:end])
		c.n.Add(int64(n))
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// Count returns the number of bytes written so far.
func (c *CountingWriter) Count() int64 { return c.n.Load() }

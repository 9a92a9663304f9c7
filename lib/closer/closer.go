// Package closer collects the servers, loops and pools that notebook cells start, so that the
// executor can stop all of them at once when a cell is interrupted or the kernel restarts.
//
// The toolkit packages (sock, fib, news) know nothing about this package: every long-running thing
// they start is returned as a value with a Close method. The executor owns one Set per session and,
// when it binds the toolkit into the interpreter, wraps each constructor with Set.Wrap: the wrapped
// function calls the real one and adds every io.Closer it returns to the Set. On interrupt or restart
// the executor calls Set.Close, which closes everything in reverse order of creation.
package closer

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// Set is a collection of io.Closers that are closed together. The zero value is ready to use; a Set
// is safe for use by several goroutines.
type Set struct {
	mu    sync.Mutex
	items []io.Closer
}

// Add puts c into the set. A nil c is ignored.
func (s *Set) Add(c io.Closer) {
	if c == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, c)
}

// Len reports how many closers the set holds.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

// Close closes every closer in the set, newest first, and empties the set so it can be used again.
// It returns the errors of all closers joined.
func (s *Set) Close() error {
	s.mu.Lock()
	items := s.items
	s.items = nil
	s.mu.Unlock()

	var errs []error
	for i := len(items) - 1; i >= 0; i-- {
		if err := items[i].Close(); err != nil {
			errs = append(errs, fmt.Errorf("close %T: %w", items[i], err))
		}
	}
	return errors.Join(errs...)
}

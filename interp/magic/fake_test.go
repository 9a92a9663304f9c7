package magic

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// transcript records, in order, everything a cell shows. It is safe for
// concurrent writes (shell output arrives on exec's goroutines).
type transcript struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (t *transcript) add(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.WriteString(s)
}

func (t *transcript) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

// stream is a writer into a transcript, tagging what it writes.
type stream struct {
	t   *transcript
	tag string
}

func (s stream) Write(p []byte) (int, error) {
	s.t.add(s.tag + string(p))
	return len(p), nil
}

// fakeSession is a Session that records what it is asked to run. It
// knows a few cells: values[code] is a cell's value, a cell containing
// "fail" fails, and the generated %timeit code returns timeit.
type fakeSession struct {
	t      *transcript
	values map[string]string
	vars   []Var
	timeit string
	runs   []string
}

func (f *fakeSession) Run(ctx context.Context, code string) (map[string]any, error) {
	f.runs = append(f.runs, code)
	if strings.Contains(code, "__gkLoop") {
		f.t.add("[run timeit code]\n")
		return map[string]any{"text/plain": fmt.Sprintf("%q", f.timeit)}, nil
	}
	body := strings.TrimLeft(code, "\n")
	line := len(code) - len(body) + 1
	src := strings.TrimLeft(body, " ")
	col := len(body) - len(src) + 1
	f.t.add(fmt.Sprintf("[run @%d:%d] %q\n", line, col, src))
	if strings.Contains(src, "fail") {
		return nil, errors.New("cell failed")
	}
	if v, ok := f.values[strings.TrimSpace(src)]; ok {
		return map[string]any{"text/plain": v}, nil
	}
	return nil, nil
}

func (f *fakeSession) Vars() []Var { return f.vars }

func (f *fakeSession) Reset() error {
	f.t.add("[reset]\n")
	f.vars = nil
	return nil
}

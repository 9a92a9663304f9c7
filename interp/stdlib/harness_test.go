package stdlib

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// session is one interpreter with the standard library, for tests.
type session struct {
	t   *testing.T
	i   *interp.Interpreter
	lib *Library
	out *strings.Builder
	imp map[string]bool // imported already: yaegi rejects a second import of a binary package
}

// newSession makes a session; t may be nil (in benchmarks), then a
// failing Load panics.
func newSession(t *testing.T) *session {
	out := &strings.Builder{}
	i := interp.New(interp.Options{Stdout: out, Stderr: out})
	lib, err := Load(i)
	if err != nil {
		if t == nil {
			panic(err)
		}
		t.Fatalf("Load: %v", err)
	}
	return &session{t: t, i: i, lib: lib, out: out, imp: map[string]bool{}}
}

// value evaluates expr inside a function (where yaegi handles generic
// calls) after importing imports, and returns its value printed with %#v.
func (s *session) value(imports []string, expr string) (string, error) {
	for _, p := range imports {
		if s.imp[p] {
			continue
		}
		s.imp[p] = true
		if err := s.lib.Prepare(p); err != nil {
			return "", err
		}
		if _, err := s.i.EvalWithContext(context.Background(), fmt.Sprintf("import %q", p)); err != nil {
			return "", fmt.Errorf("import %s: %w", p, err)
		}
	}
	if _, err := s.i.EvalWithContext(context.Background(), "func testCase() any { return "+expr+" }"); err != nil {
		return "", fmt.Errorf("compile: %w", err)
	}
	v, err := s.i.EvalWithContext(context.Background(), "testCase()")
	if err != nil {
		return "", fmt.Errorf("run: %w", err)
	}
	if !v.IsValid() {
		return "<invalid>", nil
	}
	return fmt.Sprintf("%#v", v.Interface()), nil
}

// eval evaluates src as is.
func (s *session) eval(src string) (any, error) {
	v, err := s.i.EvalWithContext(context.Background(), src)
	if err != nil || !v.IsValid() {
		return nil, err
	}
	return v.Interface(), nil
}

// quote prints a string the way value prints a string result.
func quote(s string) string { return fmt.Sprintf("%#v", s) }

// run executes statements inside a function and returns what they printed.
func (s *session) run(imports []string, body string) (string, error) {
	s.out.Reset()
	_, err := s.value(append([]string{"fmt"}, imports...), "func() int { "+body+"\n return 0 }()")
	return s.out.String(), err
}

package closer_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/gokernel/gokernel/lib/closer"
)

// thing records its Close calls into a shared log.
type thing struct {
	name string
	log  *[]string
	err  error
}

func (t *thing) Close() error {
	*t.log = append(*t.log, t.name)
	return t.err
}

func TestCloseNewestFirst(t *testing.T) {
	var log []string
	var s closer.Set
	s.Add(&thing{name: "a", log: &log})
	s.Add(nil)
	boom := errors.New("boom")
	s.Add(&thing{name: "b", log: &log, err: boom})
	s.Add(&thing{name: "c", log: &log})
	if got := s.Len(); got != 3 {
		t.Fatalf("Len = %d, want 3", got)
	}
	err := s.Close()
	if !errors.Is(err, boom) {
		t.Fatalf("Close error = %v, want the error of b", err)
	}
	if want := []string{"c", "b", "a"}; !reflect.DeepEqual(log, want) {
		t.Fatalf("close order = %v, want %v", log, want)
	}
	if s.Len() != 0 {
		t.Fatalf("set not empty after Close")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close = %v, want nil", err)
	}
}

func TestWrap(t *testing.T) {
	var log []string
	var s closer.Set
	start := func(name string) (*thing, error) {
		if name == "" {
			return nil, errors.New("no name")
		}
		return &thing{name: name, log: &log}, nil
	}
	wrapped := s.Wrap(reflect.ValueOf(start)).Interface().(func(string) (*thing, error))
	if _, err := wrapped("srv"); err != nil {
		t.Fatal(err)
	}
	if _, err := wrapped(""); err == nil {
		t.Fatal("want error for empty name")
	}
	if s.Len() != 1 {
		t.Fatalf("Len = %d, want 1 (nil results are not added)", s.Len())
	}

	plain := func(a, b int) int { return a + b }
	if got := s.Wrap(reflect.ValueOf(plain)).Interface().(func(int, int) int)(2, 3); got != 5 {
		t.Fatalf("plain func through Wrap = %d", got)
	}
	variadic := func(names ...string) *thing { return &thing{name: fmt.Sprint(len(names)), log: &log} }
	s.Wrap(reflect.ValueOf(variadic)).Interface().(func(...string) *thing)("x", "y")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"2", "srv"}; !reflect.DeepEqual(log, want) {
		t.Fatalf("closed = %v, want %v", log, want)
	}
}

func ExampleSet() {
	var cells closer.Set // one per session, owned by the executor
	var log []string
	start := func(name string) *thing { return &thing{name: name, log: &log} }
	startInCell := cells.Wrap(reflect.ValueOf(start)).Interface().(func(string) *thing)
	startInCell("news server")
	startInCell("fib server")
	// The cell is interrupted: the executor closes what the cells started.
	_ = cells.Close()
	fmt.Println(log)
	// Output: [fib server news server]
}

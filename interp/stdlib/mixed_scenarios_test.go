package stdlib

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Packages that are partly interpreted (sync, errors, reflect) hide the
// compiled package in yaegi; these scenarios check that their compiled
// part still works through the generated aliases, also with types that
// a cell defines.
//
// Not covered, because yaegi v0.16.1 gets it wrong in any code: asserting
// an interface that holds a cell-defined value to another interface
// (x.(interface{ Is(error) bool }) is false), so a cell-defined Is(error)
// bool method is not seen by errors.Is.
func TestMixedPackageScenarios(t *testing.T) {
	checkScenarios(t, "mixed_scenarios_test.go", []string{"errors", "fmt", "reflect", "strings", "sync"}, map[string]func() string{
		"scenarioMixedCondWithOwnLocker": scenarioMixedCondWithOwnLocker,
		"scenarioMixedErrorsIs":          scenarioMixedErrorsIs,
		"scenarioMixedErrorsAsPanics":    scenarioMixedErrorsAsPanics,
		"scenarioMixedReflect":           scenarioMixedReflect,
		"scenarioMixedPoolAndMap":        scenarioMixedPoolAndMap,
	})
}

type countingLocker struct {
	mu    sync.Mutex
	locks int
}

func (c *countingLocker) Lock()   { c.mu.Lock(); c.locks++ }
func (c *countingLocker) Unlock() { c.mu.Unlock() }

func scenarioMixedCondWithOwnLocker() string {
	l := &countingLocker{}
	cond := sync.NewCond(l)
	ready := false
	done := make(chan bool)
	go func() {
		l.Lock()
		for !ready {
			cond.Wait()
		}
		l.Unlock()
		done <- true
	}()
	l.Lock()
	ready = true
	cond.Broadcast()
	l.Unlock()
	<-done
	return fmt.Sprint(ready, l.locks >= 2)
}

type notFound struct{ name string }

func (e *notFound) Error() string { return e.name + " not found" }

func scenarioMixedErrorsIs() string {
	sentinel := errors.New("sentinel")
	nf := &notFound{"x"}
	wrapped := fmt.Errorf("lookup: %w", nf)
	joined := errors.Join(sentinel, wrapped)
	var target *notFound
	as := errors.As(joined, &target)
	var missing *notFound
	asMissing := errors.As(sentinel, &missing)
	// Not checked: errors.Unwrap(wrapped) == error(nf). Unwrap is compiled
	// and returns yaegi's wrapper of nf, which is not == nf.
	return fmt.Sprint(errors.Is(joined, sentinel), errors.Is(wrapped, nf), errors.Is(joined, nf),
		errors.Is(nil, sentinel), errors.Is(wrapped, &notFound{"x"}), joined, as, target.name, asMissing, missing == nil)
}

func scenarioMixedReflect() string {
	type pair struct {
		A int
		B string
	}
	v := reflect.ValueOf(pair{1, "x"})
	k := reflect.TypeOf(3).Kind()
	return fmt.Sprint(v.NumField(), v.Field(1), k == reflect.Int, k, reflect.DeepEqual([]int{1}, []int{1}),
		reflect.ValueOf(strings.ToUpper).Kind(), reflect.Zero(reflect.TypeOf("")).String() == "")
}

func scenarioMixedPoolAndMap() string {
	pool := sync.Pool{New: func() any { return new(strings.Builder) }}
	b := pool.Get().(*strings.Builder)
	b.WriteString("pooled")
	s := b.String()
	b.Reset()
	pool.Put(b)
	var m sync.Map
	m.Store("k", 1)
	v, loaded := m.LoadOrStore("k", 2)
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	var once sync.Once
	calls := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { calls++ })
	}
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	return fmt.Sprint(s, v, loaded, n, calls)
}

func scenarioMixedErrorsAsPanics() string {
	var out []string
	for _, target := range []any{nil, notFound{}, (*error)(nil)} {
		func() {
			defer func() { out = append(out, fmt.Sprint(recover())) }()
			errors.As(errors.New("x"), target)
		}()
	}
	return strings.Join(out, "; ")
}

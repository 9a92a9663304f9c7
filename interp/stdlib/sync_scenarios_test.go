package stdlib

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unique"
)

func TestSyncErrorsReflectUniqueScenarios(t *testing.T) {
	checkScenarios(t, "sync_scenarios_test.go",
		[]string{"errors", "fmt", "io/fs", "iter", "os", "reflect", "strings", "sync", "sync/atomic", "time", "unique"},
		map[string]func() string{
			"scenarioSyncOnceValue":        scenarioSyncOnceValue,
			"scenarioSyncOnceValues":       scenarioSyncOnceValues,
			"scenarioSyncOnceValuePanic":   scenarioSyncOnceValuePanic,
			"scenarioSyncOnceFuncBinary":   scenarioSyncOnceFuncBinary,
			"scenarioSyncBinaryStillWorks": scenarioSyncBinaryStillWorks,
			"scenarioAtomicPointer":        scenarioAtomicPointer,
			"scenarioAtomicBinaryTypes":    scenarioAtomicBinaryTypes,
			"scenarioErrorsAsType":         scenarioErrorsAsType,
			"scenarioErrorsBinary":         scenarioErrorsBinary,
			"scenarioErrorsAsTypeOwnTypes": scenarioErrorsAsTypeOwnTypes,
			"scenarioReflectTypeFor":       scenarioReflectTypeFor,
			"scenarioUniqueMake":           scenarioUniqueMake,
			"scenarioGenericsWithOwnTypes": scenarioGenericsWithOwnTypes,
		})
}

func scenarioSyncOnceValue() string {
	calls := 0
	get := sync.OnceValue[int](func() int {
		calls++
		return 42
	})
	var wg sync.WaitGroup
	results := make([]int, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = get()
		}(i)
	}
	wg.Wait()
	return fmt.Sprint(results, calls, get())
}

func scenarioSyncOnceValues() string {
	calls := 0
	read := sync.OnceValues[string, error](func() (string, error) {
		calls++
		return "data", errors.New("late")
	})
	a, err := read()
	b, err2 := read()
	return fmt.Sprint(a, err, b, err2, calls)
}

func scenarioSyncOnceValuePanic() string {
	calls := 0
	get := sync.OnceValue[int](func() int {
		calls++
		panic("no value")
	})
	var out []string
	for i := 0; i < 3; i++ {
		func() {
			defer func() { out = append(out, fmt.Sprint(recover())) }()
			get()
		}()
	}
	return fmt.Sprint(out, calls)
}

func scenarioSyncOnceFuncBinary() string {
	n := 0
	f := sync.OnceFunc(func() { n++ })
	f()
	f()
	return fmt.Sprint(n)
}

func scenarioSyncBinaryStillWorks() string {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var m sync.Map
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
			m.Store(i, i*i)
		}(i)
	}
	wg.Wait()
	v, _ := m.Load(3)
	var l sync.Locker = &mu
	l.Lock()
	l.Unlock()
	return fmt.Sprint(total, v)
}

func scenarioAtomicPointer() string {
	var p atomic.Pointer[string]
	first := p.Load() == nil
	a, b := "a", "b"
	p.Store(&a)
	old := p.Swap(&b)
	ok1 := p.CompareAndSwap(&a, &a)
	ok2 := p.CompareAndSwap(&b, &a)
	return fmt.Sprint(first, *old, ok1, ok2, *p.Load())
}

func scenarioAtomicBinaryTypes() string {
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(2)
		}()
	}
	wg.Wait()
	var raw int32
	atomic.AddInt32(&raw, 5)
	var v atomic.Value
	v.Store("x")
	var flag atomic.Bool
	flag.Store(true)
	return fmt.Sprint(n.Load(), atomic.LoadInt32(&raw), v.Load(), flag.Load())
}

func scenarioErrorsAsType() string {
	_, err := os.Open("/definitely/not/here")
	wrapped := fmt.Errorf("loading config: %w", err)
	pe, ok := errors.AsType[*fs.PathError](wrapped)
	joined := errors.Join(errors.New("a"), wrapped)
	pe2, ok2 := errors.AsType[*fs.PathError](joined)
	_, ok3 := errors.AsType[*fs.PathError](errors.New("plain"))
	_, ok4 := errors.AsType[*fs.PathError](nil)
	return fmt.Sprint(ok, pe.Op, pe.Path, ok2, pe2 == pe, ok3, ok4)
}

func scenarioErrorsBinary() string {
	base := errors.New("base")
	w := fmt.Errorf("ctx: %w", base)
	return fmt.Sprint(errors.Is(w, base), errors.Unwrap(w) == base, errors.Is(w, errors.ErrUnsupported), w)
}

func scenarioReflectTypeFor() string {
	t1 := reflect.TypeFor[int]()
	t2 := reflect.TypeFor[error]()
	t3 := reflect.TypeFor[[]string]()
	v, ok := reflect.TypeAssert[string](reflect.ValueOf("hi"))
	_, ok2 := reflect.TypeAssert[int](reflect.ValueOf("hi"))
	return fmt.Sprint(t1, t2.Kind(), t3, v, ok, ok2, reflect.ValueOf(3).Int(), reflect.TypeOf(strings.Builder{}).Name())
}

type pair struct{ a, b int }

func scenarioUniqueMake() string {
	a := unique.Make[string]("go")
	b := unique.Make[string](strings.ToLower("GO"))
	c := unique.Make[string]("py")
	d := unique.Make[int](7)
	p1 := unique.Make[pair](pair{1, 2})
	p2 := unique.Make[pair](pair{1, 2})
	p3 := unique.Make[pair](pair{2, 1})
	return fmt.Sprint(a == b, a == c, a.Value(), c.Value(), d.Value(), p1 == p2, p1 == p3, p2.Value())
}

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprint("code ", e.code) }

// Cell-defined wrapper types (with an Unwrap method) are left out: yaegi
// v0.16.1 cannot assert an interface holding an interpreted struct back
// to any type, with or without AsType.
func scenarioErrorsAsTypeOwnTypes() string {
	base := &codeError{code: 7}
	direct, ok1 := errors.AsType[*codeError](base)
	viaFmt, ok2 := errors.AsType[*codeError](fmt.Errorf("step 2: %w", fmt.Errorf("step 1: %w", base)))
	_, ok3 := errors.AsType[*codeError](fmt.Errorf("other: %w", errors.New("x")))
	joined, ok4 := errors.AsType[*codeError](errors.Join(errors.New("a"), base))
	return fmt.Sprint(direct.code, ok1, viaFmt.code, ok2, ok3, joined.code, ok4)
}

// Type arguments that a cell defines, or that come from compiled
// packages, through every interpreted generic of this file.
func scenarioGenericsWithOwnTypes() string {
	cfg := sync.OnceValue[pair](func() pair { return pair{3, 4} })
	dur := sync.OnceValue[time.Duration](func() time.Duration { return time.Second })
	var p atomic.Pointer[pair]
	p.Store(&pair{5, 6})
	var seq iter.Seq[pair] = func(yield func(pair) bool) {
		for i := 0; i < 3; i++ {
			if !yield(pair{i, i * i}) {
				return
			}
		}
	}
	next, stop := iter.Pull[pair](seq)
	first, _ := next()
	second, _ := next()
	stop()
	var dseq iter.Seq[time.Duration] = func(yield func(time.Duration) bool) { yield(time.Minute) }
	dnext, dstop := iter.Pull[time.Duration](dseq)
	d, ok := dnext()
	dstop()
	return fmt.Sprint(cfg(), dur(), *p.Load(), first, second, d, ok, reflect.TypeFor[time.Duration]())
}

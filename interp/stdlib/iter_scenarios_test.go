package stdlib

import (
	"fmt"
	"iter"
	"strings"
	"testing"
)

func TestIterScenarios(t *testing.T) {
	checkScenarios(t, "iter_scenarios_test.go", []string{"fmt", "iter", "strings"}, map[string]func() string{
		"scenarioPullAll":             scenarioPullAll,
		"scenarioPullEarlyStop":       scenarioPullEarlyStop,
		"scenarioPullStopFirst":       scenarioPullStopFirst,
		"scenarioPullPanicInNext":     scenarioPullPanicInNext,
		"scenarioPullPanicInStop":     scenarioPullPanicInStop,
		"scenarioPullYieldAfterStop":  scenarioPullYieldAfterStop,
		"scenarioPullNextAfterEnd":    scenarioPullNextAfterEnd,
		"scenarioPullNextInsideSeq":   scenarioPullNextInsideSeq,
		"scenarioPull2":               scenarioPull2,
		"scenarioPull2EarlyStop":      scenarioPull2EarlyStop,
		"scenarioPullStringsSplitSeq": scenarioPullStringsSplitSeq,
	})
}

func scenarioPullAll() string {
	var b strings.Builder
	var seq iter.Seq[int] = func(yield func(int) bool) {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(&b, "[yield %d]", i)
			if !yield(i) {
				return
			}
		}
		b.WriteString("[seq end]")
	}
	next, stop := iter.Pull[int](seq)
	defer stop()
	for {
		v, ok := next()
		fmt.Fprintf(&b, "(%d %v)", v, ok)
		if !ok {
			break
		}
	}
	return b.String()
}

func scenarioPullEarlyStop() string {
	var b strings.Builder
	var seq iter.Seq[string] = func(yield func(string) bool) {
		defer b.WriteString("[seq deferred]")
		for _, s := range []string{"a", "b", "c"} {
			ok := yield(s)
			fmt.Fprintf(&b, "[yield %s -> %v]", s, ok)
			if !ok {
				return
			}
		}
	}
	next, stop := iter.Pull[string](seq)
	v, ok := next()
	fmt.Fprintf(&b, "(%s %v)", v, ok)
	stop()
	b.WriteString("[stopped]")
	v, ok = next()
	fmt.Fprintf(&b, "(%q %v)", v, ok)
	stop()
	return b.String()
}

func scenarioPullStopFirst() string {
	var b strings.Builder
	var seq iter.Seq[int] = func(yield func(int) bool) {
		b.WriteString("[seq ran]")
		yield(1)
	}
	next, stop := iter.Pull[int](seq)
	stop()
	v, ok := next()
	fmt.Fprintf(&b, "(%d %v)", v, ok)
	return b.String()
}

func scenarioPullPanicInNext() string {
	var b strings.Builder
	var seq iter.Seq[int] = func(yield func(int) bool) {
		yield(1)
		panic("boom")
	}
	next, stop := iter.Pull[int](seq)
	v, ok := next()
	fmt.Fprintf(&b, "(%d %v)", v, ok)
	func() {
		defer func() { fmt.Fprintf(&b, "[recovered %v]", recover()) }()
		next()
	}()
	v, ok = next()
	fmt.Fprintf(&b, "(%d %v)", v, ok)
	stop()
	return b.String()
}

func scenarioPullPanicInStop() string {
	var b strings.Builder
	var seq iter.Seq[int] = func(yield func(int) bool) {
		if !yield(1) {
			panic("cleanup failed")
		}
	}
	next, stop := iter.Pull[int](seq)
	next()
	func() {
		defer func() { fmt.Fprintf(&b, "[recovered %v]", recover()) }()
		stop()
	}()
	stop()
	v, ok := next()
	fmt.Fprintf(&b, "(%d %v)", v, ok)
	return b.String()
}

func scenarioPullYieldAfterStop() string {
	var b strings.Builder
	var seq iter.Seq[int] = func(yield func(int) bool) {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(&b, "[yield %d -> %v]", i, yield(i))
		}
	}
	next, stop := iter.Pull[int](seq)
	next()
	stop()
	return b.String()
}

func scenarioPullNextAfterEnd() string {
	var b strings.Builder
	next, stop := iter.Pull[int](func(yield func(int) bool) { yield(7) })
	for i := 0; i < 4; i++ {
		v, ok := next()
		fmt.Fprintf(&b, "(%d %v)", v, ok)
	}
	stop()
	stop()
	return b.String()
}

func scenarioPullNextInsideSeq() string {
	var b strings.Builder
	var next func() (int, bool)
	var seq iter.Seq[int] = func(yield func(int) bool) {
		defer func() { fmt.Fprintf(&b, "[inner %v]", recover()) }()
		next()
	}
	var stop func()
	next, stop = iter.Pull[int](seq)
	v, ok := next()
	fmt.Fprintf(&b, "(%d %v)", v, ok)
	stop()
	return b.String()
}

func scenarioPull2() string {
	var b strings.Builder
	var seq iter.Seq2[string, int] = func(yield func(string, int) bool) {
		for i, s := range []string{"x", "y"} {
			if !yield(s, i) {
				return
			}
		}
	}
	next, stop := iter.Pull2[string, int](seq)
	defer stop()
	for {
		k, v, ok := next()
		fmt.Fprintf(&b, "(%q %d %v)", k, v, ok)
		if !ok {
			break
		}
	}
	return b.String()
}

func scenarioPull2EarlyStop() string {
	var b strings.Builder
	var seq iter.Seq2[int, int] = func(yield func(int, int) bool) {
		for i := 0; i < 5; i++ {
			if !yield(i, i*i) {
				b.WriteString("[told to stop]")
				return
			}
		}
	}
	next, stop := iter.Pull2[int, int](seq)
	k, v, ok := next()
	fmt.Fprintf(&b, "(%d %d %v)", k, v, ok)
	k, v, ok = next()
	fmt.Fprintf(&b, "(%d %d %v)", k, v, ok)
	stop()
	k, v, ok = next()
	fmt.Fprintf(&b, "(%d %d %v)", k, v, ok)
	return b.String()
}

func scenarioPullStringsSplitSeq() string {
	var b strings.Builder
	next, stop := iter.Pull[string](strings.SplitSeq("a,b,c", ","))
	defer stop()
	for {
		s, ok := next()
		if !ok {
			break
		}
		b.WriteString(s + ";")
	}
	return b.String()
}

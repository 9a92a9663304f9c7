package supervisor

import (
	"slices"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
)

// fenceStep is one thing that happens to a fence: text read from a pipe,
// or an event stamped with stream positions (released, then "event").
type fenceStep struct {
	stream   int
	text     string
	event    bool
	out, err int64
}

func TestFence(t *testing.T) {
	read := func(stream int, text string) fenceStep { return fenceStep{stream: stream, text: text} }
	event := func(out, err int64) fenceStep { return fenceStep{event: true, out: out, err: err} }
	for _, tc := range []struct {
		name  string
		steps []fenceStep
		want  []string // after a final releaseAll
	}{
		{"text read past an event waits for it",
			[]fenceStep{read(streamStdout, "before\nafter\n"), event(7, 0)},
			[]string{"stdout:before\n", "display_data", "stdout:after\n"}},
		{"split inside a later read",
			[]fenceStep{read(streamStdout, "ab"), read(streamStdout, "cd"), event(3, 0), read(streamStdout, "e")},
			[]string{"stdout:abc", "display_data", "stdout:de"}},
		{"stderr before the event, stdout after",
			[]fenceStep{read(streamStdout, "late"), read(streamStderr, "early"), event(0, 5)},
			[]string{"stderr:early", "display_data", "stdout:late"}},
		{"both streams keep their read order",
			[]fenceStep{read(streamStdout, "o1"), read(streamStderr, "e1"), read(streamStdout, "o2"), event(4, 2)},
			[]string{"stdout:o1", "stderr:e1", "stdout:o2", "display_data"}},
		{"many events",
			[]fenceStep{read(streamStdout, "aabbcc"), event(2, 0), event(4, 0), event(6, 0)},
			[]string{"stdout:aa", "display_data", "stdout:bb", "display_data", "stdout:cc", "display_data"}},
		{"a stamp behind what was released releases nothing",
			[]fenceStep{read(streamStdout, "xy"), event(2, 0), event(1, 0)},
			[]string{"stdout:xy", "display_data", "display_data"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r recorder
			k := &sink{limit: 1 << 20, flushSize: 1 << 20}
			k.begin(r.out)
			f := &fence{sink: k}
			for _, s := range tc.steps {
				if !s.event {
					f.take(s.stream, []byte(s.text))
					continue
				}
				f.releaseTo(s.out, s.err)
				k.output(engine.Output{Type: engine.DisplayData})
			}
			f.releaseAll()
			k.end()
			if got := r.texts(); !slices.Equal(got, tc.want) {
				t.Errorf("outputs %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFenceHoldLimit checks that a fence holding more than holdLimit
// releases it rather than growing.
func TestFenceHoldLimit(t *testing.T) {
	var r recorder
	k := &sink{limit: 1 << 30, flushSize: 1 << 30}
	k.begin(r.out)
	f := &fence{sink: k}
	f.take(streamStdout, []byte(strings.Repeat("x", holdLimit+1)))
	if f.held != 0 || k.pending != holdLimit+1 {
		t.Fatalf("held %d, sink pending %d; want 0 and %d", f.held, k.pending, holdLimit+1)
	}
	k.end()
}

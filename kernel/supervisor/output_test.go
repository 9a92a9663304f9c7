package supervisor

import (
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
)

// recorder collects what a sink sends.
type recorder struct{ got []engine.Output }

func (r *recorder) out(o engine.Output) { r.got = append(r.got, o) }

func (r *recorder) texts() []string {
	var l []string
	for _, o := range r.got {
		if o.Type == engine.Stream {
			l = append(l, o.Name+":"+o.Text)
		} else {
			l = append(l, o.Type)
		}
	}
	return l
}

func TestSink(t *testing.T) {
	type write struct{ name, text string }
	for _, tc := range []struct {
		name   string
		limit  int
		flush  int
		writes []write
		mid    func(k *sink) // called after the writes, before end
		want   []string
	}{
		{
			name:   "lines coalesce into one message",
			writes: []write{{"stdout", "a\n"}, {"stdout", "b\n"}, {"stdout", "c\n"}},
			want:   []string{"stdout:a\nb\nc\n"},
		},
		{
			name:   "streams keep their interleaving",
			writes: []write{{"stdout", "1"}, {"stderr", "2"}, {"stdout", "3"}},
			want:   []string{"stdout:1", "stderr:2", "stdout:3"},
		},
		{
			name:   "flush size sends early",
			flush:  4,
			writes: []write{{"stdout", "abcd"}, {"stdout", "ef"}},
			want:   []string{"stdout:abcd", "stdout:ef"},
		},
		{
			name:   "cap cuts and notes once",
			limit:  5,
			writes: []write{{"stdout", "abc\n"}, {"stdout", "defgh"}, {"stdout", "more"}},
			want:   []string{"stdout:abc\nd\n... output truncated: the cell printed more than 5 bytes; the rest was dropped ...\n"},
		},
		{
			name:   "rich output comes after earlier text",
			writes: []write{{"stdout", "before"}},
			mid: func(k *sink) {
				k.output(engine.Output{Type: engine.DisplayData})
				k.write("stdout", []byte("after"))
			},
			want: []string{"stdout:before", "display_data", "stdout:after"},
		},
		{
			name:   "a character cut in half waits for its end",
			flush:  1,
			writes: []write{{"stdout", "a\xc3"}, {"stdout", "\xa9!"}},
			want:   []string{"stdout:a", "stdout:é!"},
		},
		{
			name:   "prompt is taken from the unfinished line",
			writes: []write{{"stdout", "hello\nName: "}},
			mid: func(k *sink) {
				if p := k.takePrompt(); p != "Name: " {
					t.Errorf("prompt %q", p)
				}
			},
			want: []string{"stdout:hello\n"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := &sink{limit: tc.limit, flushSize: tc.flush}
			if k.limit == 0 {
				k.limit = 1 << 20
			}
			if k.flushSize == 0 {
				k.flushSize = 1 << 20
			}
			var r recorder
			k.begin(r.out)
			for _, w := range tc.writes {
				k.write(w.name, []byte(w.text))
			}
			if tc.mid != nil {
				tc.mid(k)
			}
			k.end()
			if got := strings.Join(r.texts(), "|"); got != strings.Join(tc.want, "|") {
				t.Errorf("got  %q\nwant %q", r.texts(), tc.want)
			}
		})
	}
}

func TestSinkKeepsTextBetweenCells(t *testing.T) {
	k := &sink{limit: 100, flushSize: 100}
	k.write("stdout", []byte("late\n"))
	k.output(engine.Output{Type: engine.DisplayData}) // no cell: dropped
	var r recorder
	k.begin(r.out)
	k.end()
	if got := r.texts(); len(got) != 1 || got[0] != "stdout:late\n" {
		t.Errorf("got %q", got)
	}
}

func TestPartialRune(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"abc", 0}, {"é", 0}, {"a\xc3", 1}, {"a\xe2\x82", 2}, {"\xf0\x9f\x98", 3}, {"€", 0}, {"", 0},
	} {
		if got := partialRune([]byte(tc.in)); got != tc.want {
			t.Errorf("partialRune(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

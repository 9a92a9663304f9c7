package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
)

// orderCell interleaves rich output with printed text on both streams,
// with prints bigger than the supervisor's flush size (64 KiB), through
// fmt.Print (the session's writers) and through os.Stdout and os.Stderr
// (the relays).
const orderCell = `import (
	"fmt"
	"os"
	"strings"
)

for i := 0; i < 50; i++ {
	display.HTML(fmt.Sprintf("<i>%d</i>", i))
	fmt.Println("line", i)
	display.HTML(fmt.Sprintf("<b>%d</b>", i))
	fmt.Fprint(os.Stderr, "err ", i, " ")
	if i%10 == 9 {
		display.HTML(fmt.Sprintf("<u>%d</u>", i))
		fmt.Print(strings.Repeat(fmt.Sprint(i%10), 100<<10), "|")
	}
	if i%5 == 0 {
		display.HTML(fmt.Sprintf("<s>%d</s>", i))
		fmt.Fprint(os.Stdout, "direct ", i, "\n")
		display.HTML(fmt.Sprintf("<q>%d</q>", i))
		fmt.Fprintln(os.Stderr, "direct err", i)
	}
}`

// item is one output in a comparable form: a display's HTML or the text
// one stream printed between two displays.
type item struct{ kind, text string }

// orderWant is what orderCell must produce, in program order.
func orderWant() []item {
	var want []item
	for i := range 50 {
		want = append(want,
			item{"html", fmt.Sprintf("<i>%d</i>", i)},
			item{"stdout", fmt.Sprintln("line", i)},
			item{"html", fmt.Sprintf("<b>%d</b>", i)},
			item{"stderr", fmt.Sprint("err ", i, " ")})
		if i%10 == 9 {
			want = append(want,
				item{"html", fmt.Sprintf("<u>%d</u>", i)},
				item{"stdout", strings.Repeat(fmt.Sprint(i%10), 100<<10) + "|"})
		}
		if i%5 == 0 {
			want = append(want,
				item{"html", fmt.Sprintf("<s>%d</s>", i)},
				item{"stdout", fmt.Sprint("direct ", i, "\n")},
				item{"html", fmt.Sprintf("<q>%d</q>", i)},
				item{"stderr", fmt.Sprintln("direct err", i)})
		}
	}
	return want
}

// orderGot turns outputs into items, joining consecutive stream outputs
// of the same stream.
func orderGot(outputs []engine.Output) []item {
	var got []item
	for _, o := range outputs {
		switch o.Type {
		case engine.DisplayData:
			h, _ := o.Data["text/html"].(string)
			got = append(got, item{"html", h})
		case engine.Stream:
			if n := len(got); n > 0 && got[n-1].kind == o.Name {
				got[n-1].text += o.Text
				continue
			}
			got = append(got, item{o.Name, o.Text})
		default:
			got = append(got, item{o.Type, ""})
		}
	}
	return got
}

// TestOutputOrder runs a cell that interleaves display.HTML with prints
// to stdout and stderr through the real executor: every output must
// arrive exactly in program order, every time.
func TestOutputOrder(t *testing.T) {
	h := newExecutorHarness(t, buildKernel(t))
	want := orderWant()
	for run := range 4 {
		r := h.ok(orderCell)
		got := orderGot(r.outputs)
		for i := range max(len(got), len(want)) {
			var g, w item
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Fatalf("run %d: output %d of %d is %s %q, want %s %q", run, i, len(got), g.kind, short(g.text), w.kind, short(w.text))
			}
		}
	}
}

// short cuts long text for a failure message.
func short(s string) string {
	if len(s) > 40 {
		return s[:20] + "..." + s[len(s)-20:]
	}
	return s
}

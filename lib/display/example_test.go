package display_test

import (
	"fmt"
	"sort"

	"github.com/gokernel/gokernel/lib/display"
)

// printMessage is a publish function for a plain Go program: it prints
// the kind of each message and its MIME types.
func printMessage(m display.Message) {
	var mimes []string
	for mime := range m.Data {
		mimes = append(mimes, mime)
	}
	sort.Strings(mimes)
	fmt.Println(m.Kind, mimes)
}

func ExampleDisplay_HTML() {
	d := display.New(printMessage)
	d.HTML("<b>hello</b>")
	// Output: display [text/html text/plain]
}

// A value shows itself in the richest formats it has methods for.
type temperature float64

func (t temperature) HTML() string   { return fmt.Sprintf("<b>%.1f °C</b>", float64(t)) }
func (t temperature) String() string { return fmt.Sprintf("%.1f C", float64(t)) }

func ExampleBundle() {
	data, _ := display.Bundle(temperature(21.5))
	fmt.Println(data["text/html"])
	fmt.Println(data["text/plain"])
	// Output:
	// <b>21.5 °C</b>
	// 21.5 C
}

// A handle replaces its output where it stands.
func ExampleHandle_Update() {
	d := display.New(printMessage)
	h := d.Text("waiting...")
	h.Update(temperature(19))
	// Output:
	// display [text/plain]
	// update [text/html text/plain]
}

// A progress bar is shown once and then changes in place: at most ten
// updates a second, and the final one at Done.
func ExampleDisplay_Progress() {
	var last display.Message
	d := display.New(func(m display.Message) { last = m })
	bar := d.Progress(60)
	for range 60 {
		bar.Add(1) // most steps are held back, not sent
	}
	bar.Done()
	fmt.Println(last.Kind, bar.Value())
	// Output: update 60
}

func ExampleDisplay_Clear() {
	d := display.New(printMessage)
	d.Text("frame 1")
	d.Clear(true) // wait for the next output: no flicker
	d.Text("frame 2")
	// Output:
	// display [text/plain]
	// clear []
	// display [text/plain]
}

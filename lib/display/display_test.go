package display_test

import (
	"image"
	"reflect"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/lib/display"
)

// TestShowMethods checks each way of showing something: the message kind,
// the MIME type it carries, and a display id never seen before.
func TestShowMethods(t *testing.T) {
	var rec recorder
	d := display.New(rec.publish)
	tests := []struct {
		name    string
		show    func() *display.Handle
		mime    string
		content any
	}{
		{"HTML", func() *display.Handle { return d.HTML("<b>x</b>") }, "text/html", "<b>x</b>"},
		{"Markdown", func() *display.Handle { return d.Markdown("# T") }, "text/markdown", "# T"},
		{"SVG", func() *display.Handle { return d.SVG("<svg/>") }, "image/svg+xml", "<svg/>"},
		{"PNG", func() *display.Handle { return d.PNG([]byte{1, 2, 3}) }, "image/png", "AQID"},
		{"JPEG", func() *display.Handle { return d.JPEG([]byte{1, 2, 3}) }, "image/jpeg", "AQID"},
		{"LaTeX", func() *display.Handle { return d.LaTeX(`\frac{1}{2}`) }, "text/latex", `$$\frac{1}{2}$$`},
		{"Text", func() *display.Handle { return d.Text("plain") }, "text/plain", "plain"},
		{"JSON", func() *display.Handle { return d.JSON([]string{"a"}) }, "text/plain", "[\n  \"a\"\n]"},
		{"Show", func() *display.Handle { return d.Show(42) }, "text/plain", "42"},
		{"Image", func() *display.Handle { return d.Image(image.NewGray(image.Rect(0, 0, 4, 4))) }, "text/plain", "<image 4x4>"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(rec.all())
			h := tt.show()
			msgs := rec.all()[before:]
			if len(msgs) != 1 {
				t.Fatalf("published %d messages, want 1", len(msgs))
			}
			m := msgs[0]
			if m.Kind != display.KindDisplay {
				t.Errorf("kind = %q, want display", m.Kind)
			}
			if got := m.Data[tt.mime]; !reflect.DeepEqual(got, tt.content) {
				t.Errorf("%s = %#v, want %#v", tt.mime, got, tt.content)
			}
			if _, ok := m.Data["text/plain"]; !ok {
				t.Errorf("no text/plain in %v", m.Data)
			}
			if m.DisplayID == "" || m.DisplayID != h.ID() {
				t.Errorf("display id %q, handle id %q", m.DisplayID, h.ID())
			}
			if seen[m.DisplayID] {
				t.Errorf("display id %q used twice", m.DisplayID)
			}
			seen[m.DisplayID] = true
		})
	}
}

// TestIDsDifferAcrossDisplays checks that a new Display (a restarted
// executor) does not reuse the display ids of an old one.
func TestIDsDifferAcrossDisplays(t *testing.T) {
	a, b := display.New(nil), display.New(nil)
	if ida, idb := a.Text("").ID(), b.Text("").ID(); ida == idb {
		t.Errorf("both Displays' first id is %q", ida)
	}
}

// TestHandleUpdates checks that every Handle method replaces the output it
// names.
func TestHandleUpdates(t *testing.T) {
	var rec recorder
	d := display.New(rec.publish)
	h := d.Text("first")
	tests := []struct {
		name    string
		update  func()
		mime    string
		content any
	}{
		{"Update", func() { h.Update(htmlOnly{3}) }, "text/html", "<b>3</b>"},
		{"Update with a handle", func() { h.Update(h) }, "text/plain", ""},
		{"HTML", func() { h.HTML("<i>y</i>") }, "text/html", "<i>y</i>"},
		{"Markdown", func() { h.Markdown("*y*") }, "text/markdown", "*y*"},
		{"SVG", func() { h.SVG("<svg/>") }, "image/svg+xml", "<svg/>"},
		{"PNG", func() { h.PNG([]byte{1}) }, "image/png", "AQ=="},
		{"JPEG", func() { h.JPEG([]byte{1}) }, "image/jpeg", "AQ=="},
		{"JSON", func() { h.JSON(1) }, "application/json", any(jsonNumber("1"))},
		{"LaTeX", func() { h.LaTeX("$y$") }, "text/latex", "$y$"},
		{"Text", func() { h.Text("z") }, "text/plain", "z"},
		{"Image", func() { h.Image(image.NewGray(image.Rect(0, 0, 1, 1))) }, "text/plain", "<image 1x1>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(rec.all())
			tt.update()
			msgs := rec.all()[before:]
			if len(msgs) != 1 {
				t.Fatalf("published %d messages, want 1", len(msgs))
			}
			m := msgs[0]
			if m.Kind != display.KindUpdate || m.DisplayID != h.ID() {
				t.Errorf("kind %q id %q, want update of %q", m.Kind, m.DisplayID, h.ID())
			}
			if got := m.Data[tt.mime]; !reflect.DeepEqual(got, tt.content) {
				t.Errorf("%s = %#v, want %#v", tt.mime, got, tt.content)
			}
		})
	}
}

func TestClear(t *testing.T) {
	var rec recorder
	d := display.New(rec.publish)
	d.Clear(true)
	d.Clear(false)
	msgs := rec.all()
	want := []display.Message{{Kind: display.KindClear, Wait: true}, {Kind: display.KindClear}}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("messages = %+v, want %+v", msgs, want)
	}
}

func TestJSONError(t *testing.T) {
	var rec recorder
	d := display.New(rec.publish)
	d.JSON(func() {})
	m := rec.all()[0]
	if m.Metadata[display.MetadataError] != true || !strings.Contains(m.Data["text/plain"].(string), "unsupported type") {
		t.Errorf("message = %+v, want the encoding error", m)
	}
}

// TestExports checks that the cell-facing table calls the Display it was
// made for, and that MapTypes covers the functions that take any value.
func TestExports(t *testing.T) {
	var rec recorder
	d := display.New(rec.publish)
	syms := display.Exports(d)
	for _, name := range []string{"HTML", "Markdown", "SVG", "LaTeX", "Text"} {
		f, ok := syms[name]
		if !ok || f.Kind() != reflect.Func {
			t.Errorf("Exports has no func %s", name)
			continue
		}
		f.Call([]reflect.Value{reflect.ValueOf("x")})
	}
	if got := len(rec.all()); got != 5 {
		t.Errorf("published %d messages, want 5", got)
	}
	for _, name := range []string{"PNG", "JPEG", "JSON", "Image", "Show", "Clear", "Progress", "Counter", "Update", "Bundle",
		"Display", "Handle", "Message", "HTMLer", "_HTMLer", "MIMEHTML", "KindUpdate", "MetadataError"} {
		if !syms[name].IsValid() {
			t.Errorf("Exports has no %s", name)
		}
	}
	mt := display.MapTypes(syms)
	for _, name := range []string{"Show", "Update", "Bundle", "_HTMLer", "_JSONer"} {
		if _, ok := mt[syms[name]]; !ok {
			t.Errorf("MapTypes has no entry for %s", name)
		}
	}
}

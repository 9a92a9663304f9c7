package display_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/lib/display"
)

type htmlOnly struct{ n int }

func (h htmlOnly) HTML() string { return fmt.Sprintf("<b>%d</b>", h.n) }

type rich struct{}

func (rich) HTML() string     { return "<p>rich</p>" }
func (rich) Markdown() string { return "*rich*" }
func (rich) String() string   { return "rich!" }

type pngOnly []byte

func (p pngOnly) PNG() []byte { return p }

type jpegOnly []byte

func (p jpegOnly) JPEG() []byte { return p }

type svgOnly struct{}

func (svgOnly) SVG() string { return "<svg/>" }

type jsonOnly struct{}

func (jsonOnly) JSON() any { return map[string]any{"big": int64(1) << 60, "list": []int{1, 2}} }

type badJSON struct{}

func (badJSON) JSON() any { return make(chan int) }

type latex string

func (l latex) LaTeX() string { return string(l) }

type panicky struct{}

func (panicky) HTML() string { panic("boom") }

func TestBundle(t *testing.T) {
	var d *display.Display = display.New(nil)
	handle := d.Text("x")
	tests := []struct {
		name     string
		value    any
		want     map[string]any // exact bundle; nil means no bundle
		metadata map[string]any
	}{
		{"string", "hello", map[string]any{"text/plain": "hello"}, map[string]any{}},
		{"int", 42, map[string]any{"text/plain": "42"}, map[string]any{}},
		{"nil", nil, map[string]any{"text/plain": "<nil>"}, map[string]any{}},
		{"slice", []int{1, 2}, map[string]any{"text/plain": "[1 2]"}, map[string]any{}},
		{"HTML method", htmlOnly{7}, map[string]any{"text/html": "<b>7</b>", "text/plain": "{7}"}, map[string]any{}},
		{"several methods and String", rich{}, map[string]any{"text/html": "<p>rich</p>", "text/markdown": "*rich*", "text/plain": "rich!"}, map[string]any{}},
		{"SVG method", svgOnly{}, map[string]any{"image/svg+xml": "<svg/>", "text/plain": "{}"}, map[string]any{}},
		{"PNG method", pngOnly("abc"), map[string]any{"image/png": "YWJj", "text/plain": "[97 98 99]"}, map[string]any{}},
		{"empty PNG", pngOnly{}, map[string]any{"text/plain": "[]"}, map[string]any{}},
		{"JPEG method", jpegOnly("abc"), map[string]any{"image/jpeg": "YWJj", "text/plain": "[97 98 99]"}, map[string]any{}},
		{"bare LaTeX", latex(`x^2`), map[string]any{"text/latex": "$$x^2$$", "text/plain": "x^2"}, map[string]any{}},
		{"delimited LaTeX", latex(`$x$`), map[string]any{"text/latex": "$x$", "text/plain": "$x$"}, map[string]any{}},
		{"error", errors.New("no <luck>"), map[string]any{
			"text/plain": "no <luck>",
			"text/html":  `<pre style="color:#c62828;white-space:pre-wrap">no &lt;luck&gt;</pre>`,
		}, map[string]any{display.MetadataError: true}},
		{"panicking method", panicky{}, map[string]any{
			"text/plain": "{}: HTML method panicked: boom",
			"text/html":  `<pre style="color:#c62828;white-space:pre-wrap">{}: HTML method panicked: boom</pre>`,
		}, map[string]any{display.MetadataError: true}},
		{"JSON that does not encode", badJSON{}, map[string]any{
			"text/plain": "{}: JSON method panicked: display JSON: json: unsupported type: chan int",
			"text/html":  `<pre style="color:#c62828;white-space:pre-wrap">{}: JSON method panicked: display JSON: json: unsupported type: chan int</pre>`,
		}, map[string]any{display.MetadataError: true}},
		{"handle", handle, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, metadata := display.Bundle(tt.value)
			if fmt.Sprint(data) != fmt.Sprint(tt.want) || (data == nil) != (tt.want == nil) {
				t.Errorf("data = %#v\nwant   %#v", data, tt.want)
			}
			if fmt.Sprint(metadata) != fmt.Sprint(tt.metadata) {
				t.Errorf("metadata = %#v, want %#v", metadata, tt.metadata)
			}
		})
	}
}

func TestBundleJSON(t *testing.T) {
	data, _ := display.Bundle(jsonOnly{})
	j, ok := data["application/json"].(map[string]any)
	if !ok {
		t.Fatalf("application/json = %#v, want an object", data["application/json"])
	}
	// Large integers stay exact (no float64 rounding).
	if got := fmt.Sprint(j["big"]); got != "1152921504606846976" {
		t.Errorf("big = %s, want 1152921504606846976", got)
	}
	if got := fmt.Sprint(j["list"]); got != "[1 2]" {
		t.Errorf("list = %s, want [1 2]", got)
	}
}

func TestBundleImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	data, _ := display.Bundle(img)
	if got := data["text/plain"]; got != "<image 3x2>" {
		t.Errorf("text/plain = %v", got)
	}
	checkPNG(t, data["image/png"], 3, 2)
}

// checkPNG decodes a base64 PNG and checks its size.
func checkPNG(t *testing.T, b64 any, w, h int) {
	t.Helper()
	s, ok := b64.(string)
	if !ok {
		t.Fatalf("image/png = %#v, want a base64 string", b64)
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("decode base64: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
	}
}

func TestBundleErrorWrapped(t *testing.T) {
	err := fmt.Errorf("fetch %q: %w", "bbc-news", errors.New("timeout"))
	data, metadata := display.Bundle(err)
	if metadata[display.MetadataError] != true {
		t.Errorf("metadata = %v, want the error mark", metadata)
	}
	if !strings.Contains(data["text/html"].(string), `fetch &#34;bbc-news&#34;: timeout`) {
		t.Errorf("text/html = %v", data["text/html"])
	}
}

// jsonNumber is how numbers come back from display's JSON encoding.
type jsonNumber = json.Number

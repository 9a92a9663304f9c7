package display

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"image"
	"image/png"
	"sync"
	"sync/atomic"
	"time"
)

// Kinds of Message.
const (
	// KindDisplay shows a new output (Jupyter display_data).
	KindDisplay = "display"
	// KindUpdate replaces the output with the same DisplayID wherever it
	// stands (Jupyter update_display_data).
	KindUpdate = "update"
	// KindClear wipes the cell's output (Jupyter clear_output).
	KindClear = "clear"
)

// Message is one rich output, ready to become a Jupyter message.
type Message struct {
	// Kind is KindDisplay, KindUpdate or KindClear.
	Kind string
	// Data maps a MIME type to its content: a string for text formats and
	// for base64-encoded images, a plain JSON value for "application/json".
	Data map[string]any
	// Metadata holds per-MIME-type extras (may be empty).
	Metadata map[string]any
	// DisplayID names the output, so an update can replace it.
	DisplayID string
	// Wait, for KindClear, waits for the next output before clearing, so
	// the output does not flicker.
	Wait bool
}

// Display shows rich output by handing Messages to a publish function.
// It is safe for concurrent use: goroutines that a cell started may show
// output too.
type Display struct {
	publish func(Message)
	prefix  string        // makes display ids unique across processes
	next    atomic.Uint64 // counter for display ids

	mu      sync.Mutex
	pending map[*live]bool // live outputs with a held-back update

	// now and after are the clock of progress bars and counters; tests
	// replace them.
	now   func() time.Time
	after func(d time.Duration, f func()) (stop func() bool)
}

// New returns a Display that passes every message to publish. publish may
// be called from several goroutines, but never concurrently for the same
// live progress bar or counter.
func New(publish func(Message)) *Display {
	if publish == nil {
		publish = func(Message) {}
	}
	return &Display{
		publish: publish,
		pending: map[*live]bool{},
		prefix:  randomPrefix(),
		now:     time.Now,
		after: func(d time.Duration, f func()) func() bool {
			return time.AfterFunc(d, f).Stop
		},
	}
}

// randomPrefix returns a short random string. Display ids must not repeat
// within a notebook, even after the executor restarts and its counter
// starts again at 1: an update would then replace an old cell's output.
func randomPrefix() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never returns an error
	return hex.EncodeToString(b[:])
}

// newID returns a display id never used before.
func (d *Display) newID() string {
	return fmt.Sprintf("gokernel-%s-%d", d.prefix, d.next.Add(1))
}

// show publishes a new output with a fresh display id.
func (d *Display) show(data, metadata map[string]any) *Handle {
	h := &Handle{d: d, id: d.newID()}
	d.publish(Message{Kind: KindDisplay, Data: data, Metadata: metadata, DisplayID: h.id})
	return h
}

// Show displays any value, in the formats Bundle finds for it.
func (d *Display) Show(v any) *Handle {
	data, metadata := Bundle(v)
	if data == nil {
		data = map[string]any{MIMEText: ""}
	}
	return d.show(data, metadata)
}

// HTML displays an HTML fragment.
func (d *Display) HTML(s string) *Handle { return d.show(htmlBundle(s), nil) }

// Markdown displays Markdown text.
func (d *Display) Markdown(s string) *Handle { return d.show(markdownBundle(s), nil) }

// SVG displays an SVG image given as XML text.
func (d *Display) SVG(s string) *Handle { return d.show(svgBundle(s), nil) }

// PNG displays a PNG image given as the bytes of a .png file.
func (d *Display) PNG(b []byte) *Handle { return d.show(imageBundle(MIMEPNG, b), nil) }

// JPEG displays a JPEG image given as the bytes of a .jpg file.
func (d *Display) JPEG(b []byte) *Handle { return d.show(imageBundle(MIMEJPEG, b), nil) }

// JSON displays a value as JSON, which the notebook shows as a tree.
// The value must be encodable by encoding/json; if it is not, the error is
// shown instead.
func (d *Display) JSON(v any) *Handle { return d.show(jsonBundle(v)) }

// LaTeX displays a formula. Without $ or \[ delimiters, s is shown as
// display math ($$ s $$).
func (d *Display) LaTeX(s string) *Handle { return d.show(latexBundle(s), nil) }

// Text displays plain text.
func (d *Display) Text(s string) *Handle { return d.show(textBundle(s), nil) }

// Image displays an image, encoded as PNG.
func (d *Display) Image(img image.Image) *Handle { return d.show(imageValueBundle(img)) }

// Flush sends the updates that progress bars and counters are holding
// back, at once. The executor calls it when a cell ends, so that the last
// state is on screen (and in a saved notebook) before the cell is
// reported done.
func (d *Display) Flush() {
	d.mu.Lock()
	lives := make([]*live, 0, len(d.pending))
	for l := range d.pending {
		lives = append(lives, l)
	}
	d.mu.Unlock()
	for _, l := range lives {
		l.flush()
	}
}

// setPending records whether l holds back an update.
func (d *Display) setPending(l *live, pending bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if pending {
		d.pending[l] = true
	} else {
		delete(d.pending, l)
	}
}

// Clear wipes the output of the running cell. With wait true the output
// stays until the next one arrives, which avoids flicker in animations.
func (d *Display) Clear(wait bool) {
	d.publish(Message{Kind: KindClear, Wait: wait})
}

// encodePNG encodes img as a PNG file.
func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// base64Of is how Jupyter carries binary images in JSON.
func base64Of(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

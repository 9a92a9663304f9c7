package display

import "image"

// Handle is an output on screen. Its methods replace that output where it
// stands (Jupyter update_display_data), however many cells ago it was
// shown: this is how a chart redraws itself or a status line changes.
type Handle struct {
	d  *Display
	id string
}

// ID returns the display id that names the output.
func (h *Handle) ID() string { return h.id }

// update replaces the output with a new bundle.
func (h *Handle) update(data, metadata map[string]any) {
	h.d.publish(Message{Kind: KindUpdate, Data: data, Metadata: metadata, DisplayID: h.id})
}

// Update replaces the output with v, in the formats Bundle finds for it.
// To redraw a chart, change it and pass it again: h.Update(chart).
func (h *Handle) Update(v any) {
	data, metadata := Bundle(v)
	if data == nil {
		data = map[string]any{MIMEText: ""}
	}
	h.update(data, metadata)
}

// HTML replaces the output with an HTML fragment.
func (h *Handle) HTML(s string) { h.update(htmlBundle(s), nil) }

// Markdown replaces the output with Markdown text.
func (h *Handle) Markdown(s string) { h.update(markdownBundle(s), nil) }

// SVG replaces the output with an SVG image.
func (h *Handle) SVG(s string) { h.update(svgBundle(s), nil) }

// PNG replaces the output with a PNG image.
func (h *Handle) PNG(b []byte) { h.update(imageBundle(MIMEPNG, b), nil) }

// JPEG replaces the output with a JPEG image.
func (h *Handle) JPEG(b []byte) { h.update(imageBundle(MIMEJPEG, b), nil) }

// JSON replaces the output with a value shown as JSON.
func (h *Handle) JSON(v any) { h.update(jsonBundle(v)) }

// LaTeX replaces the output with a formula.
func (h *Handle) LaTeX(s string) { h.update(latexBundle(s), nil) }

// Text replaces the output with plain text.
func (h *Handle) Text(s string) { h.update(textBundle(s), nil) }

// Image replaces the output with an image, encoded as PNG.
func (h *Handle) Image(img image.Image) { h.update(imageValueBundle(img)) }

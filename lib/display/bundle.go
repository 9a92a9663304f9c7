package display

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"image"
	"strings"
)

// MIME types of the bundles built here.
const (
	MIMEText     = "text/plain"
	MIMEHTML     = "text/html"
	MIMEMarkdown = "text/markdown"
	MIMESVG      = "image/svg+xml"
	MIMEPNG      = "image/png"
	MIMEJPEG     = "image/jpeg"
	MIMELaTeX    = "text/latex"
	MIMEJSON     = "application/json"
)

// MetadataError is the metadata key Bundle sets (to true) for an error
// value, so that whoever shows a cell's result can mark it as a failure.
const MetadataError = "gokernel/error"

// The interfaces Bundle looks for. A type needs only the method; it does
// not have to mention these names.
type (
	// HTMLer is a value that renders itself as an HTML fragment.
	HTMLer interface{ HTML() string }
	// Markdowner is a value that renders itself as Markdown.
	Markdowner interface{ Markdown() string }
	// SVGer is a value that renders itself as an SVG image.
	SVGer interface{ SVG() string }
	// PNGer is a value that renders itself as a PNG file.
	PNGer interface{ PNG() []byte }
	// JPEGer is a value that renders itself as a JPEG file.
	JPEGer interface{ JPEG() []byte }
	// LaTeXer is a value that renders itself as a LaTeX formula.
	LaTeXer interface{ LaTeX() string }
	// JSONer is a value that renders itself as a JSON value.
	JSONer interface{ JSON() any }
)

// Bundle returns the MIME bundle of v: the formats it can be shown in
// (MIME type -> content) and their metadata. It is what Show displays and
// what a cell's result becomes.
//
// Every bundle has "text/plain" (fmt's %v). A value also gets the format
// of each rendering method it has (see HTMLer and its siblings); an
// image.Image becomes "image/png"; an error becomes red HTML and its
// metadata has MetadataError set. A method that panics is reported in the
// bundle instead of crashing the caller.
//
// Values that are already on screen (*Handle, *Progress, *Counter) have no
// bundle: Bundle returns nil, nil, and a cell ending in
// display.HTML(...) shows its output once, not twice.
//
// For a cell's result, the executor should call Bundle inside the
// interpreter, so that a value of a cell-defined type keeps its methods
// (see MapTypes): evaluate the result into a variable (_result := EXPR),
// then evaluate display.Bundle(_result); yaegi returns the first result,
// the data (TestCellResultRecipe). Calling Bundle on the reflect.Value
// that yaegi returned sees a bare struct, without methods.
func Bundle(v any) (data, metadata map[string]any) {
	v = unbox(v)
	switch v.(type) {
	case *Handle, *Progress, *Counter:
		return nil, nil
	}
	if err, ok := v.(error); ok {
		return errorBundle(err)
	}
	data, metadata = map[string]any{}, map[string]any{}
	if img, ok := v.(image.Image); ok {
		data, metadata = imageValueBundle(img)
	}
	var errs []error
	render := func(mime string, f func() any) { errs = append(errs, call(data, mime, f)) }
	if m, ok := v.(HTMLer); ok {
		render(MIMEHTML, func() any { return m.HTML() })
	}
	if m, ok := v.(Markdowner); ok {
		render(MIMEMarkdown, func() any { return m.Markdown() })
	}
	if m, ok := v.(SVGer); ok {
		render(MIMESVG, func() any { return m.SVG() })
	}
	if m, ok := v.(PNGer); ok {
		render(MIMEPNG, func() any { return nonEmptyBase64(m.PNG()) })
	}
	if m, ok := v.(JPEGer); ok {
		render(MIMEJPEG, func() any { return nonEmptyBase64(m.JPEG()) })
	}
	if m, ok := v.(LaTeXer); ok {
		render(MIMELaTeX, func() any { return delimitLaTeX(m.LaTeX()) })
	}
	if m, ok := v.(JSONer); ok {
		render(MIMEJSON, func() any {
			j, err := plainJSON(m.JSON())
			if err != nil {
				panic(err)
			}
			return j
		})
	}
	if err := errors.Join(errs...); err != nil {
		return errorBundle(fmt.Errorf("%s: %w", plainText(v, data), err))
	}
	if _, isStringer := v.(fmt.Stringer); isStringer || data[MIMEText] == nil {
		data[MIMEText] = plainText(v, data) // an image keeps its short stand-in
	}
	return data, metadata
}

// call stores the result of a user's rendering method under mime; a nil
// result stores nothing. A panic is returned as an error, because a broken
// HTML method must not crash the cell that shows the value.
func call(data map[string]any, mime string, render func() any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s method panicked: %v", mimeMethod(mime), r)
		}
	}()
	if c := render(); c != nil {
		data[mime] = c
	}
	return nil
}

// mimeMethod names the method that renders mime, for error messages.
func mimeMethod(mime string) string {
	switch mime {
	case MIMEHTML:
		return "HTML"
	case MIMEMarkdown:
		return "Markdown"
	case MIMESVG:
		return "SVG"
	case MIMEPNG:
		return "PNG"
	case MIMEJPEG:
		return "JPEG"
	case MIMELaTeX:
		return "LaTeX"
	case MIMEJSON:
		return "JSON"
	}
	return mime
}

// plainText is the "text/plain" form of v, given the rest of its bundle.
//
// A value of a cell-defined type that reached Bundle inside one of yaegi's
// wrappers (see MapTypes) is printed by its String method if it has one.
// Without one, a stand-in made from its richer form is used: the wrapper
// does hold the value, but yaegi v0.16.1 stores a struct there as its last
// field (T{1, 2} arrives as 2), so printing it would mislead.
func plainText(v any, data map[string]any) string {
	if _, ok := v.(interpreted); !ok {
		return fmt.Sprint(v)
	}
	if s, ok := v.(fmt.Stringer); ok {
		return fmt.Sprint(s)
	}
	for _, mime := range []string{MIMEMarkdown, MIMELaTeX} {
		if s, ok := data[mime].(string); ok {
			return s
		}
	}
	if j, ok := data[MIMEJSON]; ok {
		b, _ := json.MarshalIndent(j, "", "  ") // j came from json, so it encodes
		return string(b)
	}
	for _, mime := range []string{MIMEHTML, MIMESVG, MIMEPNG, MIMEJPEG} {
		if _, ok := data[mime]; ok {
			return standIn(mime)
		}
	}
	return ""
}

// standIn is the "text/plain" of an output that text cannot show.
func standIn(mime string) string {
	switch mime {
	case MIMEHTML:
		return "<HTML output>"
	case MIMESVG:
		return "<SVG image>"
	}
	return "<" + mime + " image>"
}

// nonEmptyBase64 encodes an image file for JSON; no bytes means no image.
func nonEmptyBase64(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return base64Of(b)
}

func textBundle(s string) map[string]any { return map[string]any{MIMEText: s} }

func htmlBundle(s string) map[string]any {
	return map[string]any{MIMEHTML: s, MIMEText: standIn(MIMEHTML)}
}

func markdownBundle(s string) map[string]any {
	return map[string]any{MIMEMarkdown: s, MIMEText: s}
}

func svgBundle(s string) map[string]any {
	return map[string]any{MIMESVG: s, MIMEText: standIn(MIMESVG)}
}

func imageBundle(mime string, b []byte) map[string]any {
	return map[string]any{mime: base64Of(b), MIMEText: fmt.Sprintf("<%s image, %d bytes>", mime, len(b))}
}

func latexBundle(s string) map[string]any {
	return map[string]any{MIMELaTeX: delimitLaTeX(s), MIMEText: s}
}

// delimitLaTeX wraps a bare formula in $$ so that MathJax renders it.
func delimitLaTeX(s string) string {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "$") || strings.HasPrefix(t, `\[`) || strings.HasPrefix(t, `\(`) || strings.HasPrefix(t, `\begin`) {
		return s
	}
	return "$$" + s + "$$"
}

// jsonBundle shows v as JSON, or the reason it cannot be.
func jsonBundle(v any) (map[string]any, map[string]any) {
	j, err := plainJSON(v)
	if err != nil {
		return errorBundle(err)
	}
	text, _ := json.MarshalIndent(j, "", "  ") // j came from json, so it encodes
	return map[string]any{MIMEJSON: j, MIMEText: string(text)}, map[string]any{}
}

// plainJSON turns v into the plain values encoding/json decodes to (maps,
// slices, strings, json.Number, bools, nil), so that the message carrying
// it can be encoded again by whoever forwards it.
func plainJSON(v any) (any, error) {
	b, err := json.Marshal(unbox(v))
	if err != nil {
		return nil, fmt.Errorf("display JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep large integers exact
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("display JSON: decode: %w", err)
	}
	return out, nil
}

// imageValueBundle shows an image as PNG, or the reason it cannot be.
func imageValueBundle(img image.Image) (map[string]any, map[string]any) {
	b, err := encodePNG(img)
	if err != nil {
		return errorBundle(err)
	}
	r := img.Bounds()
	data := imageBundle(MIMEPNG, b)
	data[MIMEText] = fmt.Sprintf("<image %dx%d>", r.Dx(), r.Dy())
	return data, map[string]any{}
}

// errorBundle shows err in red, marked as an error in the metadata.
func errorBundle(err error) (map[string]any, map[string]any) {
	msg := err.Error()
	return map[string]any{MIMEText: msg, MIMEHTML: errorHTML(msg)},
		map[string]any{MetadataError: true}
}

// errorHTML is msg as red, preformatted HTML.
func errorHTML(msg string) string {
	return `<pre style="color:#c62828;white-space:pre-wrap">` + html.EscapeString(msg) + `</pre>`
}

package display

// The interpreter (yaegi) keeps the methods of a cell-defined type to
// itself: a value of such a type reaches compiled code as a plain struct,
// string or number, with no methods at all. yaegi's answer is wrapper
// types: for a compiled function listed in its "MapTypes" table, an
// argument whose type implements one of the listed interfaces is passed
// inside a wrapper struct. The wrapper's first field holds the value, the
// others the value's methods as funcs; the wrapper's own methods call them.
// Exports and MapTypes register the wrappers below for the functions that
// take any value (Show, Bundle, Update).
//
// Each wrapper carries one rendering method, the first one in mapTypeOrder
// that the value has. The "…String" variants also carry String, so that
// the "text/plain" of a value with both is its String.

// interpreted is a wrapper around a cell-defined value.
type interpreted interface{ value() any }

type wrapHTML struct {
	IValue any
	WHTML  func() string
}

func (w wrapHTML) HTML() string { return w.WHTML() }
func (w wrapHTML) value() any   { return w.IValue }

type wrapHTMLString struct {
	IValue  any
	WHTML   func() string
	WString func() string
}

func (w wrapHTMLString) HTML() string   { return w.WHTML() }
func (w wrapHTMLString) String() string { return w.WString() }
func (w wrapHTMLString) value() any     { return w.IValue }

type wrapMarkdown struct {
	IValue    any
	WMarkdown func() string
}

func (w wrapMarkdown) Markdown() string { return w.WMarkdown() }
func (w wrapMarkdown) value() any       { return w.IValue }

type wrapMarkdownString struct {
	IValue    any
	WMarkdown func() string
	WString   func() string
}

func (w wrapMarkdownString) Markdown() string { return w.WMarkdown() }
func (w wrapMarkdownString) String() string   { return w.WString() }
func (w wrapMarkdownString) value() any       { return w.IValue }

type wrapSVG struct {
	IValue any
	WSVG   func() string
}

func (w wrapSVG) SVG() string { return w.WSVG() }
func (w wrapSVG) value() any  { return w.IValue }

type wrapSVGString struct {
	IValue  any
	WSVG    func() string
	WString func() string
}

func (w wrapSVGString) SVG() string    { return w.WSVG() }
func (w wrapSVGString) String() string { return w.WString() }
func (w wrapSVGString) value() any     { return w.IValue }

type wrapPNG struct {
	IValue any
	WPNG   func() []byte
}

func (w wrapPNG) PNG() []byte { return w.WPNG() }
func (w wrapPNG) value() any  { return w.IValue }

type wrapPNGString struct {
	IValue  any
	WPNG    func() []byte
	WString func() string
}

func (w wrapPNGString) PNG() []byte    { return w.WPNG() }
func (w wrapPNGString) String() string { return w.WString() }
func (w wrapPNGString) value() any     { return w.IValue }

type wrapJPEG struct {
	IValue any
	WJPEG  func() []byte
}

func (w wrapJPEG) JPEG() []byte { return w.WJPEG() }
func (w wrapJPEG) value() any   { return w.IValue }

type wrapJPEGString struct {
	IValue  any
	WJPEG   func() []byte
	WString func() string
}

func (w wrapJPEGString) JPEG() []byte   { return w.WJPEG() }
func (w wrapJPEGString) String() string { return w.WString() }
func (w wrapJPEGString) value() any     { return w.IValue }

type wrapLaTeX struct {
	IValue any
	WLaTeX func() string
}

func (w wrapLaTeX) LaTeX() string { return w.WLaTeX() }
func (w wrapLaTeX) value() any    { return w.IValue }

type wrapLaTeXString struct {
	IValue  any
	WLaTeX  func() string
	WString func() string
}

func (w wrapLaTeXString) LaTeX() string  { return w.WLaTeX() }
func (w wrapLaTeXString) String() string { return w.WString() }
func (w wrapLaTeXString) value() any     { return w.IValue }

type wrapJSON struct {
	IValue any
	WJSON  func() any
}

func (w wrapJSON) JSON() any  { return w.WJSON() }
func (w wrapJSON) value() any { return w.IValue }

type wrapJSONString struct {
	IValue  any
	WJSON   func() any
	WString func() string
}

func (w wrapJSONString) JSON() any      { return w.WJSON() }
func (w wrapJSONString) String() string { return w.WString() }
func (w wrapJSONString) value() any     { return w.IValue }

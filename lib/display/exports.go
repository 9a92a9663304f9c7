package display

import (
	"fmt"
	"go/constant"
	"go/token"
	"image"
	"reflect"
	"strconv"
)

// ImportPath is the path of this package. Exports must be registered in
// the interpreter under ImportPath + "/display" (yaegi's "path/name" key):
// yaegi finds the wrappers of an interface by the interface's real
// package path.
const ImportPath = "github.com/gokernel/gokernel/lib/display"

// Exports returns the names a notebook cell sees as package display, bound
// to d: display.HTML(s) in a cell is d.HTML(s). It is the symbol table the
// executor hands to the interpreter, in the shape of yaegi's
// interp.Exports entry for one package (name -> value; a type is a nil
// pointer to it; "_Name" is yaegi's wrapper for interface Name).
//
// Functions: HTML, Markdown, SVG, PNG, JPEG, JSON, LaTeX, Text, Image,
// Show, Clear, Progress, Counter, Update(h, v) and Bundle (not Flush,
// which is the executor's). Types: Display,
// Handle, Message and the interfaces HTMLer ... JSONer (the names Progress
// and Counter are the functions: a cell keeps the bar they return in a
// variable and never needs to spell its type). Constants: the MIME types,
// the Kinds and MetadataError.
//
// The executor wires it like this (yaegi's interp package):
//
//	syms := display.Exports(d)
//	i.Use(interp.Exports{display.ImportPath + "/display": syms})
//	i.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(display.MapTypes(syms))}})
//
// The second line lets a cell pass values of its own types to Show,
// Update and Bundle with their methods intact (see MapTypes).
func Exports(d *Display) map[string]reflect.Value {
	syms := map[string]reflect.Value{
		// Functions, bound to d.
		"HTML":     reflect.ValueOf(d.HTML),
		"Markdown": reflect.ValueOf(d.Markdown),
		"SVG":      reflect.ValueOf(d.SVG),
		"PNG":      reflect.ValueOf(d.PNG),
		"JPEG":     reflect.ValueOf(d.JPEG),
		"JSON":     reflect.ValueOf(d.JSON),
		"LaTeX":    reflect.ValueOf(d.LaTeX),
		"Text":     reflect.ValueOf(d.Text),
		"Image":    reflect.ValueOf(d.Image),
		"Show":     reflect.ValueOf(d.Show),
		"Clear":    reflect.ValueOf(d.Clear),
		"Progress": reflect.ValueOf(d.Progress),
		"Counter":  reflect.ValueOf(d.Counter),
		"Update":   reflect.ValueOf(update),
		"Bundle":   reflect.ValueOf(Bundle),

		// Types.
		"Display":    reflect.ValueOf((*Display)(nil)),
		"Handle":     reflect.ValueOf((*Handle)(nil)),
		"Message":    reflect.ValueOf((*Message)(nil)),
		"HTMLer":     reflect.ValueOf((*HTMLer)(nil)),
		"Markdowner": reflect.ValueOf((*Markdowner)(nil)),
		"SVGer":      reflect.ValueOf((*SVGer)(nil)),
		"PNGer":      reflect.ValueOf((*PNGer)(nil)),
		"JPEGer":     reflect.ValueOf((*JPEGer)(nil)),
		"LaTeXer":    reflect.ValueOf((*LaTeXer)(nil)),
		"JSONer":     reflect.ValueOf((*JSONer)(nil)),

		// Interface wrappers (see wrappers.go).
		"_HTMLer":     reflect.ValueOf((*wrapHTML)(nil)),
		"_Markdowner": reflect.ValueOf((*wrapMarkdown)(nil)),
		"_SVGer":      reflect.ValueOf((*wrapSVG)(nil)),
		"_PNGer":      reflect.ValueOf((*wrapPNG)(nil)),
		"_JPEGer":     reflect.ValueOf((*wrapJPEG)(nil)),
		"_LaTeXer":    reflect.ValueOf((*wrapLaTeX)(nil)),
		"_JSONer":     reflect.ValueOf((*wrapJSON)(nil)),
	}
	for name, c := range map[string]string{
		"MIMEText": MIMEText, "MIMEHTML": MIMEHTML, "MIMEMarkdown": MIMEMarkdown,
		"MIMESVG": MIMESVG, "MIMEPNG": MIMEPNG, "MIMEJPEG": MIMEJPEG,
		"MIMELaTeX": MIMELaTeX, "MIMEJSON": MIMEJSON, "MetadataError": MetadataError,
		"KindDisplay": KindDisplay, "KindUpdate": KindUpdate, "KindClear": KindClear,
	} {
		// Untyped constants are go/constant values, as yaegi extract writes them.
		syms[name] = reflect.ValueOf(constant.MakeFromLiteral(strconv.Quote(c), token.STRING, 0))
	}
	return syms
}

// update is display.Update(h, v) in a cell. It exists apart from the
// method h.Update(v) because yaegi wraps cell-defined values (MapTypes)
// only for calls of functions in a symbol table, not of methods.
func update(h *Handle, v any) { h.Update(v) }

// mapTypeOrder is the order in which a cell-defined value's methods are
// looked for: the wrapper of the first interface the value implements
// carries it. image.Image and fmt.Stringer use the wrappers of the
// standard library's symbol table.
func mapTypeOrder() []reflect.Type {
	return []reflect.Type{
		reflect.TypeFor[HTMLer](),
		reflect.TypeFor[Markdowner](),
		reflect.TypeFor[SVGer](),
		reflect.TypeFor[PNGer](),
		reflect.TypeFor[JPEGer](),
		reflect.TypeFor[LaTeXer](),
		reflect.TypeFor[JSONer](),
		reflect.TypeFor[image.Image](),
		reflect.TypeFor[fmt.Stringer](),
	}
}

// MapTypes returns the entries of yaegi's "MapTypes" table for syms, a
// table made by Exports. With them, a value of a type declared in a cell,
// passed to display.Show, display.Update or display.Bundle, arrives with
// its HTML (Markdown, SVG, ...) method, and its String method, intact.
// Without them it arrives as a bare struct: yaegi does not give compiled
// code the methods of interpreted types.
//
// A value shows one rendering method through this path (the first of
// HTML, Markdown, SVG, PNG, JPEG, LaTeX, JSON, image.Image, String that it
// has), plus String for its "text/plain". The standard library's symbols
// must be loaded too (image.Image and fmt.Stringer use their wrappers).
//
// Measured with yaegi v0.16.1 (see TestInterpretedValues and
// TestInterpretedLost): the methods survive a direct argument
// (display.Show(T{}), display.Show(&t), display.Show(x) with x := T{}),
// an interface parameter of a cell's func, and embedding. They are lost,
// and the value is shown as text, when the value is the result of a call
// written inside the argument (display.Show(f()): assign it first), when
// it sits in a variable declared with an interface type (var x any = T{}),
// and for methods of compiled types (h.Update(v): use
// display.Update(h, v)). The text form of a cell value without a String
// method is a stand-in ("<HTML output>"): yaegi hands the wrapper a
// struct's last field instead of the struct.
func MapTypes(syms map[string]reflect.Value) map[reflect.Value][]reflect.Type {
	mt := map[reflect.Value][]reflect.Type{}
	for _, name := range []string{"Show", "Update", "Bundle"} {
		if f, ok := syms[name]; ok {
			mt[f] = mapTypeOrder()
		}
	}
	// yaegi tries these larger wrappers first, and takes the first one
	// whose methods the value all has.
	for name, withString := range map[string]any{
		"_HTMLer":     wrapHTMLString{},
		"_Markdowner": wrapMarkdownString{},
		"_SVGer":      wrapSVGString{},
		"_PNGer":      wrapPNGString{},
		"_JPEGer":     wrapJPEGString{},
		"_LaTeXer":    wrapLaTeXString{},
		"_JSONer":     wrapJSONString{},
	} {
		if w, ok := syms[name]; ok {
			mt[w] = []reflect.Type{reflect.TypeOf(withString)}
		}
	}
	return mt
}

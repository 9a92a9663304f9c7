package interp

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"github.com/gokernel/gokernel/lib/display"
	yaegi "github.com/traefik/yaegi/interp"
)

// displayFuncs are the methods of *display.Display that a cell calls as
// functions of package display (display.HTML(s) is d.HTML(s)), as
// display.Exports binds them.
var displayFuncs = []string{"HTML", "Markdown", "SVG", "PNG", "JPEG", "JSON", "LaTeX", "Text", "Image", "Show", "Clear", "Progress", "Counter"}

// richResult is the MIME bundle of the running cell's result, made inside
// the interpreter's call so that a cell-defined type keeps its methods.
type richResult struct {
	mu       sync.Mutex
	set      bool // the cell reported a result
	data, md map[string]any
}

// reset forgets the last cell's bundle.
func (r *richResult) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.set, r.data, r.md = false, nil, nil
}

// apply puts the bundle into res: a value with a rendering method, an
// image or a chart becomes rich output; a value already on screen (a
// display handle, a progress bar) is not shown again.
func (r *richResult) apply(res *Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.set || res.Data == nil {
		return
	}
	if r.data == nil {
		res.Data, res.Metadata = nil, nil
		return
	}
	for mime := range r.data {
		if mime != display.MIMEText {
			res.Data, res.Metadata = r.data, r.md
			return
		}
	}
}

// publishDisplay returns the publish function of the session's display:
// each message goes to Options.Display.
func publishDisplay(out func(Display)) func(display.Message) {
	return func(m display.Message) {
		if out == nil {
			return
		}
		kind := DisplayShow
		switch m.Kind {
		case display.KindUpdate:
			kind = DisplayUpdate
		case display.KindClear:
			kind = DisplayClear
		}
		out(Display{Kind: kind, Data: m.Data, Metadata: m.Metadata, DisplayID: m.DisplayID, Wait: m.Wait})
	}
}

// useDisplay binds package display in yi to the session's display, and
// replaces the runtime's Result helper by one that also computes the
// result's MIME bundle. Both are registered with yaegi's MapTypes so that
// values of cell-defined types arrive with their HTML, SVG, ... and String
// methods.
func (s *Session) useDisplay(yi *yaegi.Interpreter) error {
	syms := display.Exports(s.disp)
	mt := display.MapTypes(syms)
	result := reflect.ValueOf(func(v any, text string) {
		data, md := display.Bundle(v)
		s.rich.mu.Lock()
		s.rich.set, s.rich.data, s.rich.md = true, data, md
		s.rich.mu.Unlock()
		s.rt.mu.Lock()
		defer s.rt.mu.Unlock()
		s.rt.result = &cellValue{v: v, text: text}
	})
	mt[result] = mt[syms["Bundle"]]
	if err := yi.Use(yaegi.Exports{
		display.ImportPath + "/display": syms,
		rtPath + "/rt":                  {"Result": result},
	}); err != nil {
		return fmt.Errorf("bind package display: %w", err)
	}
	if err := yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(mt)}}); err != nil {
		return fmt.Errorf("bind display types: %w", err)
	}
	return nil
}

// addDisplayTypes gives the type checker package display as cells see
// it (display.Exports): the methods of *display.Display that Exports binds
// are functions of the package (Progress and Counter name the functions,
// not the types), and Update(h, v) is added. The package is built anew
// from the compiled one's objects, so types stay identical.
func addDisplayTypes(ti *typeImporter) error {
	real, err := ti.Import(display.ImportPath)
	if err != nil {
		return fmt.Errorf("load types of package display: %w", err)
	}
	tn, ok := real.Scope().Lookup("Display").(*types.TypeName)
	if !ok {
		return fmt.Errorf("package display has no type Display")
	}
	handle, ok := real.Scope().Lookup("Handle").(*types.TypeName)
	if !ok {
		return fmt.Errorf("package display has no type Handle")
	}
	funcs := map[string]bool{"Update": true}
	for _, name := range displayFuncs {
		funcs[name] = true
	}
	cell := types.NewPackage(display.ImportPath, real.Name())
	for _, name := range real.Scope().Names() {
		if !funcs[name] {
			cell.Scope().Insert(real.Scope().Lookup(name))
		}
	}
	ptr := types.NewPointer(tn.Type())
	for _, name := range displayFuncs {
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, real, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			return fmt.Errorf("display.Display has no method %s", name)
		}
		sig := fn.Type().(*types.Signature)
		cell.Scope().Insert(types.NewFunc(token.NoPos, cell, name, types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())))
	}
	params := types.NewTuple(
		types.NewParam(token.NoPos, cell, "h", types.NewPointer(handle.Type())),
		types.NewParam(token.NoPos, cell, "v", types.Universe.Lookup("any").Type()),
	)
	cell.Scope().Insert(types.NewFunc(token.NoPos, cell, "Update", types.NewSignatureType(nil, nil, nil, params, nil, false)))
	cell.SetImports(real.Imports())
	cell.MarkComplete()
	ti.mu.Lock()
	defer ti.mu.Unlock()
	ti.pkgs[display.ImportPath] = cell
	return nil
}

// hidesType reports whether t is, or is built from, a named type that the
// package cells import under its path calls something else: a cell
// cannot spell it (package display's Progress and Counter are functions
// in cells), so a variable of that type stays local to its cell.
func (ti *typeImporter) hidesType(t types.Type) bool {
	for {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Chan:
			t = u.Elem()
			continue
		case *types.Map:
			if ti.hidesType(u.Key()) {
				return true
			}
			t = u.Elem()
			continue
		case *types.Named:
			obj := u.Obj()
			if obj.Pkg() == nil {
				return false
			}
			ti.mu.Lock()
			p := ti.pkgs[obj.Pkg().Path()]
			ti.mu.Unlock()
			return p != nil && p != obj.Pkg() && p.Scope().Lookup(obj.Name()) != obj
		}
		return false
	}
}

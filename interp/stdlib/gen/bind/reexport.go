package bind

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// reexportFile is the generated alias file in an interpreted package.
const reexportFile = "zz_exports.go"

// writeReexport writes DIR/P/zz_exports.go when DIR/P holds interpreted
// source for package p. In yaegi a source package hides a binary package
// of the same name, so the source package must also offer every binary
// symbol: types become aliases, funcs forwarding funcs (a package variable
// holding the compiled func trips yaegi), vars copies and constants
// constants. It returns the number of files written.
func writeReexport(cfg Config, p *packages.Package) (int, error) {
	dir := filepath.Join(cfg.Reexport, filepath.FromSlash(p.PkgPath))
	own, err := declaredNames(dir)
	if err != nil || own == nil {
		return 0, err
	}
	im := newImportSet()
	q := im.name(p.PkgPath, p.Name)
	var b bytes.Buffer
	sc := p.Types.Scope()
	for _, n := range sc.Names() {
		o := sc.Lookup(n)
		if !o.Exported() || isGeneric(o) || own[n] {
			continue
		}
		switch o := o.(type) {
		case *types.Const:
			fmt.Fprintf(&b, "const %s = %s.%s\n", n, q, n)
		case *types.Func:
			if accessible(o.Type()) { // unsafe.Pointer cannot be named in a cell
				writeForward(&b, im, q, o)
			}
		case *types.Var:
			fmt.Fprintf(&b, "// %s is a copy of the compiled variable: assignments do not reach it.\nvar %s = %s.%s\n", n, n, q, n)
		case *types.TypeName:
			if it, ok := o.Type().Underlying().(*types.Interface); ok && !it.IsMethodSet() {
				continue // a constraint: the hand-written source must declare it
			}
			fmt.Fprintf(&b, "type %s = %s.%s\n", n, q, n)
		}
	}
	var f bytes.Buffer
	f.WriteString(cfg.header())
	fmt.Fprintf(&f, "\n// Aliases of the compiled %s package, so that this interpreted package can\n// stand in for it in yaegi.\n\npackage %s\n\n", p.PkgPath, p.Name)
	f.WriteString(im.block())
	f.WriteString("\n")
	f.Write(b.Bytes())
	src, err := formatSource(f.Bytes())
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, reexportFile), src, 0o644); err != nil {
		return 0, fmt.Errorf("write aliases: %w", err)
	}
	return 1, nil
}

// declaredNames returns the top-level names declared by the hand-written
// .go files of dir, or nil when dir has none.
func declaredNames(dir string) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read source dir: %w", err)
	}
	var names map[string]bool
	fset := token.NewFileSet()
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || n == reexportFile {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parse source: %w", err)
		}
		if names == nil {
			names = map[string]bool{}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, id := range s.Names {
							names[id.Name] = true
						}
					}
				}
			}
		}
	}
	return names, nil
}

// writeForward writes a func with f's signature that calls f.
func writeForward(b *bytes.Buffer, im *importSet, q string, f *types.Func) {
	sig := f.Type().(*types.Signature)
	var params, args, results []string
	for j := 0; j < sig.Params().Len(); j++ {
		a := "p" + strconv.Itoa(j)
		ty := types.TypeString(sig.Params().At(j).Type(), im.qualifier)
		if sig.Variadic() && j == sig.Params().Len()-1 {
			params = append(params, a+" ..."+strings.TrimPrefix(ty, "[]"))
			args = append(args, a+"...")
			continue
		}
		params = append(params, a+" "+ty)
		args = append(args, a)
	}
	for j := 0; j < sig.Results().Len(); j++ {
		results = append(results, types.TypeString(sig.Results().At(j).Type(), im.qualifier))
	}
	res := strings.Join(results, ", ")
	if len(results) > 1 {
		res = "(" + res + ")"
	}
	ret := ""
	if len(results) > 0 {
		ret = "return "
	}
	fmt.Fprintf(b, "func %s(%s) %s { %s%s.%s(%s) }\n", f.Name(), strings.Join(params, ", "), res, ret, q, f.Name(), strings.Join(args, ", "))
}

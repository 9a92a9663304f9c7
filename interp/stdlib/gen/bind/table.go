package bind

import (
	"bytes"
	"fmt"
	"go/constant"
	"go/format"
	"go/types"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// restricted maps symbols to replacements defined by hand in the
// destination package (stdlib/restricted.go): os.Exit must not end the
// notebook's process.
var restricted = map[string]string{
	"os.Exit": "osExit",
}

// table builds the symbol table file of one package.
type table struct {
	cfg     Config
	pkg     *packages.Package
	imports *importSet
}

func newTable(cfg Config, p *packages.Package) *table {
	im := newImportSet()
	// Reserve the names the file itself uses before the bound package's.
	im.reserve("reflect", "reflect")
	im.reserve("go/constant", "constant")
	im.reserve("go/token", "token")
	if p.PkgPath != "reflect" && p.PkgPath != "go/constant" && p.PkgPath != "go/token" {
		im.reserve(p.PkgPath, p.Name)
	}
	return &table{cfg: cfg, pkg: p, imports: im}
}

// generic lists the package's exported generic funcs and types.
func (t *table) generic() []string {
	sc := t.pkg.Types.Scope()
	var names []string
	for _, n := range sc.Names() {
		if o := sc.Lookup(n); o.Exported() && isGeneric(o) {
			names = append(names, n)
		}
	}
	return names
}

// source returns the formatted file, or nil when the package has nothing
// that reflection can bind.
func (t *table) source() ([]byte, error) {
	sc := t.pkg.Types.Scope()
	q := t.imports.name(t.pkg.PkgPath, t.pkg.Name)
	t.imports.use("reflect")
	var vals, typs, wraps []string
	var wrappers bytes.Buffer
	for _, n := range sc.Names() {
		o := sc.Lookup(n)
		if !o.Exported() || isGeneric(o) {
			continue
		}
		ref := q + "." + n
		if r, ok := restricted[t.pkg.PkgPath+"."+n]; ok && t.cfg.Dest == "stdlib" {
			ref = r
		}
		switch o := o.(type) {
		case *types.Const:
			vals = append(vals, fmt.Sprintf("%q: %s,", n, t.constValue(o, ref)))
		case *types.Func:
			vals = append(vals, fmt.Sprintf("%q: reflect.ValueOf(%s),", n, ref))
		case *types.Var:
			vals = append(vals, fmt.Sprintf("%q: reflect.ValueOf(&%s).Elem(),", n, ref))
		case *types.TypeName:
			it, isIface := o.Type().Underlying().(*types.Interface)
			if isIface && !it.IsMethodSet() {
				continue // a constraint, usable only by generic code
			}
			typs = append(typs, fmt.Sprintf("%q: reflect.ValueOf((*%s)(nil)),", n, ref))
			if !isIface {
				continue
			}
			w := "_" + identReplacer.Replace(t.pkg.PkgPath) + "_" + n
			if t.wrapper(&wrappers, w, n, it) {
				wraps = append(wraps, fmt.Sprintf("%q: reflect.ValueOf((*%s)(nil)),", "_"+n, w))
			}
		}
	}
	if len(vals)+len(typs) == 0 {
		return nil, nil
	}
	var b bytes.Buffer
	b.WriteString(t.cfg.header())
	fmt.Fprintf(&b, "\npackage %s\n\n", t.cfg.Dest)
	b.WriteString(t.imports.block())
	fmt.Fprintf(&b, "\nfunc init() {\n\tSymbols[%q] = map[string]reflect.Value{\n", t.pkg.PkgPath+"/"+t.pkg.Name)
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\t\t// %s\n", title)
		for _, l := range lines {
			b.WriteString("\t\t" + l + "\n")
		}
	}
	section("functions, constants and variables", vals)
	section("types", typs)
	section("interface wrappers", wraps)
	b.WriteString("\t}\n}\n")
	b.Write(wrappers.Bytes())
	return formatSource(b.Bytes())
}

// constValue binds a constant. Untyped numeric and string constants become
// constant.Value so that cells can use them at any precision (math.MaxUint64
// does not fit in an int).
func (t *table) constValue(o *types.Const, ref string) string {
	if b, ok := o.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		return "reflect.ValueOf(" + ref + ")"
	}
	v := o.Val()
	var tok, lit string
	switch v.Kind() {
	case constant.String:
		tok, lit = "STRING", v.ExactString()
	case constant.Int:
		tok, lit = "INT", v.ExactString()
	case constant.Float:
		f, ok := constant.Val(v).(*big.Float)
		if !ok {
			f = new(big.Float).SetRat(constant.Val(v).(*big.Rat))
		}
		tok, lit = "FLOAT", f.Text('g', int(f.Prec()))
	default:
		return "reflect.ValueOf(" + ref + ")"
	}
	t.imports.use("go/constant")
	t.imports.use("go/token")
	return fmt.Sprintf("reflect.ValueOf(constant.MakeFromLiteral(%s, token.%s, 0))", strconv.Quote(lit), tok)
}

// wrapper writes the struct that yaegi uses to make an interpreted value
// satisfy interface it: one func field per exported method. It reports
// false (and writes nothing) when a method mentions a type that a file
// outside the package cannot name.
func (t *table) wrapper(b *bytes.Buffer, name, iface string, it *types.Interface) bool {
	type method struct{ name, params, results, args string }
	var ms []method
	for i := 0; i < it.NumMethods(); i++ {
		f := it.Method(i)
		if !f.Exported() {
			continue
		}
		sig := f.Type().(*types.Signature)
		if !accessible(sig) {
			return false
		}
		var params, args, results []string
		for j := 0; j < sig.Params().Len(); j++ {
			a := "a" + strconv.Itoa(j)
			ty := types.TypeString(sig.Params().At(j).Type(), t.imports.qualifier)
			if sig.Variadic() && j == sig.Params().Len()-1 {
				params = append(params, a+" ..."+strings.TrimPrefix(ty, "[]"))
				args = append(args, a+"...")
				continue
			}
			params = append(params, a+" "+ty)
			args = append(args, a)
		}
		for j := 0; j < sig.Results().Len(); j++ {
			results = append(results, types.TypeString(sig.Results().At(j).Type(), t.imports.qualifier))
		}
		res := strings.Join(results, ", ")
		if len(results) > 1 {
			res = "(" + res + ")"
		}
		ms = append(ms, method{f.Name(), strings.Join(params, ", "), res, strings.Join(args, ", ")})
	}
	slices.SortFunc(ms, func(a, b method) int { return strings.Compare(a.name, b.name) })
	fmt.Fprintf(b, "\n// %s is an interface wrapper for %s.\ntype %s struct {\n\tIValue interface{}\n", name, iface, name)
	for _, m := range ms {
		fmt.Fprintf(b, "\tW%s func(%s) %s\n", m.name, m.params, m.results)
	}
	b.WriteString("}\n")
	for _, m := range ms {
		fmt.Fprintf(b, "\n// %s calls the interpreted method.\nfunc (W %s) %s(%s) %s {\n", m.name, name, m.name, m.params, m.results)
		if m.name == "String" && m.results == "string" {
			b.WriteString("\tif W.WString == nil {\n\t\treturn \"\"\n\t}\n")
		}
		ret := ""
		if m.results != "" {
			ret = "return "
		}
		fmt.Fprintf(b, "\t%sW.W%s(%s)\n}\n", ret, m.name, m.args)
	}
	return true
}

// accessible reports whether every named type in t can be written in
// another package (exported, and not in an internal or vendor package).
func accessible(t types.Type) bool {
	switch t := t.(type) {
	case *types.Basic:
		return t.Kind() != types.UnsafePointer && t.Kind() != types.Invalid
	case *types.Named:
		o := t.Obj()
		if o.Pkg() != nil && (!o.Exported() || !importable(o.Pkg().Path())) {
			return false
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if !accessible(t.TypeArgs().At(i)) {
				return false
			}
		}
		return true
	case *types.Alias:
		return accessible(types.Unalias(t))
	case *types.Pointer:
		return accessible(t.Elem())
	case *types.Slice:
		return accessible(t.Elem())
	case *types.Array:
		return accessible(t.Elem())
	case *types.Chan:
		return accessible(t.Elem())
	case *types.Map:
		return accessible(t.Key()) && accessible(t.Elem())
	case *types.Signature:
		return accessible(t.Params()) && accessible(t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if !accessible(t.At(i).Type()) {
				return false
			}
		}
		return true
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if !t.Field(i).Exported() || !accessible(t.Field(i).Type()) {
				return false
			}
		}
		return true
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if !t.Method(i).Exported() || !accessible(t.Method(i).Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// formatSource gofmts generated code, keeping the unformatted text in
// the error so a generator bug is easy to see.
func formatSource(src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("format generated code: %w\n%s", err, src)
	}
	return out, nil
}

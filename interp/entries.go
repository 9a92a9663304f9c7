package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// entryKind says what a live declaration declares.
type entryKind int

const (
	kindFunc entryKind = iota
	kindMethod
	kindType
	kindConst
	kindVar // a cell's top-level variable (from := or var)
)

// entry is one live declaration of the session: what a later cell sees.
// Entries are kept as source text, so that the interpreter can be rebuilt
// from them at any time; decl caches the text parsed on the session's
// current FileSet and is dropped whenever a rewrite may have touched it.
type entry struct {
	kind  entryKind
	names []string // what it declares; methods are "T.M"
	cell  int      // the cell it came from
	line  int      // where text starts in that cell
	col   int
	text  string          // the declaration's Go source
	spec  bool            // text is a type spec from a group, without "type"
	decl  ast.Decl        // text parsed, or nil
	refs  map[string]bool // every identifier in the text, once parsed
}

// header is the //line directive that gives the entry's text its cell
// position.
func (e *entry) header() string {
	return fmt.Sprintf("//line %s:%d:%d\n", cellName(e.cell), e.line, e.col)
}

// parse returns the entry's declaration, parsed on fset.
func (e *entry) parse(fset *token.FileSet) (ast.Decl, error) {
	if e.decl != nil {
		return e.decl, nil
	}
	src := "package main\n" + e.header() + e.text + "\n"
	if e.spec {
		src = "package main\ntype (\n" + e.header() + e.text + "\n)\n"
	}
	f, err := parser.ParseFile(fset, "_"+cellName(e.cell)+".go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("reparse declaration of %s: %w", strings.Join(e.names, ", "), err)
	}
	if len(f.Decls) != 1 {
		return nil, fmt.Errorf("reparse declaration of %s: %d declarations", strings.Join(e.names, ", "), len(f.Decls))
	}
	e.decl = f.Decls[0]
	if e.refs == nil {
		e.refs = identNames(e.decl)
	}
	return e.decl, nil
}

// identNames returns the names of all identifiers in n: what a
// declaration may refer to.
func identNames(n ast.Node) map[string]bool {
	m := map[string]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			m[id.Name] = true
		}
		return true
	})
	return m
}

// sameAs reports whether e declares the same thing, the same way, as o:
// re-running a cell leaves such entries alone.
func (e *entry) sameAs(o *entry) bool {
	if e.kind != o.kind || e.text != o.text || e.spec != o.spec || len(e.names) != len(o.names) {
		return false
	}
	for i := range e.names {
		if e.names[i] != o.names[i] {
			return false
		}
	}
	return true
}

// recvName returns the base type name of a method's receiver.
func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// declEntries turns a cell's top-level declaration into entries, keeping
// each one's source text and cell position.
func declEntries(fset *token.FileSet, pc *parsedCell, d ast.Decl) []*entry {
	starts := lineStarts(pc.src)
	textOf := func(from, to token.Pos) (string, int, int) {
		p, q := fset.Position(from), fset.Position(to)
		a := offsetOf(starts, len(pc.src), p.Line, p.Column)
		b := offsetOf(starts, len(pc.src), q.Line, q.Column)
		if b < a {
			b = a
		}
		return string(pc.src[a:b]), p.Line, p.Column
	}
	switch d := d.(type) {
	case *ast.FuncDecl:
		e := &entry{kind: kindFunc, names: []string{d.Name.Name}, cell: pc.count}
		if d.Recv != nil {
			e.kind = kindMethod
			e.names = []string{recvName(d) + "." + d.Name.Name}
		}
		e.text, e.line, e.col = textOf(d.Pos(), d.End())
		return []*entry{e}
	case *ast.GenDecl:
		switch d.Tok {
		case token.TYPE:
			var es []*entry
			for _, s := range d.Specs {
				ts := s.(*ast.TypeSpec)
				e := &entry{kind: kindType, names: []string{ts.Name.Name}, cell: pc.count}
				if d.Lparen.IsValid() {
					// A spec of a group: it becomes a declaration of its own.
					e.text, e.line, e.col = textOf(ts.Pos(), ts.End())
					e.spec = true
				} else {
					e.text, e.line, e.col = textOf(d.Pos(), d.End())
				}
				es = append(es, e)
			}
			return es
		case token.CONST:
			e := &entry{kind: kindConst, cell: pc.count}
			for _, s := range d.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if n.Name != "_" {
						e.names = append(e.names, n.Name)
					}
				}
			}
			if len(e.names) == 0 {
				return nil // const () or const _ = ...: nothing to keep
			}
			e.text, e.line, e.col = textOf(d.Pos(), d.End())
			return []*entry{e}
		}
	}
	return nil
}

package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gokernel/gokernel/interp/internal/docs"
)

// toolkitPrefix is the import path of the toolkit's packages, less the
// package name.
const toolkitPrefix = "github.com/gokernel/gokernel/lib/"

// declDoc is what the source says about a declaration.
type declDoc struct {
	doc  string // its doc comment, as text
	text string // its source, doc comment excluded
}

// sourceFile returns the Go source of file, as recorded in the export
// data's positions of a package at pkgPath: for the standard library
// "$GOROOT/src/...", read from the installed Go's source; for the toolkit
// the copy embedded at go generate time. Without source there are no
// docs, only signatures.
func sourceFile(pkgPath, file string) ([]byte, error) {
	if strings.HasPrefix(pkgPath, toolkitPrefix) {
		lib, err := docs.Open()
		if err != nil {
			return nil, err
		}
		return lib.File(path.Base(pkgPath) + "/" + filepath.Base(file))
	}
	if rest, ok := strings.CutPrefix(file, "$GOROOT"); ok {
		file = filepath.Join(goroot(), filepath.FromSlash(rest))
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read source of %s: %w", pkgPath, err)
	}
	return src, nil
}

// goroot is where the installed Go's source is: $GOROOT, else the root
// this binary was built with.
func goroot() string {
	if r := os.Getenv("GOROOT"); r != "" {
		return r
	}
	return runtime.GOROOT()
}

// findDecl finds in src the declaration of name (a func, method of
// type recv, type, var, const, struct field or interface method) on line
// and returns its doc comment and source. When the line holds no such
// declaration (line 0, or a source newer than the export data), the first
// declaration of that name and receiver is taken.
func findDecl(src []byte, line int, name, recv string) (declDoc, bool) {
	if line > 0 {
		if dd, ok := findDeclAt(src, line, name, recv); ok {
			return dd, true
		}
	}
	return findDeclAt(src, 0, name, recv)
}

// findDeclAt is findDecl for one line (0: any).
func findDeclAt(src []byte, line int, name, recv string) (declDoc, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil && f == nil {
		return declDoc{}, false
	}
	at := func(id *ast.Ident) bool {
		return id.Name == name && (line == 0 || fset.Position(id.Pos()).Line == line)
	}
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	var found declDoc
	ok := false
	ast.Inspect(f, func(n ast.Node) bool {
		if ok {
			return false
		}
		switch d := n.(type) {
		case *ast.FuncDecl:
			if at(d.Name) && recvName(d) == recv {
				found, ok = declDoc{d.Doc.Text(), text(d)}, true
			}
			return false // no declarations of interest inside bodies
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				var names []*ast.Ident
				var doc *ast.CommentGroup
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					names, doc = []*ast.Ident{sp.Name}, sp.Doc
				case *ast.ValueSpec:
					names, doc = sp.Names, sp.Doc
					if doc == nil {
						doc = sp.Comment
					}
				}
				for _, id := range names {
					if !at(id) {
						continue
					}
					if doc == nil {
						doc = d.Doc
					}
					t := text(d)
					if len(d.Specs) > 1 {
						t = d.Tok.String() + " " + text(sp)
					}
					found, ok = declDoc{doc.Text(), t}, true
					return false
				}
			}
		case *ast.Field:
			for _, id := range d.Names {
				if at(id) {
					doc := d.Doc
					if doc == nil {
						doc = d.Comment
					}
					found, ok = declDoc{doc.Text(), text(d)}, true
					return false
				}
			}
		}
		return true
	})
	return found, ok
}

// packageDoc returns the package doc comment of the package at pkgPath,
// from the first of its files that has one.
func packageDoc(pkgPath string) string {
	var files []string
	var read func(string) ([]byte, error)
	if strings.HasPrefix(pkgPath, toolkitPrefix) {
		lib, err := docs.Open()
		if err != nil {
			return ""
		}
		files, read = lib.Files(path.Base(pkgPath)), lib.File
	} else {
		dir := filepath.Join(goroot(), "src", filepath.FromSlash(pkgPath))
		files, _ = filepath.Glob(filepath.Join(dir, "*.go"))
		read = os.ReadFile
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := read(name)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly|parser.ParseComments)
		if err == nil && f.Doc != nil {
			return f.Doc.Text()
		}
	}
	return ""
}

// objectDoc looks up the doc comment and source of an object imported
// from the standard library or the toolkit (positions in ti's FileSet),
// or of a builtin.
func (ti *typeImporter) objectDoc(obj types.Object) (declDoc, bool) {
	if obj.Pkg() == nil { // the universe: documented in package builtin
		src, err := sourceFile("builtin", "$GOROOT/src/builtin/builtin.go")
		if err != nil {
			return declDoc{}, false
		}
		return findDecl(src, 0, obj.Name(), "")
	}
	pos := ti.fset.Position(obj.Pos())
	if !pos.IsValid() {
		return declDoc{}, false
	}
	src, err := sourceFile(obj.Pkg().Path(), pos.Filename)
	if err != nil {
		return declDoc{}, false
	}
	return findDecl(src, pos.Line, obj.Name(), recvOf(obj))
}

// recvOf returns the name of the receiver's type when obj is a method,
// else "".
func recvOf(obj types.Object) string {
	f, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	recv := f.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

package stdlib

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
)

// source holds the interpreted packages: source/IMPORTPATH/*.go.
//
//go:embed source
var source embed.FS

// Library is the standard library as loaded into one interpreter. Its
// methods are safe for concurrent use.
type Library struct {
	i      *interp.Interpreter
	mu     sync.Mutex
	loaded map[string]bool // import path -> source compiled (or none needed)
}

// Load gives i the symbol tables of the standard library and returns the
// Library that compiles the interpreted source packages on demand.
func Load(i *interp.Interpreter) (*Library, error) {
	if err := i.Use(Symbols); err != nil {
		return nil, fmt.Errorf("use standard library symbols: %w", err)
	}
	l := &Library{i: i, loaded: map[string]bool{}}
	// yaegi's Use compiled its own (Go 1.22) cmp, maps and slices source
	// into package scopes that are now stale (see resync). Replace them at
	// once, before main or any other package adds variables.
	for _, p := range eager {
		if err := l.prepare(p); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// eager lists the packages Load compiles at once, in dependency order.
var eager = [...]string{"cmp", "iter", "slices", "maps"}

// HasSource reports whether importPath is (partly) interpreted source.
func HasSource(importPath string) bool {
	_, err := fs.Stat(source, path.Join("source", importPath))
	return err == nil
}

// Packages lists the import paths a cell can import, sorted.
func Packages() []string {
	seen := map[string]bool{}
	for k := range Symbols {
		if k != "." {
			seen[path.Dir(k)] = true
		}
	}
	_ = fs.WalkDir(source, "source", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != "source" {
			seen[strings.TrimPrefix(p, "source/")] = true
		}
		return nil
	})
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// PrepareImports prepares every package that file f imports.
func (l *Library) PrepareImports(f *ast.File) error {
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			return fmt.Errorf("import path %s: %w", im.Path.Value, err)
		}
		if err := l.Prepare(p); err != nil {
			return err
		}
	}
	return nil
}

// Prepare compiles the interpreted source of importPath, and of the
// source packages it imports, into the interpreter, once. Paths without
// interpreted source need nothing and return nil. Call it before
// compiling code that imports importPath: a source package is what makes
// its generic functions visible (and, for a partly generic package such as
// sync, what cells see instead of the binary table).
func (l *Library) Prepare(importPath string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prepare(importPath)
}

func (l *Library) prepare(importPath string) error {
	if l.loaded[importPath] {
		return nil
	}
	l.loaded[importPath] = true // also stops import cycles
	dir := path.Join("source", importPath)
	entries, err := fs.ReadDir(source, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read source of %s: %w", importPath, err)
	}
	var texts [][]byte
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		src, err := source.ReadFile(path.Join(dir, n))
		if err != nil {
			return fmt.Errorf("read %s: %w", n, err)
		}
		texts = append(texts, src)
	}
	if len(texts) == 0 {
		return nil
	}
	src, imports, err := join(texts)
	if err != nil {
		return fmt.Errorf("interpreted %s: %w", importPath, err)
	}
	for _, p := range imports {
		if p != importPath {
			if err := l.prepare(p); err != nil {
				return err
			}
		}
	}
	name := path.Join(dir, path.Base(importPath)+".go")
	f, err := parser.ParseFile(l.i.FileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("parse interpreted %s: %w", importPath, err)
	}
	prog, err := l.i.CompileAST(f)
	if err != nil {
		l.loaded[importPath] = false
		return fmt.Errorf("compile interpreted %s: %w", importPath, err)
	}
	if _, err := l.i.Execute(prog); err != nil {
		l.loaded[importPath] = false
		return fmt.Errorf("initialize interpreted %s: %w", importPath, err)
	}
	return l.resync()
}

// resync works around a yaegi v0.16.1 bug. Package-level variables of all
// packages share one frame, but each package's scope keeps its own list
// of the slots in use, copied from the interpreter-wide list when the
// scope is created and copied back when a file of the package has been
// compiled. The main package's list is only refreshed when main imports a
// package that exists as source alone. So after a new package with
// variables is compiled, main would reuse its slots ("value of type int is
// not assignable to type reflect.Kind"), and a package compiled a second
// time would shrink the list. A blank import of the pure-source package
// cmp in main refreshes main's list; packages are compiled once.
func (l *Library) resync() error {
	if !l.loaded["maps"] {
		return nil // still in Load: main has no variables yet
	}
	f, err := parser.ParseFile(l.i.FileSet(), "gokernel_stdlib_resync.go", "package main\n\nimport _ \"cmp\"\n", 0)
	if err != nil {
		return fmt.Errorf("parse resync import: %w", err)
	}
	prog, err := l.i.CompileAST(f)
	if err != nil {
		return fmt.Errorf("compile resync import: %w", err)
	}
	if _, err := l.i.Execute(prog); err != nil {
		return fmt.Errorf("run resync import: %w", err)
	}
	return nil
}

// join makes one file of the files of a package: one package clause,
// one import block with each path once, then every file's declarations.
// yaegi needs one file per package here: once a source package is
// compiled its name refers to itself, which would hide the compiled
// package of the same name that a second file (zz_exports.go) imports;
// and yaegi resolves an imported name by the name of the file it sits in.
func join(files [][]byte) (src []byte, imports []string, err error) {
	fset := token.NewFileSet()
	var pkg string
	var body bytes.Buffer
	seen := map[string]bool{}
	var block strings.Builder
	for i, text := range files {
		f, err := parser.ParseFile(fset, fmt.Sprint("file", i), text, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, fmt.Errorf("parse: %w", err)
		}
		pkg = f.Name.Name
		end := fset.Position(f.Name.End()).Offset
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				end = fset.Position(d.End()).Offset
			}
		}
		for _, im := range f.Imports {
			p, err := strconv.Unquote(im.Path.Value)
			if err != nil {
				return nil, nil, fmt.Errorf("import path %s: %w", im.Path.Value, err)
			}
			key := im.Path.Value
			if im.Name != nil {
				key = im.Name.Name + " " + key
			}
			if !seen[key] {
				seen[key] = true
				imports = append(imports, p)
				block.WriteString("\t" + key + "\n")
			}
		}
		body.Write(anyConstraints(fset, f, text)[end:])
		body.WriteString("\n")
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "package %s\n\nimport (\n%s)\n", pkg, block.String())
	out.Write(body.Bytes())
	return out.Bytes(), imports, nil
}

// anyConstraint marks a constraint that yaegi must see as interface{}:
// yaegi v0.16.1 fails to instantiate a generic function with a compiled
// named type (time.Duration) when the constraint is a union of several
// terms, such as cmp.Ordered, but accepts < on a type parameter
// constrained by interface{}. Type checking with the real constraint is
// the front end's job (go/types).
const anyConstraint = "//gokernel:any"

// anyConstraints returns text with the interface of every type
// declaration marked anyConstraint replaced by interface{} padded with
// spaces and the same newlines, so positions stay where they were.
func anyConstraints(fset *token.FileSet, f *ast.File, text []byte) []byte {
	out := text
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE || g.Doc == nil || !strings.Contains(g.Doc.Text()+directives(g.Doc), anyConstraint) {
			continue
		}
		for _, spec := range g.Specs {
			it, ok := spec.(*ast.TypeSpec).Type.(*ast.InterfaceType)
			if !ok {
				continue
			}
			if &out[0] == &text[0] {
				out = bytes.Clone(text)
			}
			from, to := fset.Position(it.Pos()).Offset, fset.Position(it.End()).Offset
			repl := []byte("interface{}")
			for i := from; i < to; i++ {
				switch {
				case i-from < len(repl):
					out[i] = repl[i-from]
				case out[i] != '\n':
					out[i] = ' '
				}
			}
		}
	}
	return out
}

// directives returns the //x:y lines of a comment group, which Text drops.
func directives(g *ast.CommentGroup) string {
	var b strings.Builder
	for _, c := range g.List {
		if strings.HasPrefix(c.Text, "//") && !strings.HasPrefix(c.Text, "// ") {
			b.WriteString(c.Text + "\n")
		}
	}
	return b.String()
}

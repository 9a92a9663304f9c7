package stdlib

import (
	"embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
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
	return &Library{i: i, loaded: map[string]bool{}}, nil
}

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
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		name := path.Join(dir, n)
		src, err := source.ReadFile(name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		f, err := parser.ParseFile(l.i.FileSet(), name, src, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("parse %s: %w", name, err)
		}
		files = append(files, f)
	}
	for _, f := range files {
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if p != importPath {
				if err := l.prepare(p); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range files {
		name := l.i.FileSet().File(f.Pos()).Name()
		prog, err := l.i.CompileAST(f)
		if err != nil {
			l.loaded[importPath] = false
			return fmt.Errorf("compile %s: %w", name, err)
		}
		if _, err := l.i.Execute(prog); err != nil {
			l.loaded[importPath] = false
			return fmt.Errorf("run %s: %w", name, err)
		}
	}
	return nil
}

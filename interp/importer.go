package interp

import (
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/gokernel/gokernel/interp/internal/stdtypes"
)

// typeImporter gives go/types the packages cells import: the standard
// library from embedded export data, and extra packages registered by the
// embedder. Packages are decoded on first use and kept, so a session pays
// for fmt once. It is safe for concurrent use.
type typeImporter struct {
	mu    sync.Mutex
	fset  *token.FileSet // positions of imported objects, apart from cells'
	std   *stdtypes.Archive
	pkgs  map[string]*types.Package // every package decoded so far, deps included
	extra map[string]func() (*types.Package, error)
}

func newTypeImporter() (*typeImporter, error) {
	std, err := stdtypes.Open()
	if err != nil {
		return nil, err
	}
	return &typeImporter{
		fset:  token.NewFileSet(),
		std:   std,
		pkgs:  map[string]*types.Package{},
		extra: map[string]func() (*types.Package, error){},
	}, nil
}

// register makes path importable with the types load returns.
func (ti *typeImporter) register(path string, load func() (*types.Package, error)) {
	ti.mu.Lock()
	defer ti.mu.Unlock()
	ti.extra[path] = load
}

// known reports whether path can be imported.
func (ti *typeImporter) known(path string) bool {
	ti.mu.Lock()
	defer ti.mu.Unlock()
	return ti.std.Has(path) || ti.extra[path] != nil
}

// Import implements types.Importer.
func (ti *typeImporter) Import(path string) (*types.Package, error) {
	ti.mu.Lock()
	defer ti.mu.Unlock()
	if p := ti.pkgs[path]; p != nil && p.Complete() {
		return p, nil
	}
	if load := ti.extra[path]; load != nil {
		p, err := load()
		if err != nil {
			return nil, fmt.Errorf("load types of %s: %w", path, err)
		}
		ti.pkgs[path] = p
		return p, nil
	}
	data, err := ti.std.Data(path)
	if err != nil {
		return nil, err
	}
	p, err := gcexportdata.Read(bytes.NewReader(data), ti.fset, ti.pkgs, path)
	if err != nil {
		return nil, fmt.Errorf("decode types of %s: %w", path, err)
	}
	return p, nil
}

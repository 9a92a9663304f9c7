package interp

import (
	"fmt"
	"go/types"
	"sort"
)

// Variable is one top-level variable of the session, for %who and %whos.
type Variable struct {
	Name  string // e.g. "counts"
	Type  string // its Go type, e.g. "map[string]int"
	Value string // its value as fmt's %v prints it
}

// Variables lists the session's top-level variables, sorted by name. Call
// it between cells: it reads the interpreter's values.
func (s *Session) Variables() []Variable {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	pkg := s.intelPackage()
	s.mu.RLock()
	yi := s.yi
	var names []string
	for _, e := range s.fe.entries {
		if e.kind == kindVar {
			names = append(names, e.names[0])
		}
	}
	s.mu.RUnlock()
	sort.Strings(names)
	globals := yi.Globals()
	var out []Variable
	for _, n := range names {
		v := Variable{Name: n}
		if pkg != nil {
			if obj := pkg.Scope().Lookup(n); obj != nil {
				v.Type = types.TypeString(obj.Type(), func(p *types.Package) string {
					if p == pkg {
						return ""
					}
					return p.Name()
				})
			}
		}
		if g, ok := globals[n]; ok && g.IsValid() && g.CanInterface() {
			v.Value = fmt.Sprintf("%v", g.Interface())
		}
		out = append(out, v)
	}
	return out
}

// Reset forgets everything the cells declared: imports, functions,
// types, variables. The interpreter starts afresh.
func (s *Session) Reset() error {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	yi, err := s.newInterp()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.yi = yi
	s.fe.fset = yi.FileSet()
	s.fe.imports = map[string]string{}
	s.fe.entries = nil
	s.fe.sources = map[int][]byte{}
	s.pkg, s.info = nil, nil
	s.gen++
	s.dirty = false
	return nil
}

package bind

import (
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// importSet gives each imported package of a generated file a unique
// name, in a deterministic order, and remembers which ones are used.
type importSet struct {
	names map[string]string // path -> name in the file
	taken map[string]string // name -> path
	used  map[string]bool
}

func newImportSet() *importSet {
	return &importSet{names: map[string]string{}, taken: map[string]string{}, used: map[string]bool{}}
}

// name returns the file's name for path (want, or want2, want3, ... when
// taken) and marks it used.
func (s *importSet) name(path, want string) string {
	s.used[path] = true
	if n, ok := s.names[path]; ok {
		return n
	}
	n := want
	for i := 2; s.taken[n] != ""; i++ {
		n = want + strconv.Itoa(i)
	}
	s.names[path], s.taken[n] = n, path
	return n
}

// reserve gives path its name without marking it used.
func (s *importSet) reserve(path, name string) {
	s.names[path], s.taken[name] = name, path
}

// use marks an already named path as used.
func (s *importSet) use(path string) { s.used[path] = true }

// qualifier is a types.Qualifier that imports what it names.
func (s *importSet) qualifier(p *types.Package) string { return s.name(p.Path(), p.Name()) }

// block is the file's import declaration. Only used paths are listed;
// reserved but unused ones are dropped.
func (s *importSet) block() string {
	paths := make([]string, 0, len(s.names))
	for p := range s.names {
		if s.used[p] {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	var b strings.Builder
	b.WriteString("import (\n")
	for _, p := range paths {
		n := s.names[p]
		if n == p[strings.LastIndex(p, "/")+1:] {
			fmt.Fprintf(&b, "\t%q\n", p)
		} else {
			fmt.Fprintf(&b, "\t%s %q\n", n, p)
		}
	}
	b.WriteString(")\n")
	return b.String()
}

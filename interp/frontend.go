package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/gokernel/gokernel/interp/stdlib"
)

// frontEnd turns cells into code yaegi runs correctly. It keeps what the
// session has declared (imports and entries) and type-checks each cell
// against it. It does not touch the interpreter.
type frontEnd struct {
	fset    *token.FileSet // the interpreter's: nodes it compiles must come from it
	ti      *typeImporter
	imports map[string]string // local name -> import path
	entries []*entry
	sources map[int][]byte // cell sources, for error lines
	names   *pkgNames      // package name -> candidate paths, for auto-import
}

// unit is a cell after the front end: type-checked and rewritten, ready to
// compile, with what it changes in the session.
type unit struct {
	pc       *parsedCell
	imports  map[string]string // the session's imports once this cell runs
	entries  []*entry          // the session's entries once this cell runs
	compile  []ast.Decl        // declarations to hand to the interpreter
	all      []ast.Decl        // every declaration the check saw
	changed  []string          // names whose earlier declaration changed
	vars     []string          // top-level variables the cell (re)defines
	result   bool              // the cell's last statement is its result
	pkg      *types.Package
	info     *types.Info
	rewrites rewriteStats
}

// compile runs the front end on cell count. all asks for every live
// declaration to be rewritten and listed in unit.compile, as when the
// interpreter is rebuilt; otherwise only what the cell adds or changes is.
func (fe *frontEnd) compile(count int, src []byte, all bool) (*unit, error) {
	fe.sources[count] = src
	pc, err := parseCell(fe.fset, count, src)
	if err != nil {
		return nil, compileError(parseDiags(err, len(lineStarts(src))), fe.sources)
	}
	u := &unit{pc: pc, imports: maps2(fe.imports)}

	// Imports the cell names explicitly.
	var diags []diag
	for _, spec := range pc.imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		pos := toCellPos(fe.fset.Position(spec.Path.Pos()))
		if why, bad := stdlib.Unavailable(path); bad {
			diags = append(diags, diag{pos: pos, msg: fmt.Sprintf("cannot import %q: %s", path, why)})
			continue
		}
		pkg, err := fe.ti.Import(path)
		if err != nil {
			diags = append(diags, diag{pos: pos, msg: fmt.Sprintf("could not import %s (package not found)", path)})
			continue
		}
		name := pkg.Name()
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" {
			continue
		}
		if name == "." {
			name = "." + path
		}
		u.imports[name] = path
	}
	if len(diags) > 0 {
		return nil, compileError(diags, fe.sources)
	}

	// A whole program pasted into a cell runs its main.
	if pc.program {
		for _, d := range pc.decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				pc.fn.Body.List = append(pc.fn.Body.List, &ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("main")}})
			}
		}
	}

	// The last statement may be the cell's result.
	markResult(pc)

	// Declared names, and what they replace.
	var cellEntries []*entry
	var entryNodes []ast.Decl // the node to compile for each entry; nil after a group's first
	declared := map[string]bool{}
	for _, d := range pc.decls {
		for i, e := range declEntries(fe.fset, pc, d) {
			cellEntries = append(cellEntries, e)
			if i == 0 {
				entryNodes = append(entryNodes, d)
			} else {
				entryNodes = append(entryNodes, nil)
			}
			for _, n := range e.names {
				declared[n] = true
			}
		}
	}

	refs := identNames(pc.fn)
	for _, d := range pc.decls {
		for n := range identNames(d) {
			refs[n] = true
		}
	}

	// Pass 1: top-level := and var are still locals of the cell function.
	// It finds their types, the packages used without an import, and the
	// errors of the statements themselves.
	var info *types.Info
	var errs []types.Error
	for attempt := 0; ; attempt++ {
		info, _, errs, err = fe.check(u.imports, fe.liveDecls(declared, refs, all), pc)
		if err != nil {
			return nil, err
		}
		if attempt > 0 || !fe.autoImport(pc, u.imports, errs) {
			break
		}
	}
	settled := settleResult(pc, info)
	var d1 []diag
	for _, e := range errs {
		if !inside(pc.fn.Body, e.Pos) || isTopLevelUnused(pc.fn, info, e) || isUnusedImport(e) || settled && isResultStmtError(pc, e) {
			continue
		}
		d1 = append(d1, typeDiag(e))
	}
	if len(d1) > 0 {
		return nil, compileError(d1, fe.sources)
	}

	// Hoist the cell's top-level variables to the package.
	hoisted := hoist(fe, pc, info, u.imports)
	for _, h := range hoisted {
		cellEntries = append(cellEntries, h.entry)
		entryNodes = append(entryNodes, h.decl)
		declared[h.entry.names[0]] = true
		u.vars = append(u.vars, h.entry.names[0])
	}

	// Pass 2: the program as it will run.
	live := fe.liveDecls(declared, refs, all)
	var varDecls []ast.Decl
	for _, h := range hoisted {
		varDecls = append(varDecls, h.decl)
	}
	info, pkg, errs, err := fe.check(u.imports, append(live, varDecls...), pc)
	if err != nil {
		return nil, err
	}
	var d2 []diag
	for _, e := range errs {
		if !isUnusedImport(e) {
			d2 = append(d2, typeDiag(e))
		}
	}
	if len(d2) > 0 {
		return nil, compileError(d2, fe.sources)
	}
	u.pkg, u.info = pkg, info
	u.all = append(append(append([]ast.Decl(nil), live...), varDecls...), pc.decls...)
	u.result = resultExpr(pc, info) != nil

	// The session's entries after this cell, and what the interpreter
	// needs to compile.
	byName := map[string]*entry{}
	for _, e := range fe.entries {
		for _, n := range e.names {
			byName[n] = e
		}
	}
	var kept []*entry
	for _, e := range fe.entries {
		if !replaced(e, declared) {
			kept = append(kept, e)
		}
	}
	var newDecls []ast.Decl
	for i, e := range cellEntries {
		old := byName[e.names[0]]
		d := entryNodes[i]
		switch {
		case old != nil && old.sameAs(e):
			kept = append(kept, old)
			if all && d != nil {
				newDecls = append(newDecls, d)
			}
			continue
		case old != nil:
			u.changed = append(u.changed, e.names...)
		case e.kind == kindMethod && byName[strings.Split(e.names[0], ".")[0]] != nil && !all:
			// yaegi cannot add a method to a type it compiled earlier.
			u.changed = append(u.changed, e.names...)
		}
		kept = append(kept, e)
		if d != nil {
			newDecls = append(newDecls, d)
		}
	}
	u.entries = kept
	if all {
		u.compile = append(slices.Clone(live), newDecls...)
	} else {
		u.compile = newDecls
	}
	u.compile = orderDecls(u.compile, info)
	u.rewrites = rewrite(fe, u)
	guardNilResult(pc, info)
	markFinish(fe, pc)
	return u, nil
}

// replaced reports whether a declaration of one of names replaces e.
func replaced(e *entry, names map[string]bool) bool {
	for _, n := range e.names {
		if names[n] {
			return true
		}
	}
	return false
}

// liveDecls returns the parsed declarations of the entries a cell needs
// checked with it: those it refers to, transitively, and those that
// refer to a name it declares again (they may break); all of them when
// all is set. Entries replaced by the cell's names are left out. Checking
// only these keeps a trivial cell fast however long the notebook.
func (fe *frontEnd) liveDecls(declared, refs map[string]bool, all bool) []ast.Decl {
	var live []*entry
	for _, e := range fe.entries {
		if !replaced(e, declared) {
			live = append(live, e)
		}
	}
	include := map[*entry]bool{}
	if all {
		for _, e := range live {
			include[e] = true
		}
	} else {
		byName := map[string][]*entry{}
		for _, e := range live {
			if _, err := e.parse(fe.fset); err != nil {
				continue
			}
			for _, n := range e.names {
				byName[n] = append(byName[n], e)
				if recv, _, ok := strings.Cut(n, "."); ok {
					byName[recv] = append(byName[recv], e) // a type brings its methods
				}
			}
		}
		var queue []string
		for n := range refs {
			queue = append(queue, n)
		}
		for _, e := range live {
			for n := range declared {
				if e.refs[n] {
					queue = append(queue, e.names...) // it uses a redeclared name
					break
				}
			}
		}
		seen := map[string]bool{}
		for len(queue) > 0 {
			n := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			if seen[n] {
				continue
			}
			seen[n] = true
			for _, e := range byName[n] {
				if include[e] {
					continue
				}
				include[e] = true
				for r := range e.refs {
					queue = append(queue, r)
				}
			}
		}
	}
	var ds []ast.Decl
	for _, e := range live {
		if !include[e] {
			continue
		}
		d, err := e.parse(fe.fset)
		if err != nil {
			continue // cannot happen: the text parsed when it was declared
		}
		ds = append(ds, d)
	}
	return ds
}

// inside reports whether pos lies within n.
func inside(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// isUnusedImport reports an "imported and not used" error: in a notebook
// imports persist for later cells, so they are never an error.
func isUnusedImport(e types.Error) bool {
	return strings.Contains(e.Msg, "imported and not used") || strings.Contains(e.Msg, " and not used") && strings.Contains(e.Msg, "imported as")
}

// isTopLevelUnused reports a "declared and not used" error for a variable
// declared at the cell's top level: it lives on for later cells.
func isTopLevelUnused(fn *ast.FuncDecl, info *types.Info, e types.Error) bool {
	if !strings.HasPrefix(e.Msg, "declared and not used") {
		return false
	}
	for _, st := range fn.Body.List {
		for _, id := range topLevelDefs(st) {
			if id.Pos() == e.Pos {
				return true
			}
		}
	}
	return false
}

// topLevelDefs returns the names a top-level statement defines (the left
// side of := or a var declaration).
func topLevelDefs(st ast.Stmt) []*ast.Ident {
	var ids []*ast.Ident
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE {
			for _, l := range st.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		}
	case *ast.DeclStmt:
		if g, ok := st.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, s := range g.Specs {
				ids = append(ids, s.(*ast.ValueSpec).Names...)
			}
		}
	}
	return ids
}

func maps2(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// markFinish gives the cell a runner that calls its function and signals
// when it has returned, even after an interrupt, so that the session
// knows the cell really stopped. The defer lives in the runner: a defer
// in the cell function itself upsets yaegi's closures there.
//
//	func _gkRunN() { _gkfin := _gkrt.Token(); defer _gkrt.Finish(_gkfin); _gkCellN() }
func markFinish(fe *frontEnd, pc *parsedCell) {
	src := "package main\nfunc " + runnerName(pc.count) + "() {\n\t_gkfin := " + rtName + ".Token()\n\tdefer " + rtName + ".Finish(_gkfin)\n\t" + cellFuncName(pc.count) + "()\n}\n"
	f, err := parser.ParseFile(fe.fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	pc.runner = f.Decls[0].(*ast.FuncDecl)
}

// runnerName is the name of the function that runs cell n.
func runnerName(n int) string { return "_gkRun" + strconv.Itoa(n) }

package interp

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
)

// Generated names start with _gk, which a student is unlikely to type.
const (
	cellFuncPrefix = "_gkCell" // the function holding cell N's statements
	rtName         = "_gkrt"   // the runtime helper package, as imported
	fmtName        = "_gkfmt"  // fmt, imported under a private name
)

// cellName is the file name positions of cell n carry.
func cellName(n int) string { return "cell" + strconv.Itoa(n) }

// cellFuncName is the name of the function holding cell n's statements.
func cellFuncName(n int) string { return cellFuncPrefix + strconv.Itoa(n) }

// parsedCell is one cell, split and parsed into a file: its imports, its
// declarations and a function holding its statements, every node carrying
// the cell's own line and column.
type parsedCell struct {
	count   int
	src     []byte
	file    *ast.File
	imports []*ast.ImportSpec
	decls   []ast.Decl    // funcs, methods, types, consts
	fn      *ast.FuncDecl // func _gkCellN() { statements }
	// resultX is the cell's last statement when it is a bare expression:
	// the cell's result, if it has a value.
	resultX ast.Expr
	// program is set when the cell starts with a package clause: a whole
	// program, whose main the cell runs.
	program bool
	// runner calls fn and signals when it returns (markFinish).
	runner *ast.FuncDecl
}

// parseCell parses src as cell count on fset.
func parseCell(fset *token.FileSet, count int, src []byte) (*parsedCell, error) {
	spans := splitCell(src)
	name := cellName(count)
	directive := "//line " + name + ":1:1\n"
	var b bytes.Buffer
	b.WriteString(directive)
	b.WriteString("package main\n")
	b.WriteString(directive)
	b.Write(blank(src, spans, partImport))
	b.WriteString("\n" + directive)
	b.Write(blank(src, spans, partDecl))
	b.WriteString("\nfunc " + cellFuncName(count) + "() {\n" + directive)
	b.Write(blank(src, spans, partStmt))
	b.WriteString("\n}\n")
	f, err := parser.ParseFile(fset, name+".go", b.Bytes(), parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	pc := &parsedCell{count: count, src: src, file: f}
	for _, sp := range spans {
		if sp.part == partPackage {
			pc.program = true
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				for _, s := range d.Specs {
					pc.imports = append(pc.imports, s.(*ast.ImportSpec))
				}
				continue
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == cellFuncName(count) {
				pc.fn = d
				continue
			}
		}
		pc.decls = append(pc.decls, d)
	}
	if pc.fn == nil {
		return nil, fmt.Errorf("%s: the cell's statements did not parse as a function body", name)
	}
	return pc, nil
}

// lineStarts returns the byte offset of the start of each line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf converts a 1-based line and column of src to a byte offset.
func offsetOf(starts []int, srcLen, line, col int) int {
	if line < 1 || line > len(starts) {
		return srcLen
	}
	off := starts[line-1] + col - 1
	if off > srcLen {
		return srcLen
	}
	return off
}

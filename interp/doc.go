// Package interp is the Go side of gokernel: a notebook session that runs
// cells of Go on the yaegi interpreter, with the semantics of compiled Go.
//
// A Session keeps the state that lives between cells (imports,
// declarations, top-level variables) and answers the code-intelligence
// requests of a notebook (completion, inspection, is-complete). It writes
// printed text to the writers it was given and hands rich output (display
// data) to a callback, so it knows nothing about Jupyter messages.
//
// # How a cell runs
//
// yaegi v0.16.1 gets a lot of modern Go wrong, so a cell never reaches it
// as typed. The front end (frontEnd.compile) does what a compiler's does:
//
//  1. Split (split.go): the cell is cut into imports, declarations (func,
//     method, type, const) and statements, in any order, by scanning
//     tokens. Each part is blanked out of the others, so every node keeps
//     the cell's own line and column; the statements become the body of a
//     generated function _gkCellN (cellsrc.go), which gives them Go's
//     function-level scoping.
//  2. Type-check (check.go): go/types checks the cell together with the
//     live declarations of the session it needs (those it refers to,
//     transitively, and those that use a name it redeclares), as one
//     package main. Imports come
//     from export data embedded at go generate time (internal/stdtypes: the
//     standard library and the toolkit), so the first cell needs no go
//     command. A package used without an import line is imported
//     (autoimport.go); an unused import is not an error. Errors keep Go's
//     wording and say "cell[N] line L:C" (errors.go).
//  3. Hoist (hoist.go): top-level := and var become package-level
//     variables with explicit types, so they live on for later cells; a
//     second check sees the program as it will run.
//  4. Rewrite (rewrite*.go): the checked AST becomes the subset of Go that
//     yaegi runs correctly: range over int and over functions, Go 1.22
//     per-iteration loop variables, min/max/clear, explicit type arguments
//     for generic calls, method expressions, promoted methods of embedded
//     interfaces, defers whose operands yaegi would evaluate late, panic
//     messages and positions, values of cell types put into interfaces,
//     type switches with interface cases, break/continue inside select,
//     and a depth count in recursive functions so that runaway recursion
//     stops with "stack overflow in f" instead of killing the process.
//     Declarations reach yaegi callees first (order.go).
//  5. Run (exec.go): the rewritten declarations and _gkCellN are compiled
//     into the interpreter and _gkCellN is called under the cell's context.
//     A bare expression as the last statement reports its value through
//     the gokernel/rt helpers (runtime.go), formatted by fmt inside the
//     interpreter so that String methods apply.
//
// # A cell's result
//
// A cell's result is its last statement when that is a bare expression
// with one value, of any kind: a literal, a name, a selector, an index or
// slice, a type assertion, a unary or binary expression, a composite
// literal, a conversion (bold("hi"), time.Duration(5)), a builtin with a
// value, or a call with one result (result.go). go/types rejects a
// conversion or a value builtin as a statement ("is not used"), so the
// front end turns every such expression into `_ = x` before the check
// sees the program. There is no result for:
//   - a call that returns nothing;
//   - a call with several results, such as fmt.Println's (n, err): Go has
//     no tuple value to show them as;
//   - a nil whose static type is an interface (a nil error, a nil any),
//     or a bare nil, as IPython shows nothing for None, so that a cell
//     ending in srv.Close() or os.Setenv(k, v) shows nothing when it
//     succeeds. Other nils are values: a nil pointer shows <nil>, a nil
//     slice [] and a nil map map[], as fmt prints them. A user expression
//     (Session.UserExpression) shows its nil: a front end asked for it.
//
// # Where state lives
//
// The session keeps every live declaration as source text with its cell
// position (entries.go); a later cell's declaration of a name replaces the
// earlier one. yaegi keeps old bindings of redefined names, so when a
// cell changes an existing declaration the interpreter is rebuilt from the
// entries and the variables' values are carried over when their types
// allow (the others are reset, and the cell says so). Re-running a cell
// that declares the same things changes nothing.
//
// Complete, Inspect and IsComplete answer from the last type-checked
// package, under a read lock, while Execute runs.
package interp

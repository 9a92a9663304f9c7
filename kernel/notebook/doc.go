// Package notebook reads and writes Jupyter notebooks (nbformat 4).
//
// Read accepts any nbformat 4 notebook, checks it against the rules of the
// nbformat 4.5 schema that need no JSON Schema engine (required keys, key
// types, cell id pattern, no unknown keys where the schema forbids them)
// and joins multi-line strings. Write produces what Jupyter's own nbformat
// writes: version 4.5 with cell ids, one-space indentation, sorted keys,
// text split into lists of lines, a final newline. Metadata the package
// does not know (nbgrader's, for instance) is kept as it was.
package notebook

// Package notebooks holds the course notebooks of gokernel: one notebook per
// video of the concurrency course (see README.md), each kept as a percent
// script in src/ and converted and executed by gen.go. The package has no
// code of its own; its test checks the committed notebooks.
package notebooks

// Package install registers gokernel with Jupyter.
//
// A kernelspec is a directory named after the kernel inside one of the
// "kernels" directories Jupyter searches. Install writes kernel.json (whose
// argv starts the kernel), the logos and a copy of the kernel binary there,
// so the spec keeps working after the build cache that `go run` used is
// gone. DataDir computes the data directories the way jupyter_core does.
//
// The logos are drawn by internal/logogen; `go generate ./install` redraws
// them.
package install

//go:generate go run ./internal/logogen

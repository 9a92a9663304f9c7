package stdlib

// Unavailable reports whether a standard package cannot be used in a
// notebook cell, and why, in words for the student. The front end shows
// msg instead of the interpreter's "unable to find source" error.
func Unavailable(importPath string) (msg string, ok bool) {
	switch importPath {
	case "plugin":
		return "package plugin is not available in notebook cells: cells are interpreted, and Go plugins can only be loaded by a compiled program", true
	case "unsafe":
		return "package unsafe is not available in notebook cells: interpreted values are not laid out in memory like compiled Go values", true
	case "C", "runtime/cgo":
		return "cgo is not available in notebook cells: cells are interpreted, there is no C compiler step", true
	case "runtime/race":
		return "package runtime/race is not available in notebook cells: the race detector works on compiled programs (go run -race)", true
	case "syscall/js":
		return "package syscall/js only exists in programs compiled for WebAssembly (GOOS=js)", true
	case "weak":
		return "package weak is not available in notebook cells: its API is generic and works on compiled memory, which interpreted values do not have", true
	case "crypto/hkdf", "crypto/pbkdf2":
		return "package " + importPath + " is not available in notebook cells: its API is generic and not yet provided as interpreted source", true
	case "time/tzdata":
		return "package time/tzdata is not needed in notebook cells: the kernel reads the system's time zone database", true
	}
	return "", false
}

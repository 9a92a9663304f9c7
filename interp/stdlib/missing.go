package stdlib

// Missing reports whether name is a generic function or type of the
// standard package importPath that cells cannot use (reflection cannot
// bind it and no interpreted source provides it), and why. The front end
// can show msg instead of "undefined: rand.N".
func Missing(importPath, name string) (msg string, ok bool) {
	if msg, ok := Unavailable(importPath); ok {
		return msg, true
	}
	why, ok := missing()[importPath+"."+name]
	if !ok {
		return "", false
	}
	return importPath + "." + name + " is not available in notebook cells: " + why, true
}

// missing lists the generic standard symbols without interpreted source.
func missing() map[string]string {
	const compiled = "it is generic and works on compiled memory, which interpreted values do not have"
	return map[string]string{
		"runtime.AddCleanup":           compiled,
		"hash/maphash.Comparable":      compiled,
		"hash/maphash.WriteComparable": compiled,
		"database/sql.Null":            "it is generic and not yet provided as interpreted source; use sql.NullString, sql.NullInt64, ...",
		"math/rand/v2.N":               "it is generic, and an interpreted package named rand would hide math/rand and crypto/rand in yaegi; use rand.Int64N or rand.IntN",
	}
}

package stdlib

import (
	"testing"

	"github.com/gokernel/gokernel/interp/stdlib/gen/bind"
)

// TestGeneratedFilesAreCurrent regenerates every symbol table and alias
// file, as the //go:generate line of stdlib.go does, and compares them
// byte for byte with the committed ones.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	cfg, err := bind.GenerateLine("stdlib.go")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := bind.Stale(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("out of date (run go generate ./interp/stdlib): %v", stale)
	}
	if len(Symbols) < 150 {
		t.Errorf("Symbols has %d packages, want the whole standard library", len(Symbols))
	}
}

package interp

import (
	"fmt"
	"reflect"

	"github.com/gokernel/gokernel/interp/toolkit"
	"github.com/gokernel/gokernel/lib/closer"
	"github.com/gokernel/gokernel/lib/display"
	yaegi "github.com/traefik/yaegi/interp"
)

// useToolkit gives yi the toolkit packages with every constructor wrapped
// by set: each server, loop or pool a cell starts (any io.Closer a toolkit
// function returns) is added to set, so that an interrupt, a reset or
// the end of the session can stop them all (Session.CloseAll).
func useToolkit(yi *yaegi.Interpreter, set *closer.Set) error {
	wrapped := make(yaegi.Exports, len(toolkit.Symbols))
	for pkg, syms := range toolkit.Symbols {
		m := make(map[string]reflect.Value, len(syms))
		for name, v := range syms {
			if pkg == display.ImportPath+"/display" {
				m[name] = v // bound per session by useDisplay; nothing to close
				continue
			}
			m[name] = set.Wrap(v)
		}
		wrapped[pkg] = m
	}
	if err := yi.Use(wrapped); err != nil {
		return fmt.Errorf("use toolkit symbols: %w", err)
	}
	return nil
}

// CloseAll stops every server, event loop and pool that cells started
// through the toolkit, newest first. The executor calls it when a cell is
// interrupted and when the session ends; the session stays usable.
func (s *Session) CloseAll() error {
	if err := s.closers.Close(); err != nil {
		return fmt.Errorf("stop what cells started: %w", err)
	}
	return nil
}

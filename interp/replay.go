package interp

import (
	"context"
	"errors"
	"fmt"
	"sort"
)

// ReplayCell is a cell to replay and the execution count it ran with.
type ReplayCell struct {
	Code  string
	Count int
}

// Replay restores the declarations of earlier cells (imports, types,
// funcs, methods, consts) into the session, as after a crash of the
// process that ran them, without running their statements: top-level
// variables are declared with their zero values. Cells are numbered 1..n
// in messages; ReplayCells takes their real counts. It returns the names
// now declared. A cell that no longer compiles is skipped; the error
// lists those.
func (s *Session) Replay(ctx context.Context, cells []string) ([]string, error) {
	rc := make([]ReplayCell, len(cells))
	for i, c := range cells {
		rc[i] = ReplayCell{Code: c, Count: i + 1}
	}
	return s.ReplayCells(ctx, rc)
}

// ReplayCells is Replay with each cell's execution count.
func (s *Session) ReplayCells(ctx context.Context, cells []ReplayCell) ([]string, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	var errs []error
	for _, c := range cells {
		if err := ctx.Err(); err != nil {
			return s.declaredNames(), fmt.Errorf("replay: %w", err)
		}
		if err := s.declare(c.Code, c.Count); err != nil {
			errs = append(errs, fmt.Errorf("cell[%d]: %w", c.Count, err))
		}
	}
	return s.declaredNames(), errors.Join(errs...)
}

// declare compiles a cell's declarations and variables into the session
// without running its statements.
func (s *Session) declare(code string, count int) error {
	u, err := s.fe.compile(count, []byte(code), false)
	if err != nil {
		return err
	}
	if len(u.changed) > 0 || s.dirty {
		if _, err := s.rebuild(count, code, u); err != nil {
			return err
		}
		u = s.lastUnit
	} else if err := s.load(s.yi, u); err != nil {
		if !errors.Is(err, errRebind) {
			s.dirty = true
			return err
		}
		if _, err := s.rebuild(count, code, u); err != nil {
			return err
		}
		u = s.lastUnit
	}
	s.commit(u)
	return nil
}

// declaredNames lists the names the session declares, sorted.
func (s *Session) declaredNames() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var names []string
	for _, e := range s.fe.entries {
		names = append(names, e.names...)
	}
	sort.Strings(names)
	return names
}

package kernel

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// historyKeep is how many past entries a kernel loads from its history file.
const historyKeep = 10000

// historyFile keeps the cells of every kernel session in one file of JSON
// lines, so that history_request also sees earlier sessions, as IPython's
// history database does. Kernels sharing the file take session numbers
// under an exclusive flock and append each cell with one O_APPEND write.
type historyFile struct {
	f *os.File
}

// historyRecord is one line of the file. Line 0 marks the start of a session.
type historyRecord struct {
	Session int    `json:"session"`
	Line    int    `json:"line"`
	Input   string `json:"input,omitempty"`
	Output  string `json:"output,omitempty"`
}

// openHistoryFile opens (creating) the history file at path.
func openHistoryFile(path string) (*historyFile, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("history file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("history file: %w", err)
	}
	return &historyFile{f: f}, nil
}

// newSession reads the file, claims the next session number and returns it
// with the last historyKeep entries of earlier sessions.
func (h *historyFile) newSession() (session int, past []historyEntry, err error) {
	fd := int(h.f.Fd())
	if err := syscall.Flock(fd, syscall.LOCK_EX); err != nil {
		return 0, nil, fmt.Errorf("lock history file: %w", err)
	}
	defer func() { _ = syscall.Flock(fd, syscall.LOCK_UN) }()
	if _, err := h.f.Seek(0, 0); err != nil {
		return 0, nil, fmt.Errorf("read history file: %w", err)
	}
	sc := bufio.NewScanner(h.f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	last := 0
	for sc.Scan() {
		var r historyRecord
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue // a torn or foreign line: skip it
		}
		last = max(last, r.Session)
		if r.Line > 0 {
			past = append(past, historyEntry{session: r.Session, line: r.Line, input: r.Input, output: r.Output})
			if len(past) > 2*historyKeep {
				past = append(past[:0], past[len(past)-historyKeep:]...)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, nil, fmt.Errorf("read history file: %w", err)
	}
	session = last + 1
	if err := h.write(historyRecord{Session: session}); err != nil {
		return 0, nil, err
	}
	return session, lastN(past, historyKeep), nil
}

// add appends one cell.
func (h *historyFile) add(e historyEntry) error {
	return h.write(historyRecord{Session: e.session, Line: e.line, Input: e.input, Output: e.output})
}

func (h *historyFile) write(r historyRecord) error {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("history record: %w", err)
	}
	if _, err := h.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write history file: %w", err)
	}
	return nil
}

func (h *historyFile) close() error {
	return h.f.Close()
}

// openHistory starts this kernel's history session: in the history file
// when there is one, else in memory only. A history file that cannot be
// used is logged, not fatal.
func (s *Server) openHistory() {
	s.state.mu.Lock()
	defer s.state.mu.Unlock()
	s.state.historySession = 1
	if s.opts.historyFile == "" {
		return
	}
	h, err := openHistoryFile(s.opts.historyFile)
	if err == nil {
		var past []historyEntry
		if s.state.historySession, past, err = h.newSession(); err == nil {
			s.state.history, s.state.file = past, h
			return
		}
		_ = h.close()
	}
	s.log.Warn("history kept in memory only", "err", err)
	s.state.historySession = 1
}

// nextHistorySession starts a new session after a restart in place.
// The caller holds s.state.mu.
func (s *Server) nextHistorySession() {
	if s.state.file != nil {
		n, _, err := s.state.file.newSession()
		if err == nil {
			s.state.historySession = n
			return
		}
		s.log.Warn("history file", "err", err)
	}
	s.state.historySession++
}

// recordHistory adds a cell to the history. The caller holds s.state.mu.
func (s *Server) recordHistory(e historyEntry) {
	s.state.history = append(s.state.history, e)
	if s.state.file != nil {
		if err := s.state.file.add(e); err != nil {
			s.log.Warn("history file", "err", err)
		}
	}
}

func (s *Server) closeHistory() {
	s.state.mu.Lock()
	defer s.state.mu.Unlock()
	if s.state.file != nil {
		_ = s.state.file.close()
		s.state.file = nil
	}
}

package kernel

import (
	"context"
	"regexp"
	"strings"
)

// historyEntry is one cell run with store_history.
type historyEntry struct {
	session, line int
	input, output string
}

// historyContent is the content of a history_request.
type historyContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"` // tail, range or search
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// history answers history_request from the cells the kernel has recorded
// (this kernel's sessions, and earlier ones read from the history file):
// tail, range and search, as IPython does.
func (s *Server) history(_ context.Context, req *request) {
	var c historyContent
	if err := req.msg.DecodeContent(&c); err != nil {
		s.replyError(req, "BadMessage", err.Error())
		return
	}
	s.state.mu.Lock()
	all := append([]historyEntry(nil), s.state.history...)
	current := s.state.historySession
	s.state.mu.Unlock()

	var picked []historyEntry
	switch c.HistAccessType {
	case "tail":
		picked = lastN(all, c.N)
	case "range":
		session := c.Session
		if session <= 0 { // 0 is the current session, -1 the one before, ...
			session += current
		}
		for _, e := range all {
			if e.session == session && e.line >= c.Start && (c.Stop <= 0 || e.line < c.Stop) {
				picked = append(picked, e)
			}
		}
	case "search":
		re, err := globRegexp(c.Pattern)
		if err != nil {
			s.replyError(req, "BadPattern", err.Error())
			return
		}
		seen := map[string]bool{}
		// Newest first, so that unique keeps the latest run of each input.
		for i := len(all) - 1; i >= 0; i-- {
			e := all[i]
			if !re.MatchString(e.input) || (c.Unique && seen[e.input]) {
				continue
			}
			seen[e.input] = true
			picked = append(picked, e)
		}
		for i, j := 0, len(picked)-1; i < j; i, j = i+1, j-1 {
			picked[i], picked[j] = picked[j], picked[i]
		}
		picked = lastN(picked, c.N)
	default:
		s.replyError(req, "BadRequest", "unknown hist_access_type "+c.HistAccessType)
		return
	}
	out := make([][]any, 0, len(picked))
	for _, e := range picked {
		if c.Output {
			var output any // null when the cell had no result, as in IPython
			if e.output != "" {
				output = e.output
			}
			out = append(out, []any{e.session, e.line, []any{e.input, output}})
		} else {
			out = append(out, []any{e.session, e.line, e.input})
		}
	}
	s.reply(req, map[string]any{"status": "ok", "history": out})
}

// lastN returns the last n entries (all of them when n <= 0).
func lastN(es []historyEntry, n int) []historyEntry {
	if n > 0 && len(es) > n {
		return es[len(es)-n:]
	}
	return es
}

// globRegexp compiles a history search pattern: * is any text (newlines
// too), ? one character, everything else literal; the whole input must match.
func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`\z`)
	return regexp.Compile(b.String())
}

package wire

import "sync"

// DefaultReplayWindow is how many recent signatures a ReplayGuard remembers.
const DefaultReplayWindow = 1 << 16

// ReplayGuard remembers the last N signatures it was shown, in a ring, so
// that a message sent again verbatim is rejected. Memory is bounded: the
// oldest signature is forgotten when the ring is full. It is safe for
// concurrent use.
type ReplayGuard struct {
	mu   sync.Mutex
	seen map[string]struct{}
	ring []string
	next int
}

// NewReplayGuard returns a guard that remembers the last n signatures.
func NewReplayGuard(n int) *ReplayGuard {
	if n < 1 {
		n = 1
	}
	return &ReplayGuard{seen: make(map[string]struct{}, n), ring: make([]string, n)}
}

// Check records sig and reports whether it is new. The empty signature
// (unsigned mode) is always new.
func (g *ReplayGuard) Check(sig string) bool {
	if sig == "" {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, dup := g.seen[sig]; dup {
		return false
	}
	if old := g.ring[g.next]; old != "" {
		delete(g.seen, old)
	}
	g.ring[g.next] = sig
	g.seen[sig] = struct{}{}
	g.next = (g.next + 1) % len(g.ring)
	return true
}

package execproto

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// TestEventsAreStamped checks that every event carries the stream counts
// and that a change of the counts alone is sent as a streams event.
func TestEventsAreStamped(t *testing.T) {
	var out, errs atomic.Int64
	reqR, reqW := io.Pipe()
	evR, evW := io.Pipe()
	srv := NewServer(reqR, evW)
	srv.CountStreams(func() (int64, int64) { return out.Load(), errs.Load() })
	c := &conn{t: t, req: reqW, events: evR, done: make(chan error, 1)}
	go func() {
		err := srv.Serve(context.Background(), fakeSession{srv: srv})
		evW.Close()
		c.done <- err
	}()
	defer func() {
		reqW.Close()
		go io.Copy(io.Discard, evR)
		select {
		case err := <-c.done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("Serve did not return after its input ended")
		}
	}()
	if ev := c.next(); ev.Type != EvReady || ev.StdoutBytes != 0 || ev.StderrBytes != 0 {
		t.Fatalf("first event %+v, want ready with no bytes", ev)
	}

	out.Store(5)
	errs.Store(3)
	if ev := c.next(); ev.Type != EvStreams || ev.StdoutBytes != 5 || ev.StderrBytes != 3 {
		t.Fatalf("after printing: event %+v, want streams 5/3", ev)
	}
	c.send(Request{ID: 1, Type: ReqExecute, Code: "display"})
	if ev := c.next(); ev.Type != EvOutput || ev.Output.Type != engine.DisplayData || ev.StdoutBytes != 5 || ev.StderrBytes != 3 {
		t.Fatalf("display: event %+v, want display_data stamped 5/3", ev)
	}
	if ev := c.next(); ev.Type != EvReply || ev.StdoutBytes != 5 || ev.StderrBytes != 3 {
		t.Fatalf("reply %+v, want stamped 5/3", ev)
	}
	out.Store(9)
	if ev := c.next(); ev.Type != EvStreams || ev.StdoutBytes != 9 || ev.StderrBytes != 3 {
		t.Fatalf("after more printing: event %+v, want streams 9/3", ev)
	}
}

package execproto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"

	"github.com/gokernel/gokernel/kernel/engine"
)

func TestFrameRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	sent := []Event{
		{Type: EvReady, PID: 42},
		{Type: EvOutput, ID: 3, Output: &engine.Output{Type: engine.DisplayData, Data: map[string]any{"text/html": "<b>é</b>"}}},
		{Type: EvReply, ID: 3, Execute: &engine.ExecuteReply{Status: engine.StatusError, EName: "panic", Traceback: []string{"a", "b"}}},
	}
	for _, ev := range sent {
		if err := WriteFrame(&buf, ev); err != nil {
			t.Fatal(err)
		}
	}
	for i, want := range sent {
		var got Event
		if err := ReadFrame(&buf, &got); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if got.Type != want.Type || got.ID != want.ID || got.PID != want.PID {
			t.Errorf("frame %d = %+v, want %+v", i, got, want)
		}
	}
	var ev Event
	if err := ReadFrame(&buf, &ev); !errors.Is(err, io.EOF) {
		t.Errorf("after the last frame: %v, want io.EOF", err)
	}
}

func TestFrameErrors(t *testing.T) {
	huge := make([]byte, 4)
	binary.BigEndian.PutUint32(huge, MaxFrame+1)
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"too large", huge, ErrFrameTooLarge},
		{"cut header", []byte{0, 0}, io.ErrUnexpectedEOF},
		{"cut body", []byte{0, 0, 0, 9, '{'}, io.ErrUnexpectedEOF},
	} {
		var ev Event
		if err := ReadFrame(bytes.NewReader(tc.in), &ev); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	var ev Event
	if err := ReadFrame(bytes.NewReader([]byte{0, 0, 0, 1, '['}), &ev); err == nil {
		t.Error("bad JSON accepted")
	}
}

package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Delimiter separates the routing identities from the message proper.
const Delimiter = "<IDS|MSG>"

// DefaultMaxSize is the default limit on the total size of a message's frames.
const DefaultMaxSize = 64 << 20

// Errors of Decode; each is wrapped with detail.
var (
	ErrNoDelimiter   = errors.New("no <IDS|MSG> delimiter")
	ErrTooFewFrames  = errors.New("too few frames after delimiter")
	ErrTooLarge      = errors.New("message too large")
	ErrBadSignature  = errors.New("bad signature")
	ErrReplayed      = errors.New("replayed signature")
	ErrBadHeader     = errors.New("bad header")
	ErrBadContent    = errors.New("bad parent_header, metadata or content")
	errMissingFields = errors.New("missing msg_id or msg_type")
)

// Codec encodes and decodes messages for one kernel: it signs with one key
// and remembers the signatures it has accepted. It is safe for concurrent use.
type Codec struct {
	signer  *Signer
	guard   *ReplayGuard
	maxSize int
}

// NewCodec returns a Codec that signs with key (empty: unsigned), rejects
// replays within the last DefaultReplayWindow signatures and messages larger
// than maxSize bytes (0 means DefaultMaxSize).
func NewCodec(key string, maxSize int) *Codec {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	return &Codec{signer: NewSigner(key), guard: NewReplayGuard(DefaultReplayWindow), maxSize: maxSize}
}

// Encode returns the frames of m, signed.
func (c *Codec) Encode(m *Message) ([][]byte, error) {
	header, err := json.Marshal(m.Header)
	if err != nil {
		return nil, fmt.Errorf("encode header: %w", err)
	}
	parent := []byte("{}")
	if m.ParentHeader != (Header{}) {
		if parent, err = json.Marshal(m.ParentHeader); err != nil {
			return nil, fmt.Errorf("encode parent header: %w", err)
		}
	}
	md := m.Metadata
	if md == nil {
		md = map[string]any{}
	}
	metadata, err := json.Marshal(md)
	if err != nil {
		return nil, fmt.Errorf("encode metadata: %w", err)
	}
	content := []byte(m.Content)
	if len(content) == 0 {
		content = []byte("{}")
	}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter), []byte(c.signer.Sign(header, parent, metadata, content)),
		header, parent, metadata, content)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// Decode parses frames into a Message. It checks, in this order, the size
// limit, the delimiter, the frame count, the signature and replay, then the
// JSON. When only the parent header, metadata or content is bad, it returns
// the message with its header (so the caller may answer) and an error
// wrapping ErrBadContent.
func (c *Codec) Decode(frames [][]byte) (*Message, error) {
	total := 0
	for _, f := range frames {
		total += len(f)
	}
	if total > c.maxSize {
		return nil, fmt.Errorf("decode: %w: %d bytes > limit %d", ErrTooLarge, total, c.maxSize)
	}
	delim := -1
	for i, f := range frames {
		if bytes.Equal(f, []byte(Delimiter)) {
			delim = i
			break
		}
	}
	if delim < 0 {
		return nil, fmt.Errorf("decode %d frames: %w", len(frames), ErrNoDelimiter)
	}
	rest := frames[delim+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("decode: %w: %d, want at least 5", ErrTooFewFrames, len(rest))
	}
	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if !c.signer.Verify(sig, header, parent, metadata, content) {
		return nil, fmt.Errorf("decode: %w", ErrBadSignature)
	}
	if c.signer.Enabled() && !c.guard.Check(string(sig)) {
		return nil, fmt.Errorf("decode: %w %.16s…", ErrReplayed, sig)
	}
	m := &Message{Identities: frames[:delim], Buffers: rest[5:]}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("decode: %w: %w", ErrBadHeader, err)
	}
	if m.Header.MsgID == "" || m.Header.MsgType == "" {
		return nil, fmt.Errorf("decode: %w: %w", ErrBadHeader, errMissingFields)
	}
	if err := json.Unmarshal(parent, &m.ParentHeader); err != nil {
		return m, fmt.Errorf("decode %s: %w: parent_header: %w", m.Header.MsgType, ErrBadContent, err)
	}
	if err := json.Unmarshal(metadata, &m.Metadata); err != nil {
		return m, fmt.Errorf("decode %s: %w: metadata: %w", m.Header.MsgType, ErrBadContent, err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(content, &obj); err != nil {
		return m, fmt.Errorf("decode %s: %w: content: %w", m.Header.MsgType, ErrBadContent, err)
	}
	m.Content = json.RawMessage(content)
	return m, nil
}

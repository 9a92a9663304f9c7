package wire

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// ProtocolVersion is the version of the Jupyter messaging protocol whose
// rules gokernel follows; it goes into every header the kernel writes.
const ProtocolVersion = "5.4"

// Header is a message header (and a parent header).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one Jupyter message. Identities are the ZeroMQ routing frames
// before the delimiter (the client's identity on ROUTER sockets, the topic
// on iopub). An empty ParentHeader (MsgID "") is sent as {}.
type Message struct {
	Identities   [][]byte
	Header       Header
	ParentHeader Header
	Metadata     map[string]any
	Content      json.RawMessage
	Buffers      [][]byte
}

// timeFormat is ISO 8601 with microseconds, as jupyter_client writes dates.
const timeFormat = "2006-01-02T15:04:05.000000Z07:00"

// NewHeader returns a header for a new message of type msgType in session:
// a fresh UUID, the current time in UTC and ProtocolVersion.
func NewHeader(session, username, msgType string) Header {
	return Header{
		MsgID:    uuid.NewString(),
		Session:  session,
		Username: username,
		Date:     time.Now().UTC().Format(timeFormat),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// NewMessage returns a message of type msgType with the given content
// (marshalled to JSON), in reply to parent when parent is not nil. The
// reply goes to the parent's identities.
func NewMessage(session, username, msgType string, parent *Message, content any) (*Message, error) {
	raw, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("marshal %s content: %w", msgType, err)
	}
	m := &Message{
		Header:   NewHeader(session, username, msgType),
		Metadata: map[string]any{},
		Content:  raw,
	}
	if parent != nil {
		m.ParentHeader = parent.Header
		m.Identities = parent.Identities
	}
	return m, nil
}

// DecodeContent unmarshals the content of m into v.
func (m *Message) DecodeContent(v any) error {
	if err := json.Unmarshal(m.Content, v); err != nil {
		return fmt.Errorf("decode %s content: %w", m.Header.MsgType, err)
	}
	return nil
}

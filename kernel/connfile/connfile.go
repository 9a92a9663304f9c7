// Package connfile reads the JSON connection file that Jupyter writes for a
// kernel: the transport, the address, the five channel ports and the key
// that signs every message. It knows nothing about sockets; it only turns
// the file into a Config and a Config into ZeroMQ endpoint strings.
package connfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Channel names one of the five Jupyter channels.
type Channel string

// The five channels of a Jupyter kernel.
const (
	Shell   Channel = "shell"
	IOPub   Channel = "iopub"
	Stdin   Channel = "stdin"
	Control Channel = "control"
	HB      Channel = "hb"
)

// Channels lists every channel, in the order Jupyter documents them.
func Channels() []Channel {
	return []Channel{Shell, IOPub, Stdin, Control, HB}
}

// SchemeHMACSHA256 is the only signature scheme gokernel supports, and the
// one every Jupyter client uses.
const SchemeHMACSHA256 = "hmac-sha256"

// ErrInvalid is wrapped by every error about the content of a connection file.
var ErrInvalid = errors.New("invalid connection file")

// Config is the content of a connection file.
type Config struct {
	Transport       string `json:"transport"` // "tcp" or "ipc"
	IP              string `json:"ip"`        // an address for tcp, a path prefix for ipc
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"` // empty: messages are not signed
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// Load reads and checks the connection file at path.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read connection file: %w", err)
	}
	cfg, err := Parse(data)
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// Parse decodes and checks the JSON of a connection file.
func Parse(data []byte) (Config, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Config{}, fmt.Errorf("%w: bad JSON: %w", ErrInvalid, err)
	}
	var missing []string
	for _, k := range []string{"transport", "ip", "shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"} {
		if _, ok := raw[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return Config{}, fmt.Errorf("%w: missing field(s) %s", ErrInvalid, strings.Join(missing, ", "))
	}
	var cfg Config
	if err := json.Unmarshal(data, &cfg); err != nil {
		return Config{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// Validate reports what is wrong with c, if anything. An empty signature
// scheme with a key means hmac-sha256, as in jupyter_client.
func (c *Config) Validate() error {
	switch c.Transport {
	case "tcp", "ipc":
	default:
		return fmt.Errorf("%w: unsupported transport %q (want tcp or ipc)", ErrInvalid, c.Transport)
	}
	if c.IP == "" {
		return fmt.Errorf("%w: empty ip", ErrInvalid)
	}
	for _, ch := range Channels() {
		p := c.Port(ch)
		if p < 0 || p > 65535 || (c.Transport == "tcp" && p == 0) {
			return fmt.Errorf("%w: bad %s_port %d", ErrInvalid, ch, p)
		}
	}
	if c.SignatureScheme == "" && c.Key != "" {
		c.SignatureScheme = SchemeHMACSHA256
	}
	if c.SignatureScheme != "" && c.SignatureScheme != SchemeHMACSHA256 {
		return fmt.Errorf("%w: unsupported signature_scheme %q (want %s)", ErrInvalid, c.SignatureScheme, SchemeHMACSHA256)
	}
	return nil
}

// Port returns the port of channel ch (0 for an unknown channel).
func (c Config) Port(ch Channel) int {
	switch ch {
	case Shell:
		return c.ShellPort
	case IOPub:
		return c.IOPubPort
	case Stdin:
		return c.StdinPort
	case Control:
		return c.ControlPort
	case HB:
		return c.HBPort
	}
	return 0
}

// Endpoint returns the ZeroMQ endpoint of channel ch: "tcp://IP:PORT", or
// for ipc "ipc://IP-PORT", since Jupyter uses ip as a path prefix there.
func (c Config) Endpoint(ch Channel) string {
	if c.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", c.IP, c.Port(ch))
	}
	host := c.IP
	if strings.Contains(host, ":") { // an IPv6 address
		host = "[" + host + "]"
	}
	return fmt.Sprintf("tcp://%s:%d", host, c.Port(ch))
}

package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// Signer signs messages with HMAC-SHA256. The zero value (no key) signs
// nothing: its signatures are empty and it accepts any signature, as
// Jupyter does when the connection file has an empty key.
type Signer struct {
	key []byte
}

// NewSigner returns a Signer for key; an empty key means unsigned.
func NewSigner(key string) *Signer {
	return &Signer{key: []byte(key)}
}

// Enabled reports whether messages are signed.
func (s *Signer) Enabled() bool {
	return len(s.key) > 0
}

// Sign returns the hex signature of the four JSON frames, or "" unsigned.
func (s *Signer) Sign(header, parent, metadata, content []byte) string {
	if !s.Enabled() {
		return ""
	}
	return hex.EncodeToString(s.mac(header, parent, metadata, content))
}

// Verify reports, in constant time, whether sig is the hex signature of the
// four frames. Unsigned, every signature is accepted.
func (s *Signer) Verify(sig, header, parent, metadata, content []byte) bool {
	if !s.Enabled() {
		return true
	}
	got := make([]byte, hex.DecodedLen(len(sig)))
	n, err := hex.Decode(got, sig)
	if err != nil {
		return false
	}
	return hmac.Equal(got[:n], s.mac(header, parent, metadata, content))
}

func (s *Signer) mac(parts ...[]byte) []byte {
	h := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

// Package wire is the Jupyter wire format: a message as the multipart
// ZeroMQ frames that carry it, signed with HMAC-SHA256.
//
// A message on the wire is
//
//	identities... "<IDS|MSG>" signature header parent_header metadata content buffers...
//
// The signature is the hex HMAC of the four JSON frames, keyed with the key
// from the connection file; an empty key means messages are not signed. A
// Codec turns frames into a Message and back, checks signatures in constant
// time, rejects a signature it has already seen (a replayed message) and
// rejects messages larger than a limit before parsing any JSON.
package wire

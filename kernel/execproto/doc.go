// Package execproto is the pipe protocol between the supervisor (in the
// kernel process) and the executor (the child process that runs cells).
//
// The executor is started as `kernel executor` with these file
// descriptors:
//
//	fd 0  /dev/null (cells read standard input through input_request)
//	fd 1  stdout pipe: what cells print; streamed to the notebook
//	fd 2  crash pipe: the Go runtime writes fatal errors and unhandled
//	      panics to raw fd 2; the supervisor keeps this text to explain a
//	      death and never streams it
//	fd 3  stderr pipe: os.Stderr of the executor; streamed to the notebook
//	fd 4  requests, supervisor -> executor
//	fd 5  events, executor -> supervisor
//
// Requests and events are frames: a 4-byte big-endian length followed by
// that many bytes of JSON (a Request or an Event). Every request carries
// an id; the executor answers each request except interrupt and
// input_reply with exactly one reply event of the same id. Outputs and
// input requests are tagged with the id of the execute request that
// caused them.
//
// After replacing a dead executor, the supervisor sends a replay request
// with the cells that had run without error, so that a Session that is a
// Replayer restores their declarations.
//
// The executor reads requests on their own goroutine, so interrupt,
// complete, inspect and is_complete are served while a cell runs. Its
// side of the protocol is Server; the supervisor side lives in package
// supervisor.
//
// Ordering: the executor writes a cell's printed text to fd 1 and fd 3
// through CountingWriters and stamps every event with the number of bytes
// written to each pipe so far (Event.StdoutBytes, Event.StderrBytes). A
// counted write has returned before the event is written, so when the
// supervisor reads an event, the stamped bytes are in the pipes or already
// read: it shows exactly the text up to the stamps, then the event, and
// keeps the text after the stamps for later. While the counts change the
// executor also sends streams events (every StampInterval) that carry
// only the stamps, so that text printed between other events streams.
// The executor's os.Stdout (fd 1) and os.Stderr are Relays whose text is
// copied into the counting writers (and synced before each stamp), so
// that cells writing to os.Stdout or os.Stderr, compiled libraries and
// child processes are counted too. Text that reaches a pipe uncounted
// would shift the positions; the supervisor shows everything it has read
// when a cell's reply has arrived, so no text is held back past its cell.
package execproto

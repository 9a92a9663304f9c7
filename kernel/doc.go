// Package kernel is the Jupyter side of gokernel: a Server that owns the
// five ZeroMQ sockets of a connection file and answers the Jupyter
// messaging protocol (version 5.4) by calling an engine.Engine.
//
// The model follows ipykernel. Every socket has one reader goroutine and one
// writer (an outbox), so that a client that has not connected yet never
// blocks the kernel. Requests are dispatched by msg_type through a table of
// handlers, one function per message type. On shell, execute_request goes
// to a single worker that runs cells in order; every other request is
// answered on its own goroutine, so completion, inspection and is_complete
// are answered while a cell runs. Control has its own reader, so interrupt
// and shutdown are answered while a cell runs too. Every request processed
// on shell or control is wrapped in status busy / status idle on iopub.
//
// After a cell fails (and stop_on_error is true, the default), the execute
// requests that were received before the failure was reported are answered
// with status "aborted" without running, as ipykernel does.
//
// Messages are signed with the connection file's key; a message with a bad
// signature, a replayed signature or malformed frames is logged and dropped.
// The sockets listen through a transport that follows the ZeroMQ framing and
// disconnects a peer whose message would exceed the size limit (64 MiB by
// default) before zmq4 allocates it.
//
// History (history_request tail, range and search) holds the cells run with
// store_history, in memory, or with WithHistoryFile in a JSON-lines file
// that several kernels share, so earlier sessions are searchable too.
//
// Shutdown: a shutdown_request (on control or shell) is answered and then Run
// returns, with or without restart, because a Jupyter client restarts a
// kernel by starting a new process (jupyter_client waits for the old one to
// exit, and kills it if it does not). With the WithRestartInPlace option, a
// restart instead calls Engine.Restart and keeps serving; the execution count
// then starts again at 1 and history opens a new session, which is what a
// user of ipykernel sees after a restart.
package kernel

// Package supervisor implements engine.Engine by running cells in a child
// executor process (`kernel executor`), so that no cell can kill the
// kernel: a goroutine panic, a stack overflow, concurrent map writes,
// os.Exit or an allocation storm ends the executor, and the supervisor
// explains what happened in the cell's error, starts a fresh executor and
// carries on.
//
// The pipes between the two processes are described in package execproto.
// The supervisor
//
//   - streams the executor's stdout and stderr pipes as stream outputs,
//     coalesced (one message per FlushInterval or FlushSize, never one per
//     line) and capped per cell (OutputLimit);
//   - keeps the exact order of text and rich output: the executor stamps
//     every event with the bytes it had written to each pipe (see package
//     execproto); on an event the supervisor drains the pipes (a
//     non-blocking read until empty, serialized with the pump goroutines
//     that normally read them), which makes sure every stamped byte has
//     been read, shows the text up to the stamps, then the event, and
//     holds the text read past the stamps (a fence) for the next event or
//     streams stamp; at the end of a cell, and when the executor is gone,
//     everything read is shown;
//   - keeps the crash pipe's text (Go's fatal error and panic output) to
//     explain a death through Config.Explain, never streaming it;
//   - watches the executor's resident memory and kills it above
//     Config.MemoryLimit;
//   - turns an interrupt into a request to cancel the cell, and kills and
//     restarts the executor when the cell has not stopped within
//     Config.InterruptGrace;
//   - answers a cell's reads of standard input with the engine.InputFunc
//     it was given, using the unfinished last line of stdout as the prompt.
package supervisor

package main

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"

	"github.com/gokernel/gokernel/interp"
	"github.com/gokernel/gokernel/interp/magic"
	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/execproto"
	"github.com/gokernel/gokernel/kernel/supervisor"
)

// File descriptors the supervisor gives the executor (see package
// execproto): fd 1 stdout and fd 2 the crash pipe come as usual.
const (
	fdStderr   = 3
	fdRequests = 4
	fdEvents   = 5
)

func init() {
	commands["executor"] = command{
		summary: "internal: the child process that runs cells (started by serve)",
		run:     runExecutor,
		hidden:  true,
	}
}

// runExecutor serves the supervisor on the inherited pipes until it says
// shutdown or goes away.
func runExecutor(args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(os.Stderr, "kernel executor: takes no arguments; it is started by the kernel itself")
		return 2
	}
	files := make([]*os.File, 0, 3)
	for _, fd := range []int{fdStderr, fdRequests, fdEvents} {
		// Cells may start processes: they must not inherit the pipes.
		syscall.CloseOnExec(fd)
		f := os.NewFile(uintptr(fd), "fd"+strconv.Itoa(fd))
		if _, err := f.Stat(); err != nil {
			fmt.Fprintf(os.Stderr, "kernel executor: fd %d is not open; this command is started by `kernel serve`\n", fd)
			return 2
		}
		files = append(files, f)
	}
	stderr, requests, events := files[0], files[1], files[2]
	// Go's runtime keeps writing crashes to fd 2; everything else a cell
	// or a library writes to standard error goes to the streamed pipe.
	// crash must stay reachable: the finalizer of an unreachable *os.File
	// would close fd 2, and the crash text would be lost.
	crash := os.Stderr
	defer runtime.KeepAlive(crash)
	os.Stderr = stderr

	if limit, err := supervisor.ParseSize(os.Getenv(supervisor.MemoryLimitEnv)); err == nil && limit > 0 {
		debug.SetMemoryLimit(limit * 9 / 10) // the GC works harder before the watchdog kills
	}

	srv := execproto.NewServer(requests, events)
	// Everything printed is counted, so that the supervisor can put it
	// exactly where it belongs among the events.
	streams, err := countStreams(stderr)
	if err != nil {
		fmt.Fprintf(crash, "kernel executor: %v\n", err)
		return 1
	}
	defer func() {
		if err := streams.Close(); err != nil {
			slog.Debug("shutdown: stop the stream relays", "err", err)
		}
	}()
	srv.CountStreams(streams.Counts)
	stdoutW, stderrW := streams.Out, streams.Err
	log.SetOutput(stderrW)

	// SIGINT (e.g. Ctrl-C in a terminal reaches the whole process group)
	// interrupts the cell. Notify also undoes an inherited "ignore".
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for {
			select {
			case <-sigs:
				srv.Interrupt()
			case <-ctx.Done():
				return
			}
		}
	}()

	sess, err := interp.New(interp.Options{
		Stdout:  stdoutW,
		Stderr:  stderrW,
		Stdin:   srv.Stdin(),
		Display: func(d interp.Display) { _ = srv.Output(displayOutput(d)) },
		Crash:   crash,
	})
	if err != nil {
		fmt.Fprintf(crash, "kernel executor: %v\n", err)
		return 1
	}
	a := newSessionAdapter(sess, magic.Env{
		Stdout: stdoutW,
		Stderr: stderrW,
		Display: func(data, metadata map[string]any) {
			_ = srv.Output(engine.Output{Type: engine.DisplayData, Data: data, Metadata: orEmpty(metadata)})
		},
		Input: stdinInput(stdoutW, srv.Stdin()),
	})
	err = srv.Serve(ctx, a)
	// Servers and loops that cells started end with the session.
	if cerr := sess.CloseAll(); cerr != nil {
		slog.Debug("shutdown: stop what cells started", "err", cerr)
	}
	if err != nil {
		fmt.Fprintf(crash, "kernel executor: %v\n", err)
		return 1
	}
	return 0
}

// displayOutput turns a session's rich output into an engine output.
func displayOutput(d interp.Display) engine.Output {
	switch d.Kind {
	case interp.DisplayClear:
		return engine.Output{Type: engine.ClearOutput, Wait: d.Wait}
	case interp.DisplayUpdate:
		return engine.Output{Type: engine.UpdateDisplayData, Data: d.Data, Metadata: orEmpty(d.Metadata), Transient: map[string]any{"display_id": d.DisplayID}}
	default:
		o := engine.Output{Type: engine.DisplayData, Data: d.Data, Metadata: orEmpty(d.Metadata)}
		if d.DisplayID != "" {
			o.Transient = map[string]any{"display_id": d.DisplayID}
		}
		return o
	}
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

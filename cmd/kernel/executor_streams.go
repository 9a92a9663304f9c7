package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/gokernel/gokernel/kernel/execproto"
)

// counted are the executor's stdout and stderr as the supervisor sees
// them: every byte written to the stream pipes is counted, so that events
// can be stamped with the counts (see package execproto).
//
// fmt.Print and the session's other writes go through Out and Err, which
// write straight to the pipes. os.Stdout (fd 1) and os.Stderr are relay
// pipes whose text is copied into Out and Err, so that cells writing to
// them (fmt.Fprintln(os.Stderr, ...)), compiled libraries and child
// processes are counted too; text written there in the instant before a
// crash may be lost with the process.
type counted struct {
	Out, Err *execproto.CountingWriter

	outFile  *os.File // the stdout pipe, moved off fd 1
	errFile  *os.File // the stderr pipe (fd 3)
	out, err *execproto.Relay
}

// countStreams sets up the counted streams over fd 1 and errFile and
// points os.Stdout's fd and os.Stderr at the relays.
func countStreams(errFile *os.File) (*counted, error) {
	fd, err := syscall.Dup(1)
	if err != nil {
		return nil, fmt.Errorf("count stdout: %w", err)
	}
	syscall.CloseOnExec(fd)
	c := &counted{outFile: os.NewFile(uintptr(fd), "stdout"), errFile: errFile}
	c.Out, c.Err = execproto.NewCountingWriter(c.outFile), execproto.NewCountingWriter(errFile)
	if c.out, err = execproto.NewRelay(c.Out); err != nil {
		c.outFile.Close()
		return nil, err
	}
	if c.err, err = execproto.NewRelay(c.Err); err != nil {
		_ = c.out.Close()
		c.outFile.Close()
		return nil, err
	}
	if err := syscall.Dup3(int(c.out.W.Fd()), 1, 0); err != nil {
		_ = c.out.Close()
		_ = c.err.Close()
		c.outFile.Close()
		return nil, fmt.Errorf("count stdout: %w", err)
	}
	os.Stderr = c.err.W
	return c, nil
}

// Counts copies what the relays hold and returns the bytes written to
// each stream pipe.
func (c *counted) Counts() (stdout, stderr int64) {
	c.out.Sync()
	c.err.Sync()
	return c.Out.Count(), c.Err.Count()
}

// Close copies what is left, gives fd 1 and os.Stderr back to the pipes
// and stops the relays.
func (c *counted) Close() error {
	c.out.Sync()
	c.err.Sync()
	var errs []error
	if err := syscall.Dup3(int(c.outFile.Fd()), 1, 0); err != nil {
		errs = append(errs, fmt.Errorf("restore stdout: %w", err))
	}
	os.Stderr = c.errFile
	errs = append(errs, c.out.Close(), c.err.Close())
	return errors.Join(errs...)
}

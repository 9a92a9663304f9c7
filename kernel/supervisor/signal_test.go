package supervisor

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
)

// TestSIGINTInterruptsCell checks that SIGINT sent to the executor (as a
// terminal's Ctrl-C reaches the whole process group) interrupts the cell
// and keeps the executor, even when the kernel was started with SIGINT
// ignored, which children inherit.
func TestSIGINTInterruptsCell(t *testing.T) {
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	s := newTest(t, testConfig())
	signal.Reset(os.Interrupt)
	pid := s.PID()
	done := make(chan engine.ExecuteReply, 1)
	started := make(chan struct{}, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "fmt.Println(\"started\")\ntime.Sleep(time.Hour)"}, func(o engine.Output) {
			select {
			case started <- struct{}{}:
			default:
			}
		}, nil)
		done <- reply
	}()
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("cell did not start")
	}
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case reply := <-done:
		if reply.EName != "Interrupted" || reply.Restarted {
			t.Errorf("reply %+v, want Interrupted without restart", reply)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("SIGINT did not interrupt the cell")
	}
	if s.PID() != pid {
		t.Errorf("executor replaced after SIGINT")
	}
}

func TestRestartDuringCell(t *testing.T) {
	s := newTest(t, testConfig())
	done := make(chan engine.ExecuteReply, 1)
	go func() {
		reply, _ := s.Execute(context.Background(), engine.ExecuteRequest{Code: "for {}"}, func(engine.Output) {}, nil)
		done <- reply
	}()
	waitFor(t, func() bool { return s.running() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case reply := <-done:
		if reply.Status != engine.StatusError || !reply.Restarted {
			t.Errorf("reply %+v, want error and restarted", reply)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the running cell did not end after Restart")
	}
	if r := execCell(t, s, "3", nil); r.reply.Status != engine.StatusOK {
		t.Errorf("cell after Restart: %+v", r.reply)
	}
}

package magic

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain fails the run when the tests leave a goroutine or a child
// process behind.
func TestMain(m *testing.M) {
	before := runtime.NumGoroutine()
	code := m.Run()
	if code == 0 {
		if err := checkNothingLeft(before); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// checkNothingLeft waits (bounded) for goroutines to wind down to the
// starting count and for child processes to be gone.
func checkNothingLeft(goroutines int) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		kids := children()
		n := runtime.NumGoroutine()
		if n <= goroutines && len(kids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			buf = buf[:runtime.Stack(buf, true)]
			return fmt.Errorf("left behind: %d goroutines (started with %d), child processes %v\n%s", n, goroutines, kids, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// children lists the live (not zombie) processes whose parent is this one.
func children() []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	me := os.Getpid()
	var kids []int
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:]) // state, ppid, ...
		if len(f) < 2 || f[0] == "Z" {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == me {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			kids = append(kids, pid)
		}
	}
	return kids
}

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gokernel/gokernel/install"
	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// benchKernel is one kernel started from its kernelspec, as Jupyter
// starts it, with a protocol client connected to it.
type benchKernel struct {
	name   string
	spec   install.Spec
	cmd    *exec.Cmd
	exited chan struct{} // closed when cmd has been waited for
	client *kerneltest.Client
	log    string // the kernel's stdout and stderr
}

// startKernel launches kernelspec name and waits until it answers
// kernel_info (on shell and iopub). It returns the kernel and the time
// from starting the process to that answer.
func startKernel(ctx context.Context, name, dir string, env install.Env) (*benchKernel, time.Duration, error) {
	spec, specDir, err := install.Find(name, env)
	if err != nil {
		return nil, 0, err
	}
	cfg, err := newConnection(name)
	if err != nil {
		return nil, 0, err
	}
	connPath := filepath.Join(dir, "kernel-"+name+".json")
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, 0, fmt.Errorf("encode connection file: %w", err)
	}
	if err := os.WriteFile(connPath, b, 0o600); err != nil {
		return nil, 0, fmt.Errorf("write connection file: %w", err)
	}
	argv := make([]string, len(spec.Argv))
	for i, a := range spec.Argv {
		a = strings.ReplaceAll(a, "{connection_file}", connPath)
		argv[i] = strings.ReplaceAll(a, "{resource_dir}", specDir)
	}
	logPath := filepath.Join(dir, "kernel-"+name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, 0, fmt.Errorf("create kernel log: %w", err)
	}
	defer logFile.Close() // the child has its own descriptor
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.Env = os.Environ()
	for k, v := range spec.Env {
		cmd.Env = append(cmd.Env, k+"="+fmt.Sprint(v))
	}
	// Its own process group, so an interrupt or kill reaches its children.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("start %s: %w", name, err)
	}
	k := &benchKernel{name: name, spec: spec, cmd: cmd, exited: make(chan struct{}), log: logPath}
	go func() { // owned by k: stop waits for it
		_ = cmd.Wait()
		close(k.exited)
	}()
	// Wait until every port listens, polling often: the client's own
	// dial retry (every 50 ms) would blur the measurement.
	if err := k.waitListening(ctx, cfg); err != nil {
		k.kill()
		return nil, 0, err
	}
	connectCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	client, err := kerneltest.Connect(connectCtx, cfg)
	if err != nil {
		k.kill()
		return nil, 0, fmt.Errorf("connect to %s: %w%s", name, err, k.logTail())
	}
	k.client = client
	return k, time.Since(start), nil
}

// newConnection returns a connection on free ports of 127.0.0.1 with a
// fresh key.
func newConnection(name string) (connfile.Config, error) {
	var ports [5]int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return connfile.Config{}, fmt.Errorf("find a free port: %w", err)
		}
		ls = append(ls, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	key := make([]byte, 16)
	rand.Read(key) // never fails (crypto/rand)
	return connfile.Config{
		Transport: "tcp", IP: "127.0.0.1",
		ShellPort: ports[0], IOPubPort: ports[1], StdinPort: ports[2], ControlPort: ports[3], HBPort: ports[4],
		Key: hex.EncodeToString(key), SignatureScheme: "hmac-sha256", KernelName: name,
	}, nil
}

func (k *benchKernel) waitListening(ctx context.Context, cfg connfile.Config) error {
	deadline := time.Now().Add(60 * time.Second)
	for _, ch := range connfile.Channels() {
		addr := net.JoinHostPort(cfg.IP, strconv.Itoa(cfg.Port(ch)))
		for {
			c, err := net.DialTimeout("tcp", addr, time.Second)
			if err == nil {
				c.Close()
				break
			}
			select {
			case <-k.exited:
				return fmt.Errorf("%s exited before listening on %s%s", k.name, ch, k.logTail())
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(2 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s does not listen on %s after 60s%s", k.name, ch, k.logTail())
			}
		}
	}
	return nil
}

// execute runs code and returns the result (reply and iopub up to idle).
func (k *benchKernel) execute(ctx context.Context, code string) (*kerneltest.Result, error) {
	return k.client.Request(ctx, kerneltest.Shell, "execute_request", executeContent(code))
}

func executeContent(code string) map[string]any {
	return map[string]any{"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true}
}

// replyStatus returns the status of an execute_reply, with the error.
func replyStatus(r *kerneltest.Result) string {
	var c struct {
		Status string `json:"status"`
		EName  string `json:"ename"`
		EValue string `json:"evalue"`
	}
	if err := r.Content(&c); err != nil {
		return "undecodable reply: " + err.Error()
	}
	if c.Status != "ok" {
		return c.Status + ": " + c.EName + ": " + c.EValue
	}
	return "ok"
}

// interrupt interrupts the running cell the way Jupyter does for this
// kernelspec: an interrupt_request on control in message mode, SIGINT to
// the kernel's process group otherwise.
func (k *benchKernel) interrupt() error {
	if k.spec.InterruptMode == "message" {
		_, err := k.client.Send(kerneltest.Control, "interrupt_request", map[string]any{})
		return err
	}
	return syscall.Kill(-k.cmd.Process.Pid, syscall.SIGINT)
}

// rss sums the resident memory of the kernel process and its
// descendants, from /proc.
func (k *benchKernel) rss() (int64, error) {
	return treeRSS("/proc", k.cmd.Process.Pid)
}

// stop asks the kernel to shut down and kills its process group if it
// does not exit within 10 s. It closes the client.
func (k *benchKernel) stop() {
	if k.client != nil {
		_, _ = k.client.Send(kerneltest.Control, "shutdown_request", map[string]any{"restart": false})
	}
	select {
	case <-k.exited:
	case <-time.After(10 * time.Second):
		k.kill()
	}
	if k.client != nil {
		k.client.Close()
	}
}

// kill ends the kernel's process group and waits for the process.
func (k *benchKernel) kill() {
	_ = syscall.Kill(-k.cmd.Process.Pid, syscall.SIGKILL)
	<-k.exited
}

func (k *benchKernel) logTail() string {
	b, err := os.ReadFile(k.log)
	if err != nil || len(b) == 0 {
		return ""
	}
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return "\nkernel log:\n" + string(b)
}

// treeRSS sums VmRSS of pid and its descendants under procDir.
func treeRSS(procDir string, pid int) (int64, error) {
	entries, err := os.ReadDir(procDir)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", procDir, err)
	}
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if pp, ok := parentPID(filepath.Join(procDir, e.Name(), "stat")); ok {
			children[pp] = append(children[pp], p)
		}
	}
	var total int64
	found := false
	todo := []int{pid}
	for len(todo) > 0 {
		p := todo[0]
		todo = append(todo[1:], children[p]...)
		kb, err := vmRSS(filepath.Join(procDir, strconv.Itoa(p), "status"))
		if err != nil {
			continue // the process ended meanwhile
		}
		found = true
		total += kb * 1024
	}
	if !found {
		return 0, errors.New("kernel process not found in " + procDir)
	}
	return total, nil
}

// parentPID reads the ppid field of /proc/PID/stat. The command name in
// parentheses may hold spaces, so fields are counted after its ")".
func parentPID(statPath string) (int, bool) {
	b, err := os.ReadFile(statPath)
	if err != nil {
		return 0, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 2 {
		return 0, false
	}
	pp, err := strconv.Atoi(f[1])
	return pp, err == nil
}

// vmRSS reads the VmRSS line of /proc/PID/status, in kB.
func vmRSS(statusPath string) (int64, error) {
	b, err := os.ReadFile(statusPath)
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				break
			}
			return strconv.ParseInt(f[0], 10, 64)
		}
	}
	return 0, errors.New("no VmRSS in " + statusPath)
}

//go:build unix && !linux

package magic

import "syscall"

// procAttr puts a shell command in a process group of its own, so an
// interrupt can kill all of it.
func procAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

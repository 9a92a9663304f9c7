package supervisor

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// watchInterval is how often the memory watchdog reads the executor's RSS.
const watchInterval = 100 * time.Millisecond

// sizeUnits maps the suffixes ParseSize accepts to their byte counts.
var sizeUnits = []struct {
	suffix string
	n      int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40},
	{"B", 1},
}

// ParseSize parses a byte count such as "4GiB", "512MiB", "1.5G", "2GB"
// or "1048576". "0", "off" and "none" mean no limit (0).
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	switch strings.ToLower(t) {
	case "", "0", "off", "none":
		return 0, nil
	}
	mult := int64(1)
	for _, u := range sizeUnits {
		if len(t) > len(u.suffix) && strings.EqualFold(t[len(t)-len(u.suffix):], u.suffix) {
			mult, t = u.n, strings.TrimSpace(t[:len(t)-len(u.suffix)])
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("parse size %q: want a number of bytes like 4GiB or 512MiB", s)
	}
	return int64(f * float64(mult)), nil
}

// FormatSize writes n bytes the way people read them: 1 MiB, 4 GiB, 1.5 GiB.
func FormatSize(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	f, i := float64(n), 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d bytes", n)
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".") + " " + units[i]
}

// DefaultMemoryLimit is the executor's memory ceiling when none is
// configured: 4 GiB, or three quarters of the machine's memory when that
// is less, so that the watchdog acts before the system's OOM killer.
func DefaultMemoryLimit() int64 {
	const ceiling = 4 << 30
	total, err := totalMemory()
	if err != nil || total*3/4 >= ceiling {
		return ceiling
	}
	return total * 3 / 4
}

// totalMemory returns MemTotal from /proc/meminfo.
func totalMemory() (int64, error) {
	return procField("/proc/meminfo", "MemTotal:")
}

// residentBytes returns a process's resident set size from
// /proc/PID/status.
func residentBytes(pid int) (int64, error) {
	return procField(fmt.Sprintf("/proc/%d/status", pid), "VmRSS:")
}

// procField reads a "Name:   123 kB" line of a /proc file, in bytes.
func procField(file, name string) (int64, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", file, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		rest, ok := strings.CutPrefix(line, name)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("unexpected line %q in %s", line, file)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("parse %s in %s: %w", name, file, err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("no %s line in %s", name, file)
}

// watchMemory kills p when its resident memory exceeds limit. It returns
// when p has exited.
func watchMemory(p *proc, limit int64) {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		select {
		case <-p.exited:
			return
		case <-t.C:
		}
		rss, err := residentBytes(p.pid)
		if err != nil {
			continue // the process is exiting
		}
		if rss > limit {
			p.logger.Warn("executor over its memory limit; killing it", "rss", rss, "limit", limit)
			p.kill(killMemory)
			return
		}
	}
}

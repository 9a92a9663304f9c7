package magic

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestFormatLikeIPython checks formatSeconds and timeitResult against
// what IPython itself printed for the same numbers.
func TestFormatLikeIPython(t *testing.T) {
	f, err := os.Open("testdata/ipython_format.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, " => ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		fields := strings.Fields(in)
		nums := make([]float64, len(fields)-1)
		for i, s := range fields[1:] {
			if nums[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("bad number in %q: %v", line, err)
			}
		}
		var got string
		switch fields[0] {
		case "time":
			got = formatSeconds(nums[0])
		case "timeit":
			r := timeitResult{loops: int(nums[0])}
			for _, s := range nums[1:] {
				r.runs = append(r.runs, time.Duration(s*1e9))
			}
			got = r.String()
		default:
			t.Fatalf("bad kind in %q", line)
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
		rows++
	}
	if rows == 0 {
		t.Fatal("no rows read")
	}
}

func TestCachingWarning(t *testing.T) {
	tests := []struct {
		name  string
		loops int
		runs  []time.Duration
		want  string
	}{
		{"steady", 10, []time.Duration{10 * time.Millisecond, 11 * time.Millisecond}, ""},
		{"one slow run", 10, []time.Duration{10 * time.Millisecond, 50 * time.Millisecond},
			"The slowest run took 5.00 times longer than the fastest. This could mean that an intermediate result is being cached."},
		{"too fast to matter", 1000, []time.Duration{100 * time.Nanosecond, 900 * time.Nanosecond}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (timeitResult{loops: tt.loops, runs: tt.runs}).cachingWarning(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

package supervisor

import (
	"os"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "4GiB", want: 4 << 30},
		{in: "512MiB", want: 512 << 20},
		{in: "512 MiB", want: 512 << 20},
		{in: "1.5G", want: 3 << 29},
		{in: "2GB", want: 2e9},
		{in: "100kb", want: 1e5},
		{in: "1048576", want: 1 << 20},
		{in: "off", want: 0},
		{in: "", want: 0},
		{in: "lots", bad: true},
		{in: "-1GiB", bad: true},
	} {
		got, err := ParseSize(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{100, "100 bytes"}, {1 << 20, "1 MiB"}, {200 << 20, "200 MiB"}, {3 << 29, "1.5 GiB"}, {10000, "9.8 KiB"},
	} {
		if got := FormatSize(tc.n); got != tc.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestResidentBytes(t *testing.T) {
	n, err := residentBytes(os.Getpid())
	if err != nil || n <= 0 {
		t.Fatalf("residentBytes(self) = %d, %v", n, err)
	}
}

func TestDefaultMemoryLimit(t *testing.T) {
	total, err := totalMemory()
	if err != nil {
		t.Fatal(err)
	}
	got := DefaultMemoryLimit()
	if got <= 0 || got > 4<<30 || got > total {
		t.Errorf("DefaultMemoryLimit() = %d with %d bytes of memory", got, total)
	}
}

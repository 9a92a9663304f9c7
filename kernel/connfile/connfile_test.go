package connfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadGolden(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "kernel-tcp.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Transport: "tcp", IP: "127.0.0.1", ShellPort: 53794, IOPubPort: 53795, StdinPort: 53796,
		ControlPort: 53797, HBPort: 53798, Key: "a0436f6c-1916-498b-8eb9-e81ab9368e84",
		SignatureScheme: "hmac-sha256", KernelName: "gokernel"}
	if cfg != want {
		t.Errorf("Load = %+v\nwant %+v", cfg, want)
	}
	ends := map[Channel]string{Shell: "tcp://127.0.0.1:53794", IOPub: "tcp://127.0.0.1:53795",
		Stdin: "tcp://127.0.0.1:53796", Control: "tcp://127.0.0.1:53797", HB: "tcp://127.0.0.1:53798"}
	for ch, want := range ends {
		if got := cfg.Endpoint(ch); got != want {
			t.Errorf("Endpoint(%s) = %q, want %q", ch, got, want)
		}
	}
}

func TestEndpoint(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		ch   Channel
		want string
	}{
		{"tcp", Config{Transport: "tcp", IP: "127.0.0.1", ShellPort: 5555}, Shell, "tcp://127.0.0.1:5555"},
		{"ipc prefix and suffix", Config{Transport: "ipc", IP: "/tmp/kernel-x", HBPort: 5}, HB, "ipc:///tmp/kernel-x-5"},
		{"ipc relative", Config{Transport: "ipc", IP: "path", ControlPort: 1}, Control, "ipc://path-1"},
		{"ipv6", Config{Transport: "tcp", IP: "::1", IOPubPort: 9}, IOPub, "tcp://[::1]:9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cfg.Endpoint(tt.ch); got != tt.want {
				t.Errorf("Endpoint = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	const ports = `"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5`
	tests := []struct {
		name, json, wantErr string
	}{
		{"bad json", `{"transport":`, "bad JSON"},
		{"not an object", `[1,2]`, "bad JSON"},
		{"missing fields", `{"transport":"tcp","ip":"127.0.0.1","shell_port":1}`, "missing field(s) iopub_port, stdin_port, control_port, hb_port"},
		{"missing ip", `{"transport":"tcp",` + ports + `}`, "missing field(s) ip"},
		{"unsupported transport", `{"transport":"udp","ip":"x",` + ports + `}`, `unsupported transport "udp"`},
		{"unsupported scheme", `{"transport":"tcp","ip":"127.0.0.1","key":"k","signature_scheme":"hmac-md5",` + ports + `}`, `unsupported signature_scheme "hmac-md5"`},
		{"bad port", `{"transport":"tcp","ip":"127.0.0.1","shell_port":70000,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "bad shell_port 70000"},
		{"zero tcp port", `{"transport":"tcp","ip":"127.0.0.1","shell_port":0,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "bad shell_port 0"},
		{"port is a string", `{"transport":"tcp","ip":"127.0.0.1","shell_port":"1","iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json))
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", tt.wantErr)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	cfg, err := Parse([]byte(`{"transport":"ipc","ip":"kernel","key":"k","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.SignatureScheme != SchemeHMACSHA256 {
		t.Errorf("SignatureScheme = %q, want default %q", cfg.SignatureScheme, SchemeHMACSHA256)
	}
	unsigned, err := Parse([]byte(`{"transport":"tcp","ip":"127.0.0.1","key":"","signature_scheme":"","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`))
	if err != nil {
		t.Fatal(err)
	}
	if unsigned.Key != "" || unsigned.SignatureScheme != "" {
		t.Errorf("unsigned config = %+v", unsigned)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.json"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load of a missing file: %v, want os.ErrNotExist", err)
	}
	if err != nil && !strings.Contains(err.Error(), "read connection file") {
		t.Errorf("error %q does not say what it was reading", err)
	}
}

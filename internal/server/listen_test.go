package server

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr     string
		loopback bool
		wantErr  bool
	}{
		{DefaultAddr, true, false},
		{"127.0.0.2:80", true, false},
		{"localhost:1313", true, false},
		{"LocalHost.:1313", true, false},
		{"[::1]:1313", true, false},
		{"[::ffff:127.0.0.1]:1313", true, false},
		{"[fe80::1%lo0]:1313", false, false},
		{"127.0.0.1:", true, false},
		{"127.0.0.1:0", true, false},
		{":1313", false, false},
		{"0.0.0.0:1313", false, false},
		{"[::]:1313", false, false},
		{"192.168.1.10:1313", false, false},
		{"example.com:1313", false, false},
		{"localhost.example.com:1313", false, false},
		{"127.0.0.1", false, true},
		{"", false, true},
		{"[::1]", false, true},
		{"127.0.0.1:http", false, true},
		{"127.0.0.1:65536", false, true},
		{"127.0.0.1:-1", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			got, err := CheckLoopback(tt.addr)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CheckLoopback(%q) error %v, want error %v", tt.addr, err, tt.wantErr)
			}
			if got != tt.loopback {
				t.Errorf("CheckLoopback(%q) = %v, want %v", tt.addr, got, tt.loopback)
			}
		})
	}
}

// TestServe checks that Serve serves until its context ends and then shuts
// down cleanly although a live-reload stream is open.
func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(WithLogger(testLogger(t)))
	s.Publish(site("v1"), false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	base := "http://" + ln.Addr().String()
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d", resp.StatusCode)
	}
	es := openStream(t, client, base+eventsPath, nil)
	es.expect(t, "hello")

	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(timeout):
		t.Fatal("Serve did not return after its context ended")
	}
	es.ended(t)
	if resp, err := client.Get(base + "/"); err == nil {
		resp.Body.Close()
		t.Error("GET after Serve returned succeeded, want the listener closed")
	}
}

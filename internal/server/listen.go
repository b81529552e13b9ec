package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// DefaultAddr is the default listen address of `briefgen serve`. It is a
// loopback address, so the preview is reachable only from this machine;
// binding anywhere else exposes unpublished drafts to the network (see
// CheckLoopback).
const DefaultAddr = "127.0.0.1:1313"

// shutdownTimeout is how long Serve waits for in-flight requests.
const shutdownTimeout = 5 * time.Second

// CheckLoopback reports whether binding to addr ("host:port") listens on a
// loopback interface only, so the CLI can warn before exposing the preview.
// An empty host (all interfaces) or an unspecified address is not loopback.
// Host names other than "localhost" are not resolved and count as not
// loopback. err is non-nil when addr is not a valid listen address.
func CheckLoopback(addr string) (isLoopback bool, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if port != "" {
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return false, fmt.Errorf("listen address %q: invalid port %q", addr, port)
		}
	}
	if host == "" {
		return false, nil
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true, nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.IsLoopback(), nil
	}
	return false, nil
}

// Serve serves s on ln until ctx is done, then shuts down gracefully: it
// closes the live-reload streams (Close) and gives in-flight requests a few
// seconds to finish. It returns nil after a clean shutdown, and otherwise
// the error that stopped it. Typical use:
//
//	ln, err := net.Listen("tcp", server.DefaultAddr)
//	...
//	err = s.Serve(ctx, ln)
//
// Callers that run their own http.Server should register s.Close with
// RegisterOnShutdown and leave WriteTimeout to the event streams (each
// stream write has its own deadline).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	hs.RegisterOnShutdown(s.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	select {
	case err := <-served:
		s.Close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		err = errors.Join(err, hs.Close())
	}
	<-served // http.ErrServerClosed
	return err
}

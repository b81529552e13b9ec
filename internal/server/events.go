package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	// clientBuffer is how many events may wait for a slow browser before
	// it is disconnected (it reconnects and catches up by itself).
	clientBuffer = 16
	// retryMillis is the reconnection delay sent to EventSource.
	retryMillis = 500
	// writeTimeout bounds each write to an event stream, so a dead
	// connection cannot hold its handler forever.
	writeTimeout = 10 * time.Second
)

// client is one connected event stream.
type client struct {
	// ch holds preformatted events. Only broadcast closes it (under
	// Server.mu), to disconnect a client whose buffer is full.
	ch chan string
}

// serveEvents streams live-reload events (text/event-stream) until the
// browser goes away, the client falls too far behind, or Close is called.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c := &client{ch: make(chan string, clientBuffer)}
	if !s.subscribe(c, lastBuild(r)) {
		http.Error(w, "server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.unsubscribe(c)

	rc := http.NewResponseController(w)
	send := func(msg string) error {
		// Replaces any http.Server.WriteTimeout, which would otherwise
		// cut the long-lived stream.
		if err := rc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
		if _, err := w.Write([]byte(msg)); err != nil {
			return err
		}
		return rc.Flush()
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)

	heartbeat := time.NewTicker(s.heartbeat)
	defer heartbeat.Stop()
	for {
		var msg string
		select {
		case m, ok := <-c.ch:
			if !ok {
				s.log.Debug("disconnected slow live-reload client", "remote", r.RemoteAddr)
				return
			}
			msg = m
		case <-heartbeat.C:
			msg = ": ping\n\n"
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		if err := send(msg); err != nil {
			s.log.Debug("live-reload stream ended", "remote", r.RemoteAddr, "err", err)
			return
		}
	}
}

// lastBuild is the build the browser last saw: the id of the last event it
// received when reconnecting, or the build of its page on first connect.
func lastBuild(r *http.Request) string {
	if id := r.Header.Get("Last-Event-ID"); id != "" {
		return id
	}
	return r.URL.Query().Get("build")
}

// subscribe registers c and queues what a newly connected browser needs:
// hello with the server id, reload if it missed a build, and the active
// build error. Doing this under s.mu means no Publish or Fail can slip in
// between. It reports false once the server is closed.
func (s *Server) subscribe(c *client, last string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	st := s.state.Load()
	c.ch <- "retry: " + strconv.Itoa(retryMillis) + "\n" + event("hello", "", s.id)
	if last != "" && last != st.build() {
		c.ch <- event("reload", st.build(), st.build())
	}
	if st.err != nil {
		c.ch <- st.errEvent
	}
	s.clients[c] = struct{}{}
	return true
}

// unsubscribe forgets c, if broadcast or Close has not already.
func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

// broadcast queues msg for every client without ever blocking: a client
// whose buffer is full is disconnected instead. The caller holds s.mu.
// It returns the number of clients that got msg.
func (s *Server) broadcast(msg string) int {
	n := 0
	for c := range s.clients {
		select {
		case c.ch <- msg:
			n++
		default:
			delete(s.clients, c)
			close(c.ch)
		}
	}
	return n
}

// event formats one server-sent event. id may be empty (the browser then
// keeps its last event id); data must be a single line.
func event(name, id, data string) string {
	var b strings.Builder
	if id != "" {
		b.WriteString("id: " + id + "\n")
	}
	b.WriteString("event: " + name + "\ndata: " + data + "\n\n")
	return b.String()
}

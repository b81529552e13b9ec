package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// timeout bounds every wait in these tests; generous, it only matters when
// something is broken.
const timeout = 10 * time.Second

// TestMain fails the run if any goroutine is still running this package's
// code (stream handlers, test stream readers) after all tests finished.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leaked := waitForLeaks(); leaked != "" {
			fmt.Fprintf(os.Stderr, "leaked goroutines:\n%s\n", leaked)
			code = 1
		}
	}
	os.Exit(code)
}

// waitForLeaks polls until no goroutine but TestMain's runs code of this
// package, and returns the stacks of those that still do after timeout.
func waitForLeaks() string {
	deadline := time.Now().Add(timeout)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaked []string
		for g := range strings.SplitSeq(string(buf), "\n\n") {
			if strings.Contains(g, "briefgen/internal/server.") && !strings.Contains(g, "server.TestMain") {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			return strings.Join(leaked, "\n\n")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// site is a small rendered site; version ends up in the home page.
func site(version string) fstest.MapFS {
	return fstest.MapFS{
		"index.html":          {Data: []byte("<!doctype html><html><body><h1>Home " + version + "</h1></body></html>")},
		"briefs/x/index.html": {Data: []byte("<html><BODY><p>brief x</p></BODY></html>")},
		"fragment.html":       {Data: []byte("<p>no body element")},
		"404.html":            {Data: []byte("<html><body><p>custom not found</p></body></html>")},
		"assets/style.css":    {Data: []byte("body { color: " + version + " }")},
		"assets/app.js":       {Data: []byte("console.log('</body>')")},
		"data.json":           {Data: []byte(`{"html":"</body>"}`)},
		"feed.xml":            {Data: []byte("<feed></feed>")},
		"logo.svg":            {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")},
		"events.ics":          {Data: []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")},
		"site.webmanifest":    {Data: []byte("{}")},
		"notes.txt":           {Data: []byte("plain")},
		"empty/.keep":         {Data: nil},
		"a b/index.html":      {Data: []byte("<p>spaced</p>")},
		"odd/index.html/x":    {Data: []byte("a folder named index.html")},
		"_briefgen/own.html":  {Data: []byte("<p>shadowed</p>")},
	}
}

// testLogger logs to the test's output, at debug level.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// harness is a Server behind a real HTTP test server.
type harness struct {
	s  *Server
	ts *httptest.Server
}

// start serves a new Server; fsys, if not nil, is published first. setup,
// if not nil, adjusts the Server before it serves.
func start(t *testing.T, fsys fstest.MapFS, setup func(*Server)) *harness {
	t.Helper()
	s := New(WithLogger(testLogger(t)))
	if setup != nil {
		setup(s)
	}
	if fsys != nil {
		s.Publish(fsys, false)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		ts.Close() // waits for all handlers to return
	})
	return &harness{s: s, ts: ts}
}

// response is a fully read HTTP response.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request for target to the test server.
func (h *harness) do(t *testing.T, method, target string) response {
	t.Helper()
	req, err := http.NewRequest(method, h.ts.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := *h.ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// get is do with GET.
func (h *harness) get(t *testing.T, target string) response {
	t.Helper()
	return h.do(t, http.MethodGet, target)
}

// serve runs a request for target straight through handler, without the
// client or server cleaning anything up, as a raw request line would.
func serve(handler http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// sseEvent is one parsed server-sent event, or a comment line.
type sseEvent struct {
	name, id, data, retry string
	comment               bool
}

// stream is an open connection to the events endpoint, parsed in the
// background.
type stream struct {
	events <-chan sseEvent // closed when the stream ends
}

// events opens the events endpoint with the given query and headers.
func (h *harness) events(t *testing.T, query string, header http.Header) *stream {
	t.Helper()
	return openStream(t, h.ts.Client(), h.ts.URL+eventsPath+query, header)
}

// openStream opens an event stream at url; it is closed when t ends.
func openStream(t *testing.T, client *http.Client, url string, header http.Header) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		resp.Body.Close()
		cancel()
		t.Fatalf("events: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events := make(chan sseEvent)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		emit := func(ev sseEvent) bool {
			select {
			case events <- ev:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for sc.Scan() {
			field, value, _ := strings.Cut(sc.Text(), ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "":
				if sc.Text() == "" {
					if !emit(ev) {
						return
					}
					ev = sseEvent{}
				} else if !emit(sseEvent{comment: true, data: value}) {
					return
				}
			case "event":
				ev.name = value
			case "id":
				ev.id = value
			case "data":
				ev.data = value
			case "retry":
				ev.retry = value
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		for range events {
		}
	})
	return &stream{events: events}
}

// next returns the next event or comment.
func (st *stream) next(t *testing.T) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-st.events:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(timeout):
		t.Fatal("no event within", timeout)
	}
	return sseEvent{}
}

// nextEvent returns the next event, skipping heartbeat comments.
func (st *stream) nextEvent(t *testing.T) sseEvent {
	t.Helper()
	for {
		if ev := st.next(t); !ev.comment {
			return ev
		}
	}
}

// expect reads the next event and checks its name.
func (st *stream) expect(t *testing.T, name string) sseEvent {
	t.Helper()
	ev := st.nextEvent(t)
	if ev.name != name {
		t.Fatalf("got event %+v, want %q", ev, name)
	}
	return ev
}

// ended waits until the stream ends, skipping what is still in it.
func (st *stream) ended(t *testing.T) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case _, ok := <-st.events:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("event stream still open after", timeout)
		}
	}
}

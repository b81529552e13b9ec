package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestHello(t *testing.T) {
	h := start(t, site("v1"), nil)
	ev := h.events(t, "", nil).expect(t, "hello")
	if ev.data != h.s.id || ev.data == "" {
		t.Errorf("hello data %q, want server id %q", ev.data, h.s.id)
	}
	if ev.retry != "500" {
		t.Errorf("retry %q, want 500", ev.retry)
	}
	if other := New(); other.id == h.s.id {
		t.Error("two servers share an instance id")
	}
}

// TestReloadAfterPublish checks that a page requested as soon as the reload
// event arrives is already the new one, many times over.
func TestReloadAfterPublish(t *testing.T) {
	h := start(t, site("v1"), nil)
	es := h.events(t, "", nil)
	es.expect(t, "hello")
	for i := 2; i <= 30; i++ {
		version := fmt.Sprintf("v%d", i)
		h.s.Publish(site(version), false)
		ev := es.expect(t, "reload")
		if want := strconv.Itoa(i); ev.id != want {
			t.Errorf("reload id %q, want build %s", ev.id, want)
		}
		if r := h.get(t, "/"); !strings.Contains(r.body, "Home "+version+"<") {
			t.Fatalf("GET / right after reload event: %q, want %s", r.body, version)
		}
	}
}

func TestCSSOnlyPublish(t *testing.T) {
	h := start(t, site("v1"), nil)
	es := h.events(t, "", nil)
	es.expect(t, "hello")
	h.s.Publish(site("v2"), true)
	ev := es.expect(t, "css")
	if ev.id != "2" {
		t.Errorf("css id %q, want 2", ev.id)
	}
	if r := h.get(t, "/assets/style.css"); r.body != "body { color: v2 }" {
		t.Errorf("stylesheet after css event: %q", r.body)
	}
	h.s.Publish(site("v3"), false)
	es.expect(t, "reload")
}

func TestFailAndRecover(t *testing.T) {
	h := start(t, site("v1"), nil)
	es := h.events(t, "", nil)
	es.expect(t, "hello")

	bad := BuildError{
		File:    "content/briefs/<x>.md",
		Line:    12,
		Message: "unexpected \"<script>alert(1)</script>\" & more\nsecond line",
	}
	h.s.Fail(bad)
	ev := es.expect(t, "error")
	var got BuildError
	if err := json.Unmarshal([]byte(ev.data), &got); err != nil {
		t.Fatalf("error data %q: %v", ev.data, err)
	}
	if got != bad {
		t.Errorf("error event %+v, want %+v", got, bad)
	}
	for _, key := range []string{`"file"`, `"line"`, `"message"`} {
		if !strings.Contains(ev.data, key) {
			t.Errorf("error data %s lacks %s", ev.data, key)
		}
	}

	// Pages loaded during the error show the overlay, over the last good build.
	for _, target := range []string{"/", "/missing"} {
		r := h.get(t, target)
		if !strings.Contains(r.body, `id="briefgen-error"`) {
			t.Errorf("GET %s during error: no overlay in %q", target, r.body)
		}
		for _, want := range []string{
			"content/briefs/&lt;x&gt;.md:12",
			"unexpected &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; more\nsecond line",
		} {
			if !strings.Contains(r.body, want) {
				t.Errorf("GET %s during error: overlay lacks %q: %q", target, want, r.body)
			}
		}
		if strings.Contains(r.body, "<script>alert") {
			t.Errorf("GET %s: unescaped message in %q", target, r.body)
		}
	}
	if r := h.get(t, "/"); !strings.Contains(r.body, "Home v1") {
		t.Errorf("last good build not served during error: %q", r.body)
	}
	if r := h.get(t, "/assets/style.css"); strings.Contains(r.body, "briefgen-error") {
		t.Errorf("overlay in a stylesheet: %q", r.body)
	}

	// A browser connecting during the error is told about it.
	late := h.events(t, "", nil)
	late.expect(t, "hello")
	if ev := late.expect(t, "error"); ev.data != errorData(t, bad) {
		t.Errorf("late error data %q", ev.data)
	}

	h.s.Publish(site("v2"), false)
	es.expect(t, "reload")
	late.expect(t, "reload")
	r := h.get(t, "/")
	if strings.Contains(r.body, "briefgen-error") || !strings.Contains(r.body, "Home v2") {
		t.Errorf("after Publish: %q, want v2 without overlay", r.body)
	}
	// And a browser connecting now hears of no error.
	fresh := h.events(t, "", nil)
	fresh.expect(t, "hello")
	h.s.Publish(site("v3"), true)
	fresh.expect(t, "css")
}

// errorData is the JSON an error event carries for e.
func errorData(t *testing.T, e BuildError) string {
	t.Helper()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOverlay(t *testing.T) {
	tests := []struct {
		e        BuildError
		location string // "" for none
	}{
		{BuildError{File: "a.md", Line: 3, Message: "m"}, "<div>a.md:3</div>"},
		{BuildError{File: "a.md", Message: "m"}, "<div>a.md</div>"},
		{BuildError{Message: "m"}, ""},
	}
	for _, tt := range tests {
		got := overlay(tt.e)
		if tt.location != "" && !strings.Contains(got, tt.location) {
			t.Errorf("overlay(%+v) = %q, want location %q", tt.e, got, tt.location)
		}
		if tt.location == "" && strings.Contains(got, "<div>") {
			t.Errorf("overlay(%+v) = %q, want no location", tt.e, got)
		}
	}
	if got := (BuildError{File: "a.md", Line: 3, Message: "m"}).Error(); got != "a.md:3: m" {
		t.Errorf("Error() = %q", got)
	}
}

// TestOverlayStylesInSync checks that the script builds the same overlay as
// the server.
func TestOverlayStylesInSync(t *testing.T) {
	for _, style := range []string{overlayStyle, messageStyle} {
		if !strings.Contains(reloadJS, `"`+style+`"`) {
			t.Errorf("reload.js lacks style %q", style)
		}
	}
}

// TestCatchUp checks that a browser whose page is older than the current
// build is told to reload as soon as it connects, and no other browser is.
// Every case ends with a css-only Publish: a catch-up event, if any, must
// come before its css event.
func TestCatchUp(t *testing.T) {
	tests := []struct {
		name        string
		query       string
		lastEventID string
		reload      bool
	}{
		{"no build known", "", "", false},
		{"page is current", "?build=1", "", false},
		{"page is stale", "?build=0", "", true},
		{"garbage build", "?build=x", "", true},
		{"reconnect, current", "?build=0", "1", false},
		{"reconnect, stale", "?build=1", "0", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, site("v1"), nil)
			header := http.Header{}
			if tt.lastEventID != "" {
				header.Set("Last-Event-ID", tt.lastEventID)
			}
			es := h.events(t, tt.query, header)
			es.expect(t, "hello")
			if tt.reload {
				if ev := es.expect(t, "reload"); ev.id != "1" {
					t.Errorf("catch-up reload id %q, want 1", ev.id)
				}
			}
			h.s.Publish(site("v2"), true)
			es.expect(t, "css")
		})
	}
}

func TestCatchUpBeforeFirstPublish(t *testing.T) {
	h := start(t, nil, nil)
	page := h.get(t, "/")
	if !strings.Contains(page.body, `data-build="0"`) {
		t.Fatalf("building page lacks its build: %q", page.body)
	}
	h.s.Publish(site("v1"), false) // before the page's script connects
	es := h.events(t, "?build=0", nil)
	es.expect(t, "hello")
	es.expect(t, "reload")
}

func TestSnippetIdentifiesPage(t *testing.T) {
	h := start(t, site("v1"), nil)
	h.s.Publish(site("v2"), false)
	want := `data-server="` + h.s.id + `" data-build="2"`
	if r := h.get(t, "/"); !strings.Contains(r.body, want) {
		t.Errorf("page %q lacks %s", r.body, want)
	}
}

func TestHeartbeat(t *testing.T) {
	h := start(t, site("v1"), func(s *Server) { s.heartbeat = 10 * time.Millisecond })
	es := h.events(t, "", nil)
	es.expect(t, "hello")
	if ev := es.next(t); !ev.comment {
		t.Errorf("got %+v, want a heartbeat comment", ev)
	}
}

// TestSlowClientNeverBlocks registers a client that never reads: Publish
// and Fail must still return, and drop it, while a reading client gets
// every event.
func TestSlowClientNeverBlocks(t *testing.T) {
	h := start(t, site("v1"), nil)
	es := h.events(t, "", nil)
	es.expect(t, "hello")
	stuck := &client{ch: make(chan string, 1)}
	h.s.mu.Lock()
	h.s.clients[stuck] = struct{}{}
	h.s.mu.Unlock()

	done := make(chan struct{})
	go func() {
		defer close(done)
		h.s.Publish(site("v2"), false)
		h.s.Fail(BuildError{Message: "boom"})
		h.s.Publish(site("v3"), true)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Fatal("Publish blocked on a client that does not read")
	}
	es.expect(t, "reload")
	es.expect(t, "error")
	es.expect(t, "css")

	h.s.mu.Lock()
	_, still := h.s.clients[stuck]
	h.s.mu.Unlock()
	if still {
		t.Error("stuck client still subscribed")
	}
	if n := len(stuck.ch); n != 1 {
		t.Errorf("stuck client got %d events, want its buffer (1) full", n)
	}
	<-stuck.ch
	if _, open := <-stuck.ch; open {
		t.Error("stuck client's channel not closed")
	}
}

func TestCloseEndsStreams(t *testing.T) {
	h := start(t, site("v1"), nil)
	a, b := h.events(t, "", nil), h.events(t, "", nil)
	a.expect(t, "hello")
	b.expect(t, "hello")
	h.s.Close()
	a.ended(t)
	b.ended(t)
	h.s.Close() // idempotent
	h.s.Publish(site("v2"), false)

	if r := h.get(t, eventsPath); r.status != http.StatusServiceUnavailable {
		t.Errorf("events after Close: status %d, want 503", r.status)
	}
	if r := h.get(t, "/"); r.status != http.StatusOK || !strings.Contains(r.body, "Home v2") {
		t.Errorf("pages after Close: status %d, body %q", r.status, r.body)
	}
}

func TestEventsMethod(t *testing.T) {
	s := New(WithLogger(testLogger(t)))
	for _, method := range []string{http.MethodHead, http.MethodPost} {
		if rec := serve(s, method, eventsPath); rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: status %d, want 405", method, eventsPath, rec.Code)
		}
	}
}

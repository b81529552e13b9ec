package live

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefgen/internal/build"
	"briefgen/internal/server"
)

const timeout = 15 * time.Second

type event struct{ name, data string }

// harness is a site being served by the dev server and rebuilt by Run with
// real file system events, and a browser-like SSE client.
type harness struct {
	t      *testing.T
	dir    string
	url    string
	events chan event
}

func brief(title, body string) string {
	return "---\ntitle: " + title + "\nactors:\n  - actor: ada\n    mentions: [Ada Obi]\n---\n" + body + "\n"
}

func start(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.yaml":       "title: Live test\n",
		"content/actors/ada.md":   "---\nname: Ada Obi\nkind: person\n---\nA minister.\n",
		"content/briefs/first.md": brief("First", "[[Ada Obi]] spoke first."),
		"assets/extra.css":        "body{color:red}",
	}
	for p, text := range files {
		write(t, filepath.Join(dir, p), text)
	}
	srv := server.New()
	ts := httptest.NewServer(srv)
	b := build.New(build.Options{Src: dir, Dev: true, BaseURL: "/"})
	sink := NewServerSink(srv)
	res, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Built(res); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := Run(ctx, b, sink, Options{Src: dir, Out: io.Discard, Debounce: 50 * time.Millisecond}); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	h := &harness{t: t, dir: dir, url: ts.URL, events: make(chan event, 64)}
	resp, err := http.Get(ts.URL + "/_briefgen/events")
	if err != nil {
		t.Fatal(err)
	}
	go h.readEvents(resp.Body)
	t.Cleanup(func() {
		cancel()
		<-done
		srv.Close()
		resp.Body.Close()
		ts.Close()
	})
	h.expect("hello")
	// Let the watcher settle: its roots are added before Run logs, but a
	// first change right away must not be lost either way.
	time.Sleep(100 * time.Millisecond)
	return h
}

func (h *harness) readEvents(body io.Reader) {
	sc := bufio.NewScanner(body)
	var ev event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data += strings.TrimPrefix(line, "data: ")
		case line == "":
			if ev.name != "" {
				h.events <- ev
			}
			ev = event{}
		}
	}
}

// expect waits for the next event named name, skipping others.
func (h *harness) expect(name string) event {
	h.t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case ev := <-h.events:
			if ev.name == name {
				return ev
			}
		case <-deadline:
			h.t.Fatalf("no %q event within %v", name, timeout)
		}
	}
}

func (h *harness) get(path string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.url + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLiveReload(t *testing.T) {
	h := start(t)
	p := filepath.Join(h.dir, "content/briefs/first.md")

	t.Run("plain write", func(t *testing.T) {
		write(t, p, brief("First, edited", "[[Ada Obi]] spoke again."))
		h.expect("reload")
		if _, body := h.get("/briefs/first/"); !strings.Contains(body, "First, edited") {
			t.Errorf("page not updated after reload event")
		}
	})
	t.Run("atomic rename over", func(t *testing.T) {
		tmp := p + ".tmp1234"
		write(t, tmp, brief("First, saved atomically", "Text."))
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
		h.expect("reload")
		if _, body := h.get("/briefs/first/"); !strings.Contains(body, "First, saved atomically") {
			t.Errorf("atomic save not picked up")
		}
	})
	t.Run("new subfolder", func(t *testing.T) {
		write(t, filepath.Join(h.dir, "content/briefs/2026/march/second.md"), brief("Second", "Nested."))
		h.expect("reload")
		if code, body := h.get("/briefs/second/"); code != 200 || !strings.Contains(body, "Second") {
			t.Errorf("brief in a new subfolder: %d", code)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(h.dir, "content/briefs/2026/march/second.md")); err != nil {
			t.Fatal(err)
		}
		h.expect("reload")
		if code, _ := h.get("/briefs/second/"); code != 404 {
			t.Errorf("deleted brief still served: %d", code)
		}
	})
	t.Run("burst of 200 files", func(t *testing.T) {
		for i := range 200 {
			write(t, filepath.Join(h.dir, fmt.Sprintf("content/briefs/burst/b%03d.md", i)), brief(fmt.Sprintf("Burst %d", i), "Many."))
		}
		deadline := time.Now().Add(timeout)
		for {
			h.expect("reload")
			code, _ := h.get("/briefs/b199/")
			code0, _ := h.get("/briefs/b000/")
			if code == 200 && code0 == 200 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("burst not fully built")
			}
		}
		if _, body := h.get("/briefs/"); !strings.Contains(body, "Burst") {
			t.Errorf("brief list lacks the burst")
		}
	})
	t.Run("stylesheet only", func(t *testing.T) {
		write(t, filepath.Join(h.dir, "assets/extra.css"), "body{color:blue}")
		h.expect("css")
		if _, body := h.get("/assets/extra.css"); body != "body{color:blue}" {
			t.Errorf("stylesheet = %q", body)
		}
	})
	t.Run("bad edit shows overlay, fix clears it", func(t *testing.T) {
		write(t, p, "---\ntitle: Broken\nactors:\n  - actor: nobody-known\n---\nText.\n")
		ev := h.expect("error")
		if !strings.Contains(ev.data, `"file":"content/briefs/first.md"`) || !strings.Contains(ev.data, `"line":4`) {
			t.Errorf("error event = %s", ev.data)
		}
		code, body := h.get("/briefs/first/")
		if code != 200 || !strings.Contains(body, "briefgen-error") || !strings.Contains(body, "nobody-known") {
			t.Errorf("overlay missing from the last good page (status %d)", code)
		}
		write(t, p, brief("First, fixed", "Fine again."))
		h.expect("reload")
		if _, body := h.get("/briefs/first/"); strings.Contains(body, "briefgen-error") || !strings.Contains(body, "First, fixed") {
			t.Errorf("overlay not cleared after a good save")
		}
	})
}

func TestProblemOf(t *testing.T) {
	b := build.New(build.Options{Src: t.TempDir()})
	_, err := b.Build()
	p := ProblemOf(err)
	if p.File != "content/site.yaml" || !strings.Contains(p.String(), "content/site.yaml: missing") {
		t.Errorf("ProblemOf = %+v", p)
	}
}

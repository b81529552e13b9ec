package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// browserSite is a site whose stylesheet sets a visible colour.
func browserSite(version, color string) fstest.MapFS {
	return fstest.MapFS{
		"index.html": {Data: []byte(`<!doctype html><html><head><link rel="stylesheet" href="/style.css"></head>` +
			`<body><h1 id="v">` + version + `</h1></body></html>`)},
		"style.css": {Data: []byte("h1 { color: " + color + " }")},
	}
}

// TestBrowser runs reload.js in headless Chromium against a real server:
// css swaps without reloading, the error overlay comes and goes, reload
// events and server restarts reload the page.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	var browser string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no Chromium found")
	}

	// The test server's handler can be swapped, to simulate a restart.
	// connected gets the page build of every event stream once its first
	// event (hello) is written, i.e. once it is subscribed.
	var current atomic.Pointer[Server]
	s := New(WithLogger(testLogger(t)))
	s.Publish(browserSite("v1", "rgb(255, 0, 0)"), false)
	current.Store(s)
	connected := make(chan string, 64)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == eventsPath {
			build := r.URL.Query().Get("build")
			w = &flushSignal{ResponseWriter: w, signal: func() {
				select {
				case connected <- build:
				default:
				}
			}}
		}
		current.Load().ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		current.Load().Close()
		s.Close()
		ts.Close()
	})

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// The first run starts the browser for the life of ctx, so it must not
	// have a timeout of its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Skip("cannot start Chromium:", err)
	}

	// run runs browser actions, bounded by timeout.
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		if err := chromedp.Do(c, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// until waits until the JavaScript expression is true in the page. A
	// poll does not survive the page reloading, so it is started again.
	until := func(step, expr string) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		for {
			err := chromedp.Do(c, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(20*time.Millisecond)))
			if err == nil {
				return
			}
			if c.Err() != nil {
				t.Fatalf("%s: %v", step, err)
			}
		}
	}
	const color = `getComputedStyle(document.getElementById("v")).color`
	const overlayShown = `document.getElementById("briefgen-error") !== null`

	run("load page", chromedp.Navigate(ts.URL+"/"))
	until("first load", `document.getElementById("v").textContent === "v1" && `+color+` === "rgb(255, 0, 0)"`)
	waitConnected(t, connected, "1")
	// A page reload would clear this marker.
	run("mark page", chromedp.Evaluate[chromedp.Void](`window.marker = 1`))

	s.Publish(browserSite("v1", "rgb(0, 0, 255)"), true)
	until("css swap", color+` === "rgb(0, 0, 255)" && document.querySelectorAll("link[rel=stylesheet]").length === 1`)
	until("css swap kept the page", `window.marker === 1 && document.querySelector("link[rel=stylesheet]").href.includes("briefgen=")`)

	s.Fail(BuildError{File: "content/a.md", Line: 7, Message: "<b>bad</b> front matter"})
	until("overlay from event", overlayShown+
		` && document.getElementById("briefgen-error").textContent.includes("content/a.md:7")`+
		` && document.getElementById("briefgen-error").textContent.includes("<b>bad</b> front matter")`+
		` && window.marker === 1`)

	s.Publish(browserSite("v2", "rgb(0, 0, 255)"), false)
	until("reload after publish", `window.marker === undefined && document.getElementById("v").textContent === "v2" && !(`+overlayShown+`)`)
	waitConnected(t, connected, "3")

	s.Fail(BuildError{Message: "broken again"})
	run("load page during error", chromedp.Navigate(ts.URL+"/"))
	until("server-side overlay", overlayShown+` && document.getElementById("briefgen-error").textContent.includes("broken again")`)
	waitConnected(t, connected, "3")
	run("mark page", chromedp.Evaluate[chromedp.Void](`window.marker = 2`))
	s.Publish(browserSite("v2", "rgb(0, 128, 0)"), true)
	until("css publish clears overlay", `!(`+overlayShown+`) && window.marker === 2 && `+color+` === "rgb(0, 128, 0)"`)

	// Restart: a new instance takes over and the old one ends its streams.
	// The page reconnects, sees a different hello id and reloads. The new
	// instance is at the page's build (4), so that the Last-Event-ID
	// catch-up cannot be what reloads it.
	restarted := New(WithLogger(testLogger(t)))
	for range 4 {
		restarted.Publish(browserSite("v3", "rgb(0, 128, 0)"), false)
	}
	current.Store(restarted)
	s.Close()
	until("reload after restart", `window.marker === undefined && document.getElementById("v").textContent === "v3"`)
}

// flushSignal calls signal after the first Flush of the wrapped writer.
type flushSignal struct {
	http.ResponseWriter
	once   sync.Once
	signal func()
}

func (f *flushSignal) Flush() {
	if fl, ok := f.ResponseWriter.(http.Flusher); ok {
		fl.Flush()
	}
	f.once.Do(f.signal)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (f *flushSignal) Unwrap() http.ResponseWriter { return f.ResponseWriter }

// waitConnected waits for the next event stream to be subscribed and checks
// that it comes from a page of the given build.
func waitConnected(t *testing.T, connected <-chan string, build string) {
	t.Helper()
	select {
	case got := <-connected:
		if got != build {
			t.Fatalf("event stream from a page of build %q, want %q", got, build)
		}
	case <-time.After(timeout):
		t.Fatal("page did not connect its event stream")
	}
}

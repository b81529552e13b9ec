// Package server is the preview HTTP server behind `briefgen serve`.
//
// It serves a rendered site from an in-memory (or directory-backed) fs.FS
// snapshot and keeps open browser tabs in sync with the build: every Publish
// swaps in a new snapshot and then tells the pages, over server-sent events,
// to reload (or only to refresh their stylesheets); every Fail keeps the last
// good snapshot and shows the build error as an overlay in the pages.
//
// The live-reload script and the error overlay are added to HTML responses by
// this server only; the site's build output never contains them. The URL
// prefix /_briefgen/ is reserved for the server's own endpoints and shadows
// any site files under it.
package server

import (
	"crypto/rand"
	"encoding/json"
	"io/fs"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// defaultHeartbeat is how often an idle event stream gets a comment line, so
// proxies and browsers do not close it as dead.
const defaultHeartbeat = 15 * time.Second

// Server serves the latest published site and pushes live-reload events to
// connected browsers. Create it with New; it is an http.Handler. All methods
// are safe for concurrent use.
type Server struct {
	id        string // random per instance; tells pages the server restarted
	log       *slog.Logger
	heartbeat time.Duration

	// state is read lock-free by requests and replaced by Publish and Fail.
	state atomic.Pointer[state]

	mu      sync.Mutex // serialises Publish, Fail and Close; guards the fields below
	clients map[*client]struct{}
	closed  bool
	done    chan struct{} // closed by Close to end all event streams
}

// state is one immutable view of what the server shows.
type state struct {
	fsys fs.FS       // nil until the first Publish
	gen  uint64      // incremented by every Publish
	err  *BuildError // non-nil while the last build failed
	// errEvent is the `error` event for err, for browsers connecting later.
	errEvent string
}

// build is the generation as sent to browsers (SSE event ids, data-build).
func (st *state) build() string { return strconv.FormatUint(st.gen, 10) }

// BuildError describes a failed build for the error overlay.
// File and Line are optional (empty and 0 when unknown).
type BuildError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Error formats the error as "file:line: message", omitting unknown parts,
// so a BuildError can be logged or returned as an error.
func (e BuildError) Error() string {
	if loc := e.location(); loc != "" {
		return loc + ": " + e.Message
	}
	return e.Message
}

// location is "file:line", "file" or "" depending on what is known.
func (e BuildError) location() string {
	switch {
	case e.File == "":
		return ""
	case e.Line > 0:
		return e.File + ":" + strconv.Itoa(e.Line)
	default:
		return e.File
	}
}

// Option configures a Server in New.
type Option func(*Server)

// WithLogger sets the logger for the server's warnings and debug messages.
// The default is slog.Default(); a nil logger keeps the default.
func WithLogger(l *slog.Logger) Option {
	return func(s *Server) {
		if l != nil {
			s.log = l
		}
	}
}

// New returns a server with nothing published yet: until the first Publish
// it answers page requests with a "building" page that reloads itself once
// the site is ready.
func New(opts ...Option) *Server {
	s := &Server{
		id:        rand.Text(),
		log:       slog.Default(),
		heartbeat: defaultHeartbeat,
		clients:   make(map[*client]struct{}),
		done:      make(chan struct{}),
	}
	s.state.Store(&state{})
	for _, opt := range opts {
		opt(s)
	}
	return s
}

// Publish atomically replaces the served site with fsys, clears any error
// overlay, and only then notifies connected browsers: a `reload` event, or a
// `css` event when cssOnly says only stylesheets changed (pages swap their
// stylesheets without reloading). A page requested after the event is
// therefore always served from fsys.
//
// fsys is the whole rendered site ("index.html", "briefs/x/index.html",
// "404.html", ...) and must not change after it is published (a nil fsys
// brings back the "building" page). For a site
// rendered into a directory, pass root.FS() of an os.Root (os.OpenRoot) rather
// than os.DirFS: it refuses symlinks that lead out of the directory.
func (s *Server) Publish(fsys fs.FS, cssOnly bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Store(&state{fsys: fsys, gen: s.state.Load().gen + 1})
	s.announce(cssOnly)
}

// announce broadcasts a reload (or css) event for the build being served.
// It reads the build from the stored state, so an event can only ever name
// a build that requests already get. The caller holds s.mu.
func (s *Server) announce(cssOnly bool) {
	name := "reload"
	if cssOnly {
		name = "css"
	}
	st := s.state.Load()
	n := s.broadcast(event(name, st.build(), st.build()))
	s.log.Debug("published site", "build", st.gen, "css_only", cssOnly, "clients", n)
}

// Fail records a failed build. The last good site stays served, and every
// open page (and every page loaded until the next Publish) shows an overlay
// with the error.
func (s *Server) Fail(e BuildError) {
	data, err := json.Marshal(e)
	if err != nil {
		s.log.Error("encoding build error", "err", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := *s.state.Load()
	st.err = &e
	st.errEvent = event("error", "", string(data))
	s.state.Store(&st)
	n := s.broadcast(st.errEvent)
	s.log.Debug("showing build error", "err", e, "clients", n)
}

// Close ends all live-reload streams and refuses new ones, so that
// http.Server.Shutdown, which waits for active requests, can finish; register
// it with http.Server.RegisterOnShutdown. Pages and files are still served.
// Close is idempotent and final.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	close(s.done) // each stream handler then unsubscribes and returns
}

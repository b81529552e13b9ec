package server

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
)

// Paths of the server's own endpoints, under the reserved /_briefgen/ prefix.
const (
	reservedDir = "_briefgen"
	eventsPath  = "/_briefgen/events"
	scriptPath  = "/_briefgen/reload.js"
)

// extraTypes take precedence over mime.TypeByExtension: types it lacks, and
// the core web types, which the system's mime.types files may override with
// values that break pages under X-Content-Type-Options: nosniff.
var extraTypes = map[string]string{
	".atom":        "application/atom+xml",
	".css":         "text/css; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".ics":         "text/calendar; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".mjs":         "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml",
}

// ServeHTTP serves the server's own endpoints under /_briefgen/ and the site
// files of the current snapshot otherwise. Only GET and HEAD are allowed.
// Malformed or escaping paths get 400, missing files the site's 404.html.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A preview must never show a stale page, whatever the response.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, isDir, ok := sitePath(r.URL)
	if !ok {
		s.log.Debug("rejected request path", "path", r.URL.EscapedPath())
		http.Error(w, "bad request: invalid path", http.StatusBadRequest)
		return
	}
	switch {
	case r.URL.Path == eventsPath:
		s.serveEvents(w, r)
	case r.URL.Path == scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(reloadJS))
	case name == reservedDir || strings.HasPrefix(name, reservedDir+"/"):
		http.Error(w, "404 page not found", http.StatusNotFound)
	default:
		s.serveSite(w, r, name, isDir)
	}
}

// sitePath maps a request URL to a file name in the site FS ("." for the
// root). isDir reports a trailing slash. ok is false for anything that is
// not a plain slash-separated path: dot segments (also percent-encoded ones,
// which arrive decoded), empty segments, encoded slashes or backslashes,
// literal backslashes and NUL bytes.
func sitePath(u *url.URL) (name string, isDir, ok bool) {
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false, false
	}
	// An encoded backslash arrives decoded and is rejected above; an
	// encoded slash does not separate segments, so it has no place here.
	if strings.Contains(strings.ToLower(u.EscapedPath()), "%2f") {
		return "", false, false
	}
	name = p[1:]
	if name == "" {
		return ".", true, true
	}
	isDir = strings.HasSuffix(name, "/")
	name = strings.TrimSuffix(name, "/")
	// fs.ValidPath rejects "", "." and ".." segments (and invalid UTF-8);
	// "." itself is only valid as the root, handled above.
	if name == "." || !fs.ValidPath(name) {
		return "", false, false
	}
	return name, isDir, true
}

// serveSite serves name from the current snapshot, with index.html for
// folders and the site's 404 page for anything missing.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, name string, isDir bool) {
	st := s.state.Load()
	if st.fsys == nil {
		s.writeHTML(w, r, st, []byte(buildingPage), http.StatusServiceUnavailable)
		return
	}
	f, info, err := openFile(st.fsys, name)
	if err == nil {
		switch {
		case info.IsDir() && !isDir:
			f.Close()
			// Like net/http: a folder's URL ends in a slash, so that
			// relative links in its index.html resolve inside it.
			// The path was validated, so it cannot start with "//".
			loc := r.URL.EscapedPath() + "/"
			if r.URL.RawQuery != "" {
				loc += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, loc, http.StatusFound)
			return
		case info.IsDir():
			f.Close()
			name = path.Join(name, "index.html")
			f, info, err = openFile(st.fsys, name)
			if err == nil && info.IsDir() {
				f.Close()
				err = fs.ErrNotExist
			}
		case isDir:
			// A file requested as a folder ("/style.css/").
			f.Close()
			err = fs.ErrNotExist
		}
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			// Also how os.Root reports a symlink leading out of the site.
			s.log.Warn("cannot open site file", "name", name, "err", err)
		}
		s.serveNotFound(w, r, st)
		return
	}
	defer f.Close()

	if isHTML(name) {
		body, err := io.ReadAll(f)
		if err != nil {
			s.log.Warn("cannot read site file", "name", name, "err", err)
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		s.writeHTML(w, r, st, body, http.StatusOK)
		return
	}
	if ct := contentType(name); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// ServeContent adds Content-Length, HEAD and Range support; a zero
	// modification time keeps it from sending Last-Modified.
	content, ok := f.(io.ReadSeeker)
	if !ok {
		body, err := io.ReadAll(f)
		if err != nil {
			s.log.Warn("cannot read site file", "name", name, "err", err)
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		content = bytes.NewReader(body)
	}
	http.ServeContent(w, r, name, time.Time{}, content)
}

// openFile opens name and stats the opened file (not the path, which could
// change in between).
func openFile(fsys fs.FS, name string) (fs.File, fs.FileInfo, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// serveNotFound answers 404 with the site's own 404.html, or plain text if
// the site has none.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	body, err := fs.ReadFile(st.fsys, "404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.writeHTML(w, r, st, body, http.StatusNotFound)
}

// writeHTML writes an HTML page with the live-reload snippet (and the error
// overlay, if a build error is active) injected.
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, st *state, page []byte, status int) {
	body := inject(page, s.snippet(st))
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// isHTML reports whether name is a page that gets the live-reload snippet.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// contentType is the Content-Type for name by its extension, or "" to let
// http.ServeContent sniff it.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := extraTypes[ext]; ok {
		return ct
	}
	return mime.TypeByExtension(ext)
}

// buildingPage is served until the first Publish; its live-reload script
// reloads it as soon as the site is ready.
const buildingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
<body><p>Building the site…</p></body></html>
`

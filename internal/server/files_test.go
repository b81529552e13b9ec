package server

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const scriptTag = `<script src="/_briefgen/reload.js"`

func TestContentTypes(t *testing.T) {
	h := start(t, site("v1"), nil)
	tests := []struct {
		path, contentType string
	}{
		{"/index.html", "text/html; charset=utf-8"},
		{"/fragment.html", "text/html; charset=utf-8"},
		{"/assets/style.css", "text/css; charset=utf-8"},
		{"/assets/app.js", "text/javascript; charset=utf-8"},
		{"/data.json", "application/json"},
		{"/feed.xml", "application/xml"},
		{"/logo.svg", "image/svg+xml"},
		{"/events.ics", "text/calendar; charset=utf-8"},
		{"/site.webmanifest", "application/manifest+json"},
		{"/notes.txt", "text/plain; charset=utf-8"},
		{"/_briefgen/reload.js", "text/javascript; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := h.get(t, tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("status %d, want 200", r.status)
			}
			if got := r.header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := r.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
		})
	}
}

func TestFolders(t *testing.T) {
	h := start(t, site("v1"), nil)
	tests := []struct {
		name, target string
		status       int
		body         string // substring of the body
		location     string
	}{
		{"root", "/", 200, "Home v1", ""},
		{"folder index", "/briefs/x/", 200, "brief x", ""},
		{"folder without slash", "/briefs/x", http.StatusFound, "", "/briefs/x/"},
		{"redirect keeps query", "/briefs/x?a=1&b=2", http.StatusFound, "", "/briefs/x/?a=1&b=2"},
		{"redirect keeps escaping", "/a%20b?q=%20", http.StatusFound, "", "/a%20b/?q=%20"},
		{"escaped folder", "/a%20b/", 200, "spaced", ""},
		{"folder without index", "/empty/", 404, "custom not found", ""},
		{"index.html is a folder", "/odd/", 404, "custom not found", ""},
		{"file with slash", "/assets/style.css/", 404, "custom not found", ""},
		{"missing file", "/nope.html", 404, "custom not found", ""},
		{"missing folder", "/nope/", 404, "custom not found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.get(t, tt.target)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d", r.status, tt.status)
			}
			if !strings.Contains(r.body, tt.body) {
				t.Errorf("body %q does not contain %q", r.body, tt.body)
			}
			if got := r.header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if got := r.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	t.Run("site 404 page", func(t *testing.T) {
		h := start(t, site("v1"), nil)
		r := h.get(t, "/missing")
		if r.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", r.status)
		}
		if !strings.Contains(r.body, "custom not found") || !strings.Contains(r.body, scriptTag) {
			t.Errorf("body %q: want the site's 404 page with the reload script", r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
	})
	t.Run("plain fallback", func(t *testing.T) {
		fsys := site("v1")
		delete(fsys, "404.html")
		h := start(t, fsys, nil)
		r := h.get(t, "/missing")
		if r.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", r.status)
		}
		if r.body != "404 page not found\n" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
			t.Errorf("got %q (%s), want the plain text fallback", r.body, r.header.Get("Content-Type"))
		}
	})
}

func TestHead(t *testing.T) {
	s := New(WithLogger(testLogger(t)))
	s.Publish(site("v1"), false)
	for _, target := range []string{"/", "/assets/style.css", "/missing"} {
		t.Run(target, func(t *testing.T) {
			get := serve(s, http.MethodGet, target)
			head := serve(s, http.MethodHead, target)
			if head.Code != get.Code {
				t.Errorf("HEAD status %d, GET %d", head.Code, get.Code)
			}
			if head.Body.Len() != 0 {
				t.Errorf("HEAD wrote a body: %q", head.Body)
			}
			want := strconv.Itoa(get.Body.Len())
			if got := head.Header().Get("Content-Length"); got != want {
				t.Errorf("HEAD Content-Length %q, want %s", got, want)
			}
			if head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
				t.Errorf("HEAD Content-Type %q, GET %q", head.Header().Get("Content-Type"), get.Header().Get("Content-Type"))
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s := New(WithLogger(testLogger(t)))
	s.Publish(site("v1"), false)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		rec := serve(s, method, "/")
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: status %d, Allow %q", method, rec.Code, rec.Header().Get("Allow"))
		}
	}
}

func TestBuildingPage(t *testing.T) {
	h := start(t, nil, nil)
	r := h.get(t, "/briefs/x/")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "Building") || !strings.Contains(r.body, scriptTag) {
		t.Fatalf("before Publish: status %d, body %q; want 503 building page with reload script", r.status, r.body)
	}
	h.s.Publish(site("v1"), false)
	if r := h.get(t, "/briefs/x/"); r.status != http.StatusOK || !strings.Contains(r.body, "brief x") {
		t.Fatalf("after Publish: status %d, body %q", r.status, r.body)
	}
}

func TestReservedPrefix(t *testing.T) {
	h := start(t, site("v1"), nil)
	if r := h.get(t, scriptPath); r.body != reloadJS {
		t.Errorf("%s does not serve the embedded script", scriptPath)
	}
	for _, target := range []string{"/_briefgen/own.html", "/_briefgen/", "/_briefgen", "/_briefgen/nope.js"} {
		if r := h.get(t, target); r.status != http.StatusNotFound || strings.Contains(r.body, "shadowed") {
			t.Errorf("%s: status %d, body %q; want 404 from the server, not the site", target, r.status, r.body)
		}
	}
}

func TestInject(t *testing.T) {
	const snip = "<S>"
	tests := []struct {
		name, page, want string
	}{
		{"before body end", "<html><body>x</body></html>", "<html><body>x<S></body></html>"},
		{"upper case", "<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x<S></BODY></HTML>"},
		{"mixed case, attributes", "<body class=a>x</Body >\n", "<body class=a>x<S></Body >\n"},
		{"last of several", "<body><pre></body></pre></body>", "<body><pre></body></pre><S></body>"},
		{"no body", "<p>fragment", "<p>fragment<S>"},
		{"empty", "", "<S>"},
		{"multibyte before", "<body>İİ ſ</body>", "<body>İİ ſ<S></body>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := []byte(tt.page)
			if got := string(inject(page, snip)); got != tt.want {
				t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
			}
			if string(page) != tt.page {
				t.Errorf("inject modified its input: %q", page)
			}
		})
	}
}

// TestScriptOnlyInHTML checks that HTML responses get the reload script and
// everything else is served byte for byte, even if it mentions </body>.
func TestScriptOnlyInHTML(t *testing.T) {
	fsys := site("v1")
	h := start(t, fsys, nil)
	tests := []struct {
		target, file string
		injected     bool
	}{
		{"/", "index.html", true},
		{"/briefs/x/", "briefs/x/index.html", true},
		{"/fragment.html", "fragment.html", true},
		{"/missing", "404.html", true},
		{"/assets/style.css", "assets/style.css", false},
		{"/assets/app.js", "assets/app.js", false},
		{"/data.json", "data.json", false},
		{"/feed.xml", "feed.xml", false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			r := h.get(t, tt.target)
			src := string(fsys[tt.file].Data)
			if strings.Contains(src, "reload.js") {
				t.Fatalf("fixture %s already contains the script", tt.file)
			}
			if !tt.injected {
				if r.body != src {
					t.Errorf("body %q, want the file unchanged: %q", r.body, src)
				}
				return
			}
			if strings.Count(r.body, scriptTag) != 1 {
				t.Errorf("body %q: want the reload script once", r.body)
			}
			if strings.Contains(strings.ToLower(src), "</body>") &&
				!strings.Contains(strings.ToLower(r.body), "</script></body>") {
				t.Errorf("body %q: want the script right before </body>", r.body)
			}
			if want := strconv.Itoa(len(r.body)); r.header.Get("Content-Length") != want {
				t.Errorf("Content-Length %q, want %s", r.header.Get("Content-Length"), want)
			}
		})
	}
	if strings.Contains(string(fsys["index.html"].Data), "reload.js") {
		t.Error("serving modified the published site")
	}
}

// leakyFS is a deliberately naive directory FS that joins names onto its
// directory without any checks, as a careless fs.FS implementation might.
// It makes the path tests meaningful: any path the server passes through
// unchecked can really escape.
type leakyFS string

func (d leakyFS) Open(name string) (fs.File, error) {
	return os.Open(filepath.Join(string(d), filepath.FromSlash(name)))
}

func TestPathEscapes(t *testing.T) {
	const secret = "TOP SECRET"
	dir := t.TempDir()
	write(t, filepath.Join(dir, "secret.txt"), secret)
	write(t, filepath.Join(dir, "site", "index.html"), "<body>home</body>")
	write(t, filepath.Join(dir, "site", "sub", "page.html"), "<body>page</body>")
	fsys := leakyFS(filepath.Join(dir, "site"))

	// The fixture really leaks when asked directly.
	if f, err := fsys.Open("../secret.txt"); err != nil {
		t.Fatalf("fixture: %v", err)
	} else {
		f.Close()
	}

	s := New(WithLogger(testLogger(t)))
	s.Publish(fsys, false)
	if rec := serve(s, http.MethodGet, "/sub/page.html"); rec.Code != http.StatusOK {
		t.Fatalf("control request: status %d", rec.Code)
	}
	tests := []struct{ name, target string }{
		{"dot dot", "/../secret.txt"},
		{"dot dot below folder", "/sub/../../secret.txt"},
		{"dot dot at end", "/sub/.."},
		{"encoded dot dot", "/%2e%2e/secret.txt"},
		{"encoded upper case", "/%2E%2E/secret.txt"},
		{"half encoded", "/.%2e/secret.txt"},
		{"encoded slash", "/..%2fsecret.txt"},
		{"encoded slash upper case", "/sub%2F..%2F..%2Fsecret.txt"},
		{"encoded slash, harmless", "/sub%2fpage.html"},
		{"backslash", `/..\secret.txt`},
		{"backslash in folder", `/sub\..\..\secret.txt`},
		{"encoded backslash", "/..%5csecret.txt"},
		{"encoded backslash upper case", "/..%5Csecret.txt"},
		{"NUL", "/secret.txt%00"},
		{"NUL before dot dot", "/%00/../secret.txt"},
		{"dot segment", "/./index.html"},
		{"empty segment", "//secret.txt"},
		{"protocol-relative folder", "//example.com"},
		{"overlong UTF-8 dot", "/%c0%ae%c0%ae/secret.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, method := range []string{http.MethodGet, http.MethodHead} {
				rec := serve(s, method, tt.target)
				if rec.Code != http.StatusBadRequest {
					t.Errorf("%s %s: status %d, want 400", method, tt.target, rec.Code)
				}
				if strings.Contains(rec.Body.String(), secret) {
					t.Errorf("%s %s: served the secret", method, tt.target)
				}
				if loc := rec.Header().Get("Location"); loc != "" {
					t.Errorf("%s %s: redirected to %q", method, tt.target, loc)
				}
			}
		})
	}
}

func TestSymlinkOutOfRoot(t *testing.T) {
	const secret = "TOP SECRET"
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	siteDir := filepath.Join(dir, "site")
	write(t, filepath.Join(outside, "secret.txt"), secret)
	write(t, filepath.Join(siteDir, "index.html"), "<body>home</body>")
	links := map[string]string{
		"relative.txt": filepath.Join("..", "outside", "secret.txt"),
		"absolute.txt": filepath.Join(outside, "secret.txt"),
		"folder":       filepath.Join("..", "outside"),
		"alias.html":   "index.html", // inside the site: fine
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(siteDir, name)); err != nil {
			t.Skip("symlinks not supported:", err)
		}
	}
	escapes := []string{"/relative.txt", "/absolute.txt", "/folder/secret.txt"}

	// The fixture really escapes: os.DirFS follows the links.
	dirFS := New(WithLogger(testLogger(t)))
	dirFS.Publish(os.DirFS(siteDir), false)
	for _, target := range escapes {
		if rec := serve(dirFS, http.MethodGet, target); !strings.Contains(rec.Body.String(), secret) {
			t.Fatalf("fixture: os.DirFS does not follow %s (status %d)", target, rec.Code)
		}
	}

	root, err := os.OpenRoot(siteDir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	s := New(WithLogger(testLogger(t)))
	s.Publish(root.FS(), false)
	for _, target := range append(escapes, "/folder/", "/folder") {
		rec := serve(s, http.MethodGet, target)
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), secret) {
			t.Errorf("%s: status %d, body %q; want 404 without the secret", target, rec.Code, rec.Body)
		}
	}
	if rec := serve(s, http.MethodGet, "/alias.html"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "home") {
		t.Errorf("symlink inside the site: status %d, body %q", rec.Code, rec.Body)
	}
}

// write creates file with content, and its folders.
func write(t *testing.T, file, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

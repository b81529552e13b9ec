package check

import (
	"errors"
	"net/url"
	"strings"
)

var errOpaque = errors.New("scheme without \"//\" before the path")

// status is what a URL turned out to be.
type status int

const (
	skipped  status = iota // not a link to check: empty, mailto:, tel:, data: …
	external               // another site
	invalid                // does not parse
	outside                // meant to be on the site but escapes its base path
	missing                // on the site, with no file to serve it
	found                  // on the site and served by file
)

// resolution is the outcome of resolving one URL.
type resolution struct {
	status   status
	file     string // the file serving the URL, when found
	fragment string // as written, without "#"
	err      error  // why the URL is invalid
}

// fileURL is the URL at which the site serves file.
func (s *site) fileURL(file string) *url.URL {
	return &url.URL{Scheme: s.scheme, Host: s.host, Path: s.basePath + file}
}

// resolve finds the file that serves raw, a URL written in a document at
// base. The query is ignored; the path is percent-decoded.
func (s *site) resolve(base *url.URL, raw string) resolution {
	raw = trimURL(raw)
	if raw == "" {
		return resolution{status: skipped}
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return resolution{status: invalid, err: err}
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default:
		return resolution{status: skipped}
	}
	if u.Opaque != "" { // "http:foo" names no path a browser would fetch
		return resolution{status: invalid, err: errOpaque}
	}
	res := resolution{}
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		res.fragment = raw[i+1:]
	}
	r := base.ResolveReference(u)
	if r.Host != "" && (s.host == "" || normalHost(r) != s.host) {
		return resolution{status: external}
	}
	explicit := u.Scheme != "" || u.Host != ""
	rel, ok := s.sitePath(r.Path)
	if !ok || !explicit && !strings.HasPrefix(u.Path, "/") && climbsAbove(base.Path, u.Path) {
		if explicit {
			return resolution{status: external} // a deliberate URL elsewhere on the host
		}
		return resolution{status: outside}
	}
	if file, ok := s.lookup(rel); ok {
		res.status, res.file = found, file
	} else {
		res.status = missing
	}
	return res
}

// sitePath strips the base path from an absolute URL path, reporting false
// when the path is not under it.
func (s *site) sitePath(p string) (string, bool) {
	if rel, ok := strings.CutPrefix(p, s.basePath); ok {
		return rel, true
	}
	if p+"/" == s.basePath {
		return "", true
	}
	return "", false
}

// lookup finds the file serving the site path rel: a path ending in "/" or
// naming a folder is served by the folder's index.html.
func (s *site) lookup(rel string) (string, bool) {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html", s.files[rel+"index.html"]
	}
	if s.files[rel] {
		return rel, true
	}
	if s.dirs[rel] {
		return rel + "/index.html", s.files[rel+"/index.html"]
	}
	return "", false
}

// climbsAbove reports whether the relative path ref, followed from the folder
// of the absolute path base, climbs above "/". Browsers clamp such paths at
// the root over HTTP, but from file:// they leave the site.
func climbsAbove(base, ref string) bool {
	depth := max(strings.Count(base[:strings.LastIndexByte(base, '/')+1], "/")-1, 0)
	for seg := range strings.SplitSeq(ref, "/") {
		switch seg {
		case "..":
			if depth--; depth < 0 {
				return true
			}
		case ".", "":
		default:
			depth++
		}
	}
	return false
}

// trimURL strips what browsers strip from a URL attribute: leading and
// trailing spaces and control characters, and tabs and newlines inside.
func trimURL(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	return s
}

// normalHost is u's host in lower case, without the default port of HTTP
// or HTTPS, so that equal hosts compare equal.
func normalHost(u *url.URL) string {
	h := strings.ToLower(u.Host)
	if p := u.Port(); p == "80" || p == "443" {
		h = strings.ToLower(u.Hostname())
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
	}
	return h
}

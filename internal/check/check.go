// Package check verifies a built site folder before it ships.
//
// It reads the files alone, with no server, and maps each URL to a file the
// way a static host serves pretty URLs: a path ending in "/" or naming a
// folder is served by that folder's index.html. It reports internal links and
// anchors that lead nowhere, duplicate ids, images without alt text, pages no
// visitor can reach from the home page, and feeds, sitemaps, JSON and
// iCalendar files that are malformed or point at files that do not exist.
package check

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Options describes how the site was built.
type Options struct {
	// BaseURL is the URL the site is built for, such as
	// "https://example.org/briefing/", or just its path ("/briefing/").
	// Absolute URLs on its host under its path, and root-relative paths under
	// its path, are internal; root-relative paths outside it are reported,
	// since they break when the site is served from the sub-path. Empty means
	// a domain root whose host is unknown, so every absolute URL is external.
	BaseURL string

	// AllowUnreachable lists path.Match patterns of pages, relative to the
	// site root (such as "google*.html"), that need no link from the home page.
	AllowUnreachable []string
}

// Problem is one defect found in the site, located so that it can be fixed.
type Problem struct {
	File    string // relative to the site root, with slashes
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Message string
}

// String formats the problem like a compiler error, "file:line: message",
// leaving out the line when the problem concerns the whole file.
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return p.File + ": " + p.Message
}

// Dir checks the site built in the folder root and returns its problems
// sorted by file, line and message. The error reports an unreadable folder or
// file, or an Options.BaseURL that does not parse; problems are never errors.
func Dir(root string, opts Options) ([]Problem, error) {
	s, err := newSite(opts)
	if err != nil {
		return nil, err
	}
	if err := s.scan(root); err != nil {
		return nil, err
	}
	docs, err := s.parseAll(root)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	for _, d := range docs {
		problems = append(problems, d.problems...)
		if d.anchors != nil {
			s.anchors[d.file] = d.anchors
		}
	}
	links := make(map[string][]string) // HTML page -> HTML pages it links to
	for _, d := range docs {
		problems = append(problems, s.checkRefs(d, links)...)
	}
	problems = append(problems, s.checkReachable(docs, links)...)
	slices.SortFunc(problems, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Message, b.Message))
	})
	return slices.Compact(problems), nil
}

// kind is the type of a file, from its name, deciding how it is checked.
type kind int

const (
	kindOther kind = iota
	kindHTML
	kindSVG
	kindXML
	kindJSON
	kindICS
)

// kindOf tells a file's kind by its extension.
func kindOf(name string) kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return kindHTML
	case ".svg":
		return kindSVG
	case ".xml", ".atom", ".rss":
		return kindXML
	case ".json", ".webmanifest":
		return kindJSON
	case ".ics":
		return kindICS
	}
	return kindOther
}

// doc is what parsing one file found: its anchors, the URLs it refers to,
// and the problems visible in the file alone.
type doc struct {
	file     string
	kind     kind
	anchors  map[string]bool // ids and <a name>s, for HTML and SVG
	refs     []ref
	problems []Problem
	orphan   bool // may be unreachable: a redirect stub or a noindex page
}

// problem records a problem at line of d's file.
func (d *doc) problem(line int, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// ref is a URL found in a file.
type ref struct {
	raw      string
	line     int
	base     *url.URL // <base href>, relative to the file; nil if none
	htmlAttr bool     // from an HTML attribute: a link for reachability, whose fragment must name an anchor
	onSite   bool     // the URL must be on the site (a sitemap <loc>)
}

// site is the folder being checked and how its URLs map to its files.
type site struct {
	scheme   string // of BaseURL, "" when it has no host
	host     string // lower case, without a default port; "" when unknown
	basePath string // "/" or "/briefing/"
	allow    []string
	files    map[string]bool // regular files, relative to the root
	dirs     map[string]bool
	anchors  map[string]map[string]bool // HTML or SVG file -> its anchors
}

// newSite validates opts and sets up an empty site built for them.
func newSite(opts Options) (*site, error) {
	u, err := url.Parse(strings.TrimSpace(opts.BaseURL))
	if err != nil {
		return nil, fmt.Errorf("check: invalid base URL: %w", err)
	}
	for _, p := range opts.AllowUnreachable {
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("check: invalid AllowUnreachable pattern %q: %w", p, err)
		}
	}
	s := &site{
		basePath: "/" + strings.Trim(u.Path, "/") + "/",
		allow:    opts.AllowUnreachable,
		files:    make(map[string]bool),
		dirs:     make(map[string]bool),
		anchors:  make(map[string]map[string]bool),
	}
	if s.basePath == "//" {
		s.basePath = "/"
	}
	if u.Host != "" {
		s.scheme = strings.ToLower(u.Scheme)
		s.host = normalHost(u)
	}
	return s, nil
}

// scan lists the files and folders under root.
func (s *site) scan(root string) error {
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			if !e.IsDir() {
				return fmt.Errorf("%s is not a folder", root)
			}
			return nil
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p) // follow the link; its folders are not walked
			if err != nil {
				return err
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			s.dirs[rel] = true
		case mode.IsRegular():
			s.files[rel] = true
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("check: scanning site: %w", err)
	}
	return nil
}

// parseAll reads and parses every file it knows how to check, in parallel,
// returning them in name order.
func (s *site) parseAll(root string) ([]*doc, error) {
	var names []string
	for f := range s.files {
		if kindOf(f) != kindOther {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	docs := make([]*doc, len(names))
	errs := make([]error, len(names))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range jobs {
				docs[i], errs[i] = parseFile(root, names[i])
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return docs, nil
}

// parseFile reads and parses the file name under root.
func parseFile(root, name string) (*doc, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	d := &doc{file: name, kind: kindOf(name)}
	switch d.kind {
	case kindHTML, kindSVG:
		parseHTML(d, data)
	case kindXML:
		parseXML(d, data)
	case kindJSON:
		parseJSON(d, data)
	case kindICS:
		parseICS(d, data)
	}
	return d, nil
}

// checkRefs resolves the URLs found in d, and records the links between
// HTML pages in links.
func (s *site) checkRefs(d *doc, links map[string][]string) []Problem {
	var problems []Problem
	add := func(r ref, format string, args ...any) {
		problems = append(problems, Problem{File: d.file, Line: r.line, Message: fmt.Sprintf(format, args...)})
	}
	self := s.fileURL(d.file)
	for _, r := range d.refs {
		base := self
		if r.base != nil {
			base = self.ResolveReference(r.base)
		}
		res := s.resolve(base, r.raw)
		switch res.status {
		case invalid:
			add(r, "invalid URL %s: %v", r.raw, res.err)
		case outside:
			add(r, "link %s points outside the site (base path %s)", r.raw, s.basePath)
		case external:
			if r.onSite && s.host != "" {
				add(r, "URL %s is not on the site %s://%s%s", r.raw, s.scheme, s.host, s.basePath)
			}
		case missing:
			add(r, "broken link %s", r.raw)
		case found:
			if r.htmlAttr && !s.hasAnchor(res.file, res.fragment) {
				add(r, "broken anchor %s", r.raw)
			}
			if r.htmlAttr && kindOf(res.file) == kindHTML && res.file != d.file {
				links[d.file] = append(links[d.file], res.file)
			}
		}
	}
	return problems
}

// checkReachable reports the HTML pages that no chain of links from the home
// page reaches.
func (s *site) checkReachable(docs []*doc, links map[string][]string) []Problem {
	const home = "index.html"
	if !s.files[home] {
		return []Problem{{File: home, Message: "home page is missing"}}
	}
	seen := map[string]bool{home: true}
	queue := []string{home}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		for _, next := range links[page] {
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	var problems []Problem
	for _, d := range docs {
		if d.kind == kindHTML && !seen[d.file] && !d.orphan && !s.mayBeOrphan(d.file) {
			problems = append(problems, Problem{File: d.file, Message: "page is not reachable by links from the home page"})
		}
	}
	return problems
}

// mayBeOrphan reports whether a page needs no link: the error page, or one
// matching Options.AllowUnreachable.
func (s *site) mayBeOrphan(file string) bool {
	if path.Base(file) == "404.html" {
		return true
	}
	for _, p := range s.allow {
		if ok, _ := path.Match(p, file); ok {
			return true
		}
	}
	return false
}

// hasAnchor reports whether fragment, as written, names an anchor in file.
// Only HTML and SVG files are looked into; an empty fragment and "top" always
// exist, as do text fragments (":~:") and SVG views, which name no element.
func (s *site) hasAnchor(file, fragment string) bool {
	ids, ok := s.anchors[file]
	if !ok || fragment == "" || strings.EqualFold(fragment, "top") || strings.HasPrefix(fragment, ":~:") ||
		kindOf(file) == kindSVG && strings.ContainsAny(fragment, "(=") {
		return true
	}
	if ids[fragment] {
		return true
	}
	decoded, err := url.PathUnescape(fragment)
	return err == nil && ids[decoded]
}

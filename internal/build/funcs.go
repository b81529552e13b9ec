package build

import (
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"strings"
	"sync"

	"briefgen/internal/markdown"
	"briefgen/internal/render"
	"briefgen/internal/site"
)

// renderer renders pages for one worker: it knows the page being rendered,
// so its template functions can make links relative to it.
type renderer struct {
	b     *run
	page  *Page
	tw    *render.Worker
	up    upCache
	cards cardSplice
}

// upCache keeps, for the page a relative link was last made from, the
// climb from that page's folder to the site root ("../../"), which every
// relative link of the page starts with.
type upCache struct {
	from string
	up   string
	ok   bool
}

// climb returns the climb from the page at URL path from to the site root.
func (c *upCache) climb(from string) string {
	if !c.ok || c.from != from {
		c.from, c.up, c.ok = from, render.Up(from), true
	}
	return c.up
}

// run is what every worker of one build shares.
type run struct {
	site      *site.Site
	md        *markdown.Markdown
	base      *url.URL // the site's base URL; its path always ends in "/"
	relative  bool
	assets    map[string]*asset
	digests   map[string]sum // of every dependency key
	minify    *minifier      // nil when the build does not minify
	graph     *graph
	fragments *fragmentCache
	theme     sum             // of the templates and assets
	custom    map[string]bool // templates using one of the site's own template files
}

// link returns the URL to put in an href for the site path p.
func (r *renderer) link(p string) string {
	frag := ""
	if i := strings.IndexByte(p, '#'); i >= 0 {
		p, frag = p[:i], p[i:]
	}
	if r.b.relative {
		if p == "" && frag != "" && r.page != nil {
			return frag
		}
		from := ""
		if r.page != nil {
			from = r.page.URL
		}
		return render.RelFrom(r.up.climb(from), p) + frag
	}
	return r.b.base.Path + p + frag
}

// abs returns the absolute URL of the site path p, for canonical links,
// feeds and metadata; without a base URL host it is root-relative.
func (r *renderer) abs(p string) string {
	if r.b.base.Host == "" {
		return r.b.base.Path + p
	}
	u := *r.b.base
	u.Path += p
	return u.String()
}

// resolver resolves annotations of one body to links from the current page.
type resolver struct {
	r     *renderer
	brief *site.Brief
	abs   bool // absolute URLs, for feeds
}

func (x resolver) Resolve(kind, target string) (string, bool) {
	p, ok := x.r.b.site.Resolve(x.brief, kind, target)
	switch {
	case !ok:
		return "", false
	case x.abs:
		return x.r.abs(p), true
	}
	return x.r.link(p), true
}

// Link returns the URL of a path from the site root, written in markdown as
// a link starting with "/".
func (x resolver) Link(p string) string {
	if x.abs {
		return x.r.abs(p)
	}
	return x.r.link(p)
}

func (r *renderer) markdown(src string, b *site.Brief) (template.HTML, error) {
	return r.convert(src, resolver{r: r, brief: b})
}

func (r *renderer) convert(src string, res resolver) (template.HTML, error) {
	doc, err := r.b.md.Convert([]byte(src), res)
	if err != nil {
		return "", err
	}
	return template.HTML(doc.HTML), nil
}

// fragmentCache keeps pieces of output (a card of a list, a brief's feed
// entry, an entry of the search index) between builds, each under the stamp
// of what it shows, so that a file made of many pieces costs only the
// changed pieces. It is shared by the workers of a build.
type fragmentCache struct {
	mu sync.Mutex
	m  map[fragmentID]fragment
}

// fragmentID names a piece of output: what kind of piece (a card of
// partial name, a feed entry, a search entry), of which item, and for
// pages how far from the site root, where links are relative.
type fragmentID struct {
	kind, name, item, from string
}

type fragment struct {
	key  sum
	data string // a string, so that template functions return it without copying
	raw  int    // the length of the piece before minification
}

// get returns the piece id made for key, making it with make if the cached
// one was made for another key. build returns the piece and its length
// before minification.
func (c *fragmentCache) get(id fragmentID, key sum, build func() ([]byte, int, error)) (fragment, error) {
	c.mu.Lock()
	f, ok := c.m[id]
	c.mu.Unlock()
	if ok && f.key == key {
		return f, nil
	}
	data, raw, err := build()
	if err != nil {
		return fragment{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[fragmentID]fragment{}
	}
	f = fragment{key, string(data), raw}
	c.m[id] = f
	return f, nil
}

// getAll is get for the pieces of kind for items, with keys, at once: it
// takes the lock twice, not twice per piece. build makes piece i.
func (c *fragmentCache) getAll(kind string, items []string, keys []sum, build func(i int) ([]byte, int, error)) ([]fragment, error) {
	out := make([]fragment, len(items))
	var missing []int
	c.mu.Lock()
	for i, it := range items {
		if f, ok := c.m[fragmentID{kind: kind, item: it}]; ok && f.key == keys[i] {
			out[i] = f
		} else {
			missing = append(missing, i)
		}
	}
	c.mu.Unlock()
	made := make([]fragment, len(missing))
	for j, i := range missing {
		data, raw, err := build(i)
		if err != nil {
			return nil, err
		}
		made[j] = fragment{keys[i], string(data), raw}
		out[i] = made[j]
	}
	if len(made) > 0 {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.m == nil {
			c.m = map[fragmentID]fragment{}
		}
		for j, i := range missing {
			c.m[fragmentID{kind: kind, item: items[i]}] = made[j]
		}
	}
	return out, nil
}

// funcs are the template functions; see templates/ for their use.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"link": r.link,
		"abs":  r.abs,
		"asset": func(name string) (string, error) {
			a := r.b.assets[name]
			if a == nil {
				return "", fmt.Errorf("asset %q: no such file in assets/", name)
			}
			return r.link(a.url), nil
		},
		"integrity": func(name string) (string, error) {
			a := r.b.assets[name]
			if a == nil {
				return "", fmt.Errorf("asset %q: no such file in assets/", name)
			}
			if r.b.relative {
				return "", nil // browsers refuse integrity checks on file:// pages, and the asset with them
			}
			return a.integrity, nil
		},
		"body": func(b *site.Brief) (template.HTML, error) { return r.markdown(b.Body, b) },
		"markdown": func(src string) (template.HTML, error) {
			return r.markdown(src, nil)
		},
		render.Cached:     r.cached,
		render.CachedEach: r.cachedEach,
		"plural":          site.Plural,
		"first":           first,
		"last":            last,
		"jsonld":          func(v *View) (template.HTML, error) { return r.jsonLD(v) },
		// relativeURLs reports a build for browsing from file://.
		"relativeURLs": func() bool { return r.b.relative },
	}
}

// first returns the first n elements of the slice list, or all of it if it
// is shorter, so that a template shows a few items of a long list without
// looping over all of it.
func first(n int, list any) (any, error) {
	v, err := sliceValue("first", list)
	if err != nil || !v.IsValid() {
		return nil, err
	}
	return v.Slice(0, clamp(n, v.Len())).Interface(), nil
}

// last returns the last n elements of the slice list, or all of it if it
// is shorter.
func last(n int, list any) (any, error) {
	v, err := sliceValue("last", list)
	if err != nil || !v.IsValid() {
		return nil, err
	}
	return v.Slice(v.Len()-clamp(n, v.Len()), v.Len()).Interface(), nil
}

// sliceValue returns list as a reflect.Value of kind slice, or the zero
// Value for a nil list; fn names the template function, for the error.
func sliceValue(fn string, list any) (reflect.Value, error) {
	v := reflect.ValueOf(list)
	switch {
	case !v.IsValid():
		return v, nil
	case v.Kind() != reflect.Slice:
		return reflect.Value{}, fmt.Errorf("%s: want a slice, got %T", fn, list)
	}
	return v, nil
}

// clamp returns n within [0, limit].
func clamp(n, limit int) int { return min(max(n, 0), limit) }

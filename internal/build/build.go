// Package build turns a site folder into its output files. A Builder keeps
// what it rendered, keyed by a stamp of everything each page shows, so that
// building again after an edit renders only the pages whose inputs changed;
// the result is byte-identical to a full build.
package build

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"briefgen"
	"briefgen/internal/content"
	"briefgen/internal/markdown"
	"briefgen/internal/render"
	"briefgen/internal/site"
)

// Options configure a Builder.
type Options struct {
	Src      string // the site folder, holding content/ and optionally templates/ and assets/
	Drafts   bool   // include draft briefs
	BaseURL  string // overrides site.yaml's baseURL
	Relative bool   // make every link relative, for browsing from file://
	Minify   bool
	Workers  int  // pages rendered at once; 0 means one per CPU
	Dev      bool // for briefgen serve: stable asset names, no integrity hashes
	Logger   *slog.Logger
}

// Builder builds a site, and builds it again cheaply after edits. A Builder
// is not safe for concurrent use.
type Builder struct {
	opts   Options
	loader *content.Loader
	md     *markdown.Markdown
	min    *minifier

	themeStamp  string
	themeFailed bool // the last look at the templates and assets found a problem
	templates   *render.Templates
	tmplFiles   map[string]string   // template file → digest
	tmplDeps    map[string][]string // page template → the keys every page made with it depends on
	custom      map[string]bool     // template → whether it uses one of the site's own template files
	assets      map[string]*asset
	workers     []*renderer

	model site.Cache // keeps what the site model computes from each unchanged file
	deps  depMemo    // keeps each unchanged brief's dependencies

	base string // the base URL of the last build

	fragments  fragmentCache
	wholePages bool // minify pages whole rather than splice in their minified cards, to test that both agree

	files     map[string][]byte // the last good output
	pages     []pageState       // the last good build's pages, in its order
	assetURLs []string          // the last good build's assets
}

// Result reports one build.
type Result struct {
	Files    map[string][]byte // the whole site: output path → bytes
	Written  []string          // files new or changed since the previous build, sorted
	Removed  []string          // files gone since the previous build, sorted
	Rendered int               // pages rendered (the rest were unchanged)
	Kinds    map[string]int    // pages per kind
	Bytes    int64             // total output size
	Saved    int64             // bytes saved by minification
	Duration time.Duration
}

// New returns a Builder for opts.
func New(opts Options) *Builder {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	b := &Builder{opts: opts, loader: content.NewLoader(opts.Src, opts.Drafts), md: markdown.New(),
		files: map[string][]byte{}}
	if opts.Minify {
		b.min = newMinifier()
	}
	return b
}

// Build loads the site and renders every page whose inputs changed since the
// last successful Build (all of them the first time). On error the last
// good output is kept and the error lists file and line where known.
func (b *Builder) Build() (*Result, error) {
	return b.build(b.loader.Load, true)
}

// Rebuild is Build for a caller that knows which files changed (absolute, or
// relative to the site folder), such as a file watcher: content is re-read
// only where it changed, and the templates and assets only when one of
// them did (or the last look at them found a problem).
func (b *Builder) Rebuild(changed []string) (*Result, error) {
	theme := b.templates == nil || b.themeFailed || slices.ContainsFunc(changed, b.inTheme)
	return b.build(func() (*content.Content, error) { return b.loader.Update(changed) }, theme)
}

// inTheme reports whether path p, as Rebuild takes it, may be a template
// or asset: it is under templates/ or assets/, or holds them.
func (b *Builder) inTheme(p string) bool {
	rel, err := content.RelPath(b.opts.Src, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	return top == "templates" || top == "assets"
}

// build loads the content with load, and the templates and assets at the
// same time if theme says so, then renders what changed. A content error
// wins over a theme error, as it would if they were loaded one after the
// other.
func (b *Builder) build(load func() (*content.Content, error), theme bool) (*Result, error) {
	start := time.Now()
	themeErr := make(chan error, 1)
	if theme {
		go func() {
			err := b.loadTheme()
			b.themeFailed = err != nil
			themeErr <- err
		}()
	} else {
		themeErr <- nil
	}
	c, err := load()
	if terr := <-themeErr; err == nil {
		err = terr
	}
	if err != nil {
		return nil, err
	}
	base, err := baseURL(cmp.Or(b.opts.BaseURL, c.Site.BaseURL))
	if err != nil {
		return nil, &content.Error{File: content.SiteFile, Msg: err.Error()}
	}
	b.base = base.String()
	fileDig := make(chan map[string]sum, 1)
	go func() { fileDig <- fileDigests(c) }()
	s := b.model.New(c)
	dig := b.siteDigests(<-fileDig, c, s, base)
	r := &run{site: s, md: b.md, base: base, relative: b.opts.Relative, assets: b.assets, digests: dig, minify: b.min,
		fragments: &b.fragments, theme: sumOfStrings(b.themeStamp), custom: b.custom}
	b.deps.start(world(dig))
	g := newGraph(s, b.templates.Has, &b.deps, dig, b.opts.Relative)
	r.graph = g
	html, generated := g.pages()
	pgs := append(html, generated...)

	prev, same, err := b.match(pgs)
	if err != nil {
		return nil, err
	}
	state := make([]pageState, len(pgs))
	var todo []*Page
	var took []time.Duration // by todo's pages, how long each took last time
	for i, st := range b.stamp(pgs, dig) {
		p := pgs[i]
		state[i] = pageState{file: p.File, kind: p.Kind, stamp: st}
		var last time.Duration
		if j := prev[i]; j >= 0 {
			if old := b.pages[j]; old.stamp == st {
				state[i].size, state[i].took = old.size, old.took
				continue
			}
			last = b.pages[j].took
		}
		todo = append(todo, p)
		took = append(took, last)
	}
	out, err := b.renderAll(r, todo, took)
	if err != nil {
		return nil, err
	}

	// The output is the last one with the re-rendered pages and the assets
	// put in; when the site lost or gained pages, it is made anew.
	var files map[string][]byte
	if same {
		files = maps.Clone(b.files)
		for _, u := range b.assetURLs {
			delete(files, u)
		}
	} else {
		files = make(map[string][]byte, len(pgs)+len(b.assets))
		for i, p := range pgs {
			if j := prev[i]; j >= 0 && b.pages[j].stamp == state[i].stamp {
				files[p.File] = b.files[p.File]
			}
		}
	}
	res := &Result{Files: files, Rendered: len(todo), Kinds: map[string]int{}, Saved: b.min.takeSaved()}
	written := func(f string, data []byte) {
		if old, ok := b.files[f]; !ok || string(old) != string(data) {
			res.Written = append(res.Written, f)
		}
		files[f] = data
	}
	at := 0
	for i := range state {
		if at < len(todo) && todo[at] == pgs[i] {
			state[i].size, state[i].took = len(out[at].data), out[at].took
			written(pgs[i].File, out[at].data)
			at++
		}
		res.Bytes += int64(state[i].size)
		res.Kinds[state[i].kind]++
	}
	assetURLs := make([]string, 0, len(b.assets))
	for _, name := range sortedKeys(b.assets) {
		a := b.assets[name]
		written(a.url, a.data)
		assetURLs = append(assetURLs, a.url)
		res.Bytes += int64(len(a.data))
	}
	gone := b.assetURLs // the only files that can have gone when the pages are the same
	if !same {
		gone = slices.Collect(maps.Keys(b.files))
	}
	for _, f := range gone {
		if _, ok := files[f]; !ok {
			res.Removed = append(res.Removed, f)
		}
	}
	slices.Sort(res.Written)
	slices.Sort(res.Removed)
	b.files, b.pages, b.assetURLs = files, state, assetURLs
	res.Duration = time.Since(start)
	return res, nil
}

// pageState is what a Builder keeps of a page from one build to the next.
type pageState struct {
	file, kind string
	stamp      sum
	size       int           // of its output
	took       time.Duration // to render, last time it was
}

// match returns, for each of pgs, its place in the last build's pages or
// -1 for a new one, and whether the pages are the same files in the same
// order as last time. Two pages with one file are an error.
func (b *Builder) match(pgs []*Page) (prev []int, same bool, err error) {
	prev = make([]int, len(pgs))
	same = len(pgs) == len(b.pages)
	for i, p := range pgs {
		if !same || b.pages[i].file != p.File {
			same = false
			break
		}
		prev[i] = i
	}
	if same {
		return prev, true, nil
	}
	was := make(map[string]int, len(b.pages))
	for j, st := range b.pages {
		was[st.file] = j
	}
	seen := make(map[string]bool, len(pgs))
	for i, p := range pgs {
		if seen[p.File] {
			return nil, false, fmt.Errorf("two pages would be written to %s: rename one of their files", p.File)
		}
		seen[p.File] = true
		prev[i] = -1
		if j, ok := was[p.File]; ok {
			prev[i] = j
		}
	}
	return prev, false, nil
}

// BaseURL returns the base URL the last build used.
func (b *Builder) BaseURL() string { return b.base }

// stamp computes the stamps of pgs on as many goroutines as there are
// workers, each with what its page template shows.
func (b *Builder) stamp(pgs []*Page, dig map[string]sum) []sum {
	shown := make(map[string]sum, len(b.tmplDeps)) // page template → the sum of what it shows on every page
	var buf []byte
	for name, deps := range b.tmplDeps {
		buf = appendDeps(buf[:0], dig, deps)
		shown[name] = sumOf(buf)
	}
	out := make([]sum, len(pgs))
	n := max(1, min(len(b.workers), len(pgs)/256))
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			var buf []byte
			for i := w; i < len(pgs); i += n {
				p := pgs[i]
				out[i], buf = stamp(p, dig, shown[p.Template], buf)
			}
		})
	}
	wg.Wait()
	return out
}

// rendered is one page's output and how long it took to make.
type rendered struct {
	data []byte
	took time.Duration
}

// renderAll renders pages on the Builder's workers, in parallel, each
// worker taking the next page when it is done with one: the longest first,
// by took, what each took last time, so that no worker is left with a long
// page at the end. The error reported is that of the first failing page in
// todo's order, whatever the order of rendering.
func (b *Builder) renderAll(r *run, todo []*Page, took []time.Duration) ([]rendered, error) {
	order := make([]int, len(todo))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(took[y], took[x]) })
	out := make([]rendered, len(todo))
	errs := make([]error, len(todo))
	n := min(len(b.workers), max(1, len(todo)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range n {
		wk := b.workers[w]
		wk.b = r
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(order); k = int(next.Add(1) - 1) {
				i := order[k]
				t0 := time.Now()
				out[i].data, errs[i] = b.renderPage(wk, todo[i])
				out[i].took = time.Since(t0)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (b *Builder) renderPage(wk *renderer, p *Page) ([]byte, error) {
	wk.page = p
	wk.cards.start(p.generate == nil && b.min != nil && !b.wholePages)
	var data []byte
	var err error
	if p.generate != nil {
		data, err = p.generate(wk)
	} else {
		p.view.Dev = b.opts.Dev
		if p.markdown != "" {
			p.Body, err = wk.markdown(p.markdown, nil)
		}
		if err == nil {
			data, err = wk.tw.Execute(p.Template, p.view)
		}
	}
	if err != nil {
		return nil, templateError(p, err)
	}
	if p.minified {
		return data, nil
	}
	if len(wk.cards.cards) > 0 {
		small, err := b.min.quiet(p.File, data)
		if err != nil {
			return nil, fmt.Errorf("minify %s: %w", p.File, err)
		}
		if out, raw, ok := wk.cards.splice(small, len(data)); ok {
			b.min.count(raw, len(out))
			return out, nil
		}
		wk.cards.start(false)
		if data, err = wk.tw.Execute(p.Template, p.view); err != nil {
			return nil, templateError(p, err)
		}
	}
	small, err := b.min.bytes(p.File, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", p.File, err)
	}
	return small, nil
}

var templateLine = regexp.MustCompile(`template: ([^:]+):(\d+)`)

// templateError points a rendering error at its template file and line:
// the innermost named, where a cached partial failed inside a page.
func templateError(p *Page, err error) error {
	if all := templateLine.FindAllStringSubmatch(err.Error(), -1); all != nil {
		m := all[len(all)-1]
		line, _ := strconv.Atoi(m[2])
		return &content.Error{File: "templates/" + m[1], Line: line, Msg: fmt.Sprintf("rendering %s: %v", p.File, err)}
	}
	return fmt.Errorf("rendering %s: %w", p.File, err)
}

// loadTheme reads the templates and assets, parsing them again only when a
// file changed, and makes the workers.
func (b *Builder) loadTheme() error {
	tmplFS, assetFS, err := themeFS(b.opts.Src)
	if err != nil {
		return err
	}
	files := map[string]string{}
	overrides := map[string]bool{}
	h := sha256.New()
	for _, dir := range []struct {
		fsys   fs.FS
		prefix string
	}{{tmplFS, "tmpl/"}, {assetFS, "asset/"}} {
		err := fs.WalkDir(dir.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(dir.fsys, p)
			if err != nil {
				return err
			}
			dg := content.Digest(data)
			if dir.prefix == "tmpl/" {
				files[p] = dg
				overrides[p] = overridden(dir.fsys.(overlay), p, data)
			}
			fmt.Fprintf(h, "%s%s %s\n", dir.prefix, p, dg)
			return nil
		})
		if err != nil {
			return fmt.Errorf("theme: %w", err)
		}
	}
	themeStamp := hex.EncodeToString(h.Sum(nil))
	if themeStamp == b.themeStamp {
		return nil
	}
	zero := &renderer{}
	t, err := render.Parse(tmplFS, zero.funcs())
	if err != nil {
		return parseError(err)
	}
	for _, name := range requiredTemplates {
		if !t.Has(name) {
			return &content.Error{File: "templates/" + name, Msg: "missing page template: add it, or delete your templates/ copy's other files to use the defaults"}
		}
	}
	assets, err := loadAssets(assetFS, b.min, !b.opts.Dev)
	if err != nil {
		return err
	}
	workers := make([]*renderer, b.opts.Workers)
	for i := range workers {
		wk := &renderer{}
		tw, err := t.NewWorker(wk.funcs())
		if err != nil {
			return err
		}
		wk.tw = tw
		workers[i] = wk
	}
	b.templates, b.tmplFiles, b.assets, b.workers, b.themeStamp = t, files, assets, workers, themeStamp
	b.custom = map[string]bool{}
	for _, name := range t.All() {
		b.custom[name] = slices.ContainsFunc(t.Files(name), func(f string) bool { return overrides[f] })
	}
	b.tmplDeps = templateDeps(t, b.custom, b.opts.Dev)
	return nil
}

// anyContent stands for every content file: a site's own template may show
// anything, so what it renders depends on everything.
var anyContent = []string{anyBrief, anyActor, anyTheme, anyEntry, anyPage}

// templateDeps lists, for each page template, the keys that every page
// rendered with it depends on: its template files, what every page shows
// (membership, the standalone pages' titles) and, outside dev mode, the
// asset names and integrity hashes.
func templateDeps(t *render.Templates, custom map[string]bool, dev bool) map[string][]string {
	out := map[string][]string{}
	for _, name := range t.Names() {
		var deps []string
		for _, f := range t.Files(name) {
			deps = append(deps, prefixTmpl+f)
		}
		if custom[name] {
			deps = append(deps, anyContent...)
		}
		deps = append(deps, keyMembers, keyPageTitles)
		if !dev {
			deps = append(deps, prefixAssets)
		}
		out[name] = deps
	}
	return out
}

// overridden reports whether the site's own copy of template p differs from
// the default one.
func overridden(o overlay, p string, data []byte) bool {
	if _, err := fs.Stat(o.upper, p); err != nil {
		return false
	}
	def, err := fs.ReadFile(o.lower, p)
	return err != nil || string(def) != string(data)
}

var requiredTemplates = []string{"home.html", "brief.html", "briefs.html", "actor.html", "actors.html",
	"theme.html", "themes.html", "timeline.html", "entry.html", "search.html", "404.html"}

var parseLine = regexp.MustCompile(`template: ([^:]+):(\d+):\s*(.*)`)

func parseError(err error) error {
	if m := parseLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		return &content.Error{File: "templates/" + m[1], Line: line, Msg: m[3]}
	}
	return fmt.Errorf("templates: %w", err)
}

// themeFS returns the site's templates/ and assets/ laid over the defaults.
func themeFS(src string) (tmpl, assets fs.FS, err error) {
	lowT, err := fs.Sub(briefgen.Defaults, "templates")
	if err != nil {
		return nil, nil, err
	}
	lowA, err := fs.Sub(briefgen.Defaults, "assets")
	if err != nil {
		return nil, nil, err
	}
	return overlay{upper: os.DirFS(filepath.Join(src, "templates")), lower: lowT},
		overlay{upper: os.DirFS(filepath.Join(src, "assets")), lower: lowA}, nil
}

// baseURL parses the configured base URL; its path always ends in "/".
func baseURL(s string) (*url.URL, error) {
	if s == "" {
		s = "/"
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("baseURL %q: %w", s, err)
	}
	if u.Host != "" && u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("baseURL %q: want http or https", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("baseURL " + strconv.Quote(s) + ": no query or fragment allowed")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	return u, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

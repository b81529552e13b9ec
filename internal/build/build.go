// Package build turns a site folder into its output files. A Builder keeps
// what it rendered, keyed by a stamp of everything each page shows, so that
// building again after an edit renders only the pages whose inputs changed;
// the result is byte-identical to a full build.
package build

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
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

	themeStamp string
	templates  *render.Templates
	tmplFiles  map[string]string // template file → digest
	overrides  map[string]bool   // template files the site overrides
	assets     map[string]*asset
	workers    []*renderer

	base string // the base URL of the last build

	fragments fragmentCache

	files  map[string][]byte // the last good output
	stamps map[string]string // output file → stamp of its inputs
	kinds  map[string]string // output file → page kind
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
		files: map[string][]byte{}, stamps: map[string]string{}, kinds: map[string]string{}}
	if opts.Minify {
		b.min = newMinifier()
	}
	return b
}

// Build loads the site and renders every page whose inputs changed since the
// last successful Build (all of them the first time). On error the last
// good output is kept and the error lists file and line where known.
func (b *Builder) Build() (*Result, error) {
	start := time.Now()
	c, err := b.loader.Load()
	if err != nil {
		return nil, err
	}
	return b.build(c, start)
}

// Rebuild is Build for a caller that knows which files changed (absolute, or
// relative to the site folder), such as a file watcher: content is re-read
// only where it changed. Templates and assets are always looked at; there
// are few of them.
func (b *Builder) Rebuild(changed []string) (*Result, error) {
	start := time.Now()
	c, err := b.loader.Update(changed)
	if err != nil {
		return nil, err
	}
	return b.build(c, start)
}

func (b *Builder) build(c *content.Content, start time.Time) (*Result, error) {
	if err := b.loadTheme(); err != nil {
		return nil, err
	}
	base, err := baseURL(cmp.Or(b.opts.BaseURL, c.Site.BaseURL))
	if err != nil {
		return nil, &content.Error{File: content.SiteFile, Msg: err.Error()}
	}
	b.base = base.String()
	s := site.New(c)
	dig := b.digests(c, base)
	r := &run{site: s, md: b.md, base: base, relative: b.opts.Relative, assets: b.assets, digests: dig, fragments: &b.fragments}
	g := newGraph(s, b.templates.Has)
	r.graph = g
	html := g.pages()
	pgs := append(html, g.generated(html)...)

	files := make(map[string][]byte, len(pgs)+len(b.assets))
	stamps := make(map[string]string, len(pgs))
	kinds := make(map[string]string, len(pgs))
	var todo []*Page
	for _, p := range pgs {
		if p.Template != "" {
			for _, f := range b.templates.Files(p.Template) {
				p.Deps = append(p.Deps, prefixTmpl+f)
				if b.overrides[f] {
					// A site's own template may show anything: depend on everything.
					p.Deps = append(p.Deps, anyBrief, anyActor, anyTheme, anyEntry, prefixPage+"*")
				}
			}
			p.Deps = append(p.Deps, keyMembers)
			if !b.opts.Dev {
				p.Deps = append(p.Deps, prefixAssets)
			}
		}
		if _, dup := stamps[p.File]; dup {
			return nil, fmt.Errorf("two pages would be written to %s: rename one of their files", p.File)
		}
		stamps[p.File] = stamp(p, dig)
		kinds[p.File] = p.Kind
		if old, ok := b.files[p.File]; ok && b.stamps[p.File] == stamps[p.File] {
			files[p.File] = old
			continue
		}
		todo = append(todo, p)
	}
	out, saved, err := b.renderAll(r, todo)
	if err != nil {
		return nil, err
	}
	for i, p := range todo {
		files[p.File] = out[i]
	}
	for _, a := range b.assets {
		files[a.url] = a.data
	}
	res := &Result{Files: files, Rendered: len(todo), Kinds: map[string]int{}, Saved: saved}
	for f, data := range files {
		res.Bytes += int64(len(data))
		if old, ok := b.files[f]; !ok || string(old) != string(data) {
			res.Written = append(res.Written, f)
		}
	}
	for f := range b.files {
		if _, ok := files[f]; !ok {
			res.Removed = append(res.Removed, f)
		}
	}
	for _, k := range kinds {
		res.Kinds[k]++
	}
	slices.Sort(res.Written)
	slices.Sort(res.Removed)
	b.files, b.stamps, b.kinds = files, stamps, kinds
	res.Duration = time.Since(start)
	return res, nil
}

// BaseURL returns the base URL the last build used.
func (b *Builder) BaseURL() string { return b.base }

// renderAll renders pages on the Builder's workers, in parallel.
func (b *Builder) renderAll(r *run, todo []*Page) ([][]byte, int64, error) {
	out := make([][]byte, len(todo))
	errs := make([]error, len(todo))
	saved := make([]int64, len(todo))
	n := min(len(b.workers), max(1, len(todo)))
	var wg sync.WaitGroup
	for w := range n {
		wk := b.workers[w]
		wk.b = r
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(todo); i += n {
				out[i], saved[i], errs[i] = b.renderPage(wk, todo[i])
			}
		}()
	}
	wg.Wait()
	var total int64
	for i, err := range errs {
		if err != nil {
			return nil, 0, err
		}
		total += saved[i]
	}
	return out, total, nil
}

func (b *Builder) renderPage(wk *renderer, p *Page) ([]byte, int64, error) {
	wk.page = p
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
		return nil, 0, templateError(p, err)
	}
	small, err := b.min.bytes(p.File, data)
	if err != nil {
		return nil, 0, fmt.Errorf("minify %s: %w", p.File, err)
	}
	return small, int64(len(data) - len(small)), nil
}

var templateLine = regexp.MustCompile(`template: ([^:]+):(\d+)`)

// templateError points a rendering error at its template file and line.
func templateError(p *Page, err error) error {
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
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
	b.overrides = overrides
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
	return nil
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

// digests returns the digest of every dependency key.
func (b *Builder) digests(c *content.Content, base *url.URL) map[string]string {
	d := map[string]string{}
	all := map[string]*strings.Builder{}
	for _, k := range []string{anyBrief, anyActor, anyTheme, anyEntry, prefixPage + "*"} {
		all[k] = &strings.Builder{}
	}
	for f, dg := range c.Files {
		var key string
		switch {
		case strings.HasPrefix(f, content.BriefsDir+"/"):
			key = prefixBrief
		case strings.HasPrefix(f, content.ActorsDir+"/"):
			key = prefixActor
		case strings.HasPrefix(f, content.ThemesDir+"/"):
			key = prefixTheme
		case strings.HasPrefix(f, content.TimelineDir+"/"):
			key = prefixEntry
		case strings.HasPrefix(f, content.PagesDir+"/"):
			key = prefixPage
		default:
			continue
		}
		d[key+strings.TrimSuffix(filepath.Base(f), ".md")] = dg
	}
	var members strings.Builder
	for _, k := range sortedKeys(d) {
		wild := k[:strings.IndexByte(k, ':')+1] + "*"
		fmt.Fprintf(all[wild], "%s=%s\n", k, d[k])
		members.WriteString(k + "\n")
	}
	d[keyMembers] = content.Digest([]byte(members.String()))
	for k, sb := range all {
		d[k] = content.Digest([]byte(sb.String()))
	}
	d[keySite] = content.Digest([]byte(fmt.Sprintf("%s|%s|%v|%v|%v|%v", c.Files[content.SiteFile], base, b.opts.Relative,
		b.opts.Minify, b.opts.Dev, b.opts.Drafts)))
	for f, dg := range b.tmplFiles {
		d[prefixTmpl+f] = dg
	}
	var ah strings.Builder
	for _, name := range sortedKeys(b.assets) {
		fmt.Fprintf(&ah, "%s=%s\n", name, b.assets[name].digest)
	}
	d[prefixAssets] = content.Digest([]byte(ah.String()))
	return d
}

// stampSeeds key the stamp hashes; stamps are only compared within one
// process, so any seeds do.
var stampSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// stamp is a 128-bit digest of everything page p shows.
func stamp(p *Page, dig map[string]string) string {
	var out [16]byte
	for i, seed := range stampSeeds {
		var h maphash.Hash
		h.SetSeed(seed)
		for _, s := range [...]string{p.Kind, p.URL, p.Template, p.Title, p.Description} {
			h.WriteString(s)
			h.WriteByte(0)
		}
		for _, k := range p.Deps {
			h.WriteString(k)
			h.WriteByte('=')
			h.WriteString(dig[k])
			h.WriteByte(0)
		}
		binary.LittleEndian.PutUint64(out[i*8:], h.Sum64())
	}
	return string(out[:])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefgen/internal/markdown"
	"briefgen/internal/names"
)

// The folders of a site's content, relative to the site folder.
const (
	Dir         = "content"
	SiteFile    = "content/site.yaml"
	BriefsDir   = "content/briefs"
	ActorsDir   = "content/actors"
	ThemesDir   = "content/themes"
	TimelineDir = "content/timeline"
	SourcesDir  = "content/sources"
	PagesDir    = "content/pages"
)

// Content is everything under a site's content folder, loaded and checked:
// every reference between its parts resolves.
type Content struct {
	Site     Site
	Briefs   []*Brief // newest first, then by slug; drafts only when loaded with drafts
	Actors   []*Actor // by slug
	Themes   []*Theme // by slug
	Timeline []*Entry // chronological, then by slug
	Pages    []*Page  // by slug

	// Files maps each content file to the digest of its bytes.
	Files map[string]string

	actors  *index[*Actor]
	themes  *index[*Theme]
	entries map[string]*Entry
	briefs  map[string]*Brief
}

// Actor returns the actor a reference names, by slug or by any name.
func (c *Content) Actor(ref string) *Actor { a, _ := c.actors.find(ref); return a }

// Theme returns the theme a reference names, by slug or name.
func (c *Content) Theme(ref string) *Theme { t, _ := c.themes.find(ref); return t }

// Entry returns the timeline entry with the given slug.
func (c *Content) Entry(slug string) *Entry { return c.entries[slug] }

// Brief returns the brief with the given slug.
func (c *Content) Brief(slug string) *Brief { return c.briefs[slug] }

// MentionedActor resolves an annotation target in brief b: first among the
// surface forms the brief lists for its actors, then among all actors.
func (c *Content) MentionedActor(b *Brief, target string) *Actor {
	if ref, ok := b.mentions[foldKey(target)]; ok {
		return c.Actor(ref)
	}
	return c.Actor(target)
}

// Loader reads a site's content and keeps what it parsed, so that loading
// again after an edit re-reads only the files whose size or time changed.
// A Loader is not safe for concurrent use.
type Loader struct {
	dir     string
	drafts  bool
	md      *markdown.Markdown
	files   map[string]*parsed
	digests map[string]string // file → digest, for every file of files
	names   []string          // the keys of files, sorted; nil when files gained or lost one
	slots   []slot            // what each of names holds, in a row for assemble to go through
	// The briefs in the order the last load sorted them, so that the next
	// one sorts them again at little cost; nil with names.
	briefs []*Brief
	loaded bool // a full Load has run

	// gen counts the changes that can change whether the references of a
	// brief or entry resolve: any file but a brief changing, and briefs
	// coming or going. Their checks and the name indexes are kept while it
	// stays the same.
	gen    uint64
	ixGen  uint64 // gen+1 when actors and themes were indexed; 0 before
	actors *index[*Actor]
	themes *index[*Theme]
}

// slot is a parsed file's value and problems.
type slot struct {
	value any
	errs  Errors
}

type parsed struct {
	size    int64
	modTime time.Time
	digest  string
	value   any // *Site, *Brief, *Actor, *Theme or *Entry
	anns    []markdown.Annotation
	keys    map[string]int // top-level front matter field → file line
	errs    Errors
}

// NewLoader returns a loader for the site in dir; drafts says whether draft
// briefs are part of the site.
func NewLoader(dir string, drafts bool) *Loader {
	return &Loader{dir: dir, drafts: drafts, md: markdown.New(), files: map[string]*parsed{}, digests: map[string]string{}}
}

// Load is a one-off NewLoader(dir, drafts).Load().
func Load(dir string, drafts bool) (*Content, error) {
	return NewLoader(dir, drafts).Load()
}

// Load reads the content folder and checks it. The error, if any, is of type
// Errors and lists every problem with its file and line.
func (l *Loader) Load() (*Content, error) {
	seen := map[string]bool{}
	if err := l.read(SiteFile, seen); err != nil {
		return nil, err
	}
	for _, dir := range contentDirs {
		if err := l.walk(dir, seen); err != nil {
			return nil, err
		}
	}
	for f := range l.files {
		if !seen[f] {
			l.forget(f)
		}
	}
	l.loaded = true
	return l.assemble()
}

// LoadKnown reads only the actors and themes of the site in dir, for ingest:
// it checks each file but not references between files, so it works on a
// site whose briefs do not exist yet.
func LoadKnown(dir string) ([]*Actor, []*Theme, error) {
	l := NewLoader(dir, false)
	seen := map[string]bool{}
	for _, d := range []string{ActorsDir, ThemesDir} {
		if err := l.walk(d, seen); err != nil {
			return nil, nil, err
		}
	}
	var errs Errors
	var actors []*Actor
	var themes []*Theme
	for _, f := range sortedKeys(l.files) {
		p := l.files[f]
		errs = append(errs, p.errs...)
		switch v := p.value.(type) {
		case *Actor:
			actors = append(actors, v)
		case *Theme:
			themes = append(themes, v)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return actors, themes, nil
}

// Update is Load for a caller that knows what changed, such as a file
// watcher: it re-reads only the given files and folders (created, changed or
// removed; absolute, or relative to the site folder) instead of looking at
// every file.
func (l *Loader) Update(paths []string) (*Content, error) {
	if !l.loaded {
		return l.Load()
	}
	for _, p := range paths {
		rel, err := RelPath(l.dir, p)
		if err != nil {
			continue
		}
		if rel != SiteFile && !strings.HasPrefix(rel+"/", Dir+"/") {
			continue
		}
		st, err := os.Stat(filepath.Join(l.dir, filepath.FromSlash(rel)))
		switch {
		case rel == SiteFile:
			if err := l.reread(SiteFile); err != nil {
				return nil, err
			}
		case err != nil: // removed
			l.forgetUnder(rel)
		case st.IsDir():
			l.forgetUnder(rel)
			if err := l.walk(rel, map[string]bool{}); err != nil {
				return nil, err
			}
		case contentFile(rel):
			if err := l.reread(rel); err != nil {
				return nil, err
			}
		default:
			l.forgetUnder(rel)
		}
	}
	return l.assemble()
}

// RelPath returns path p, absolute or relative to the site folder dir, as
// a slash-separated path relative to dir. A watcher reports absolute paths;
// the site folder may be relative (".").
func RelPath(dir, p string) (string, error) {
	if filepath.IsAbs(p) {
		root, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if p, err = filepath.Rel(root, p); err != nil {
			return "", err
		}
	}
	return filepath.ToSlash(filepath.Clean(p)), nil
}

// contentDirs are the folders of markdown content.
var contentDirs = []string{BriefsDir, ActorsDir, ThemesDir, TimelineDir, PagesDir}

// contentFile reports whether rel is a markdown file briefgen reads.
func contentFile(rel string) bool {
	if path.Ext(rel) != ".md" {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return false
		}
	}
	for _, dir := range contentDirs {
		if strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

// walk reads every content file under the folder dir.
func (l *Loader) walk(dir string, seen map[string]bool) error {
	err := filepath.WalkDir(filepath.Join(l.dir, filepath.FromSlash(dir)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(l.dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if d.IsDir() && rel != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !contentFile(rel) {
			return nil
		}
		return l.read(rel, seen)
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	return nil
}

// assemble builds and checks a Content from the parsed files.
func (l *Loader) assemble() (*Content, error) {
	var errs Errors
	c := &Content{Files: maps.Clone(l.digests)}
	if l.names == nil {
		l.names = sortedKeys(l.files)
		l.slots = make([]slot, len(l.names))
		for i, f := range l.names {
			p := l.files[f]
			l.slots[i] = slot{p.value, p.errs}
		}
	}
	for _, sl := range l.slots {
		errs = append(errs, sl.errs...)
		switch v := sl.value.(type) {
		case *Site:
			c.Site = *v
		case *Brief:
			c.Briefs = append(c.Briefs, v)
		case *Actor:
			c.Actors = append(c.Actors, v)
		case *Theme:
			c.Themes = append(c.Themes, v)
		case *Entry:
			c.Timeline = append(c.Timeline, v)
		case *Page:
			c.Pages = append(c.Pages, v)
		}
	}
	if l.briefs != nil && len(l.briefs) == len(c.Briefs) {
		c.Briefs = slices.Clone(l.briefs)
	}
	errs = append(errs, l.link(c)...)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return nil, errs
	}
	return c, nil
}

// forget drops the parsed file rel.
func (l *Loader) forget(rel string) {
	delete(l.files, rel)
	delete(l.digests, rel)
	l.names, l.slots, l.briefs = nil, nil, nil
	l.gen++
}

// forgetUnder drops the parsed file rel, or every parsed file in the folder
// rel.
func (l *Loader) forgetUnder(rel string) {
	for f := range l.files {
		if f == rel || strings.HasPrefix(f, rel+"/") {
			l.forget(f)
		}
	}
}

// reread parses the file rel again, whatever its size and time: a watcher
// said it changed, and a quick second save can keep both.
func (l *Loader) reread(rel string) error {
	if p := l.files[rel]; p != nil {
		p.size = -1
	}
	return l.read(rel, map[string]bool{})
}

// read parses the file rel unless its size and time are as last read.
func (l *Loader) read(rel string, seen map[string]bool) error {
	full := filepath.Join(l.dir, filepath.FromSlash(rel))
	st, err := os.Stat(full)
	if err != nil {
		if rel == SiteFile && errors.Is(err, fs.ErrNotExist) {
			return Errors{errorf(rel, 0, "missing: create it with at least 'title:' (see README.md, Content layout)")}
		}
		return fmt.Errorf("read %s: %w", rel, err)
	}
	seen[rel] = true
	if p := l.files[rel]; p != nil && p.size == st.Size() && p.modTime.Equal(st.ModTime()) {
		return nil
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return fmt.Errorf("read %s: %w", rel, err)
	}
	p := &parsed{size: st.Size(), modTime: st.ModTime(), digest: Digest(data)}
	l.parse(rel, data, p)
	old := l.files[rel]
	switch {
	case old == nil:
		l.names, l.slots, l.briefs = nil, nil, nil
	case l.names != nil:
		i, _ := slices.BinarySearch(l.names, rel)
		l.slots[i] = slot{p.value, p.errs}
		was, wasBrief := old.value.(*Brief)
		now, isBrief := p.value.(*Brief)
		if wasBrief || isBrief {
			if j := slices.Index(l.briefs, was); wasBrief && isBrief && j >= 0 {
				l.briefs[j] = now
			} else {
				l.briefs = nil
			}
		}
	}
	if old == nil || !strings.HasPrefix(rel, BriefsDir+"/") {
		l.gen++ // a brief replacing itself changes no other brief's references
	}
	l.files[rel] = p
	l.digests[rel] = p.digest
	return nil
}

// parse decodes one file into p.value, recording problems in p.errs.
func (l *Loader) parse(rel string, data []byte, p *parsed) {
	if rel == SiteFile {
		s := &Site{}
		p.errs = decodeYAML(rel, data, s)
		if s.Title == "" && len(p.errs) == 0 {
			p.errs = append(p.errs, errorf(rel, 1, "title is empty: add 'title: …'"))
		}
		p.value = s
		return
	}
	yml, body, bodyLine, err := splitFrontMatter(data)
	if err != nil {
		p.errs = Errors{errorf(rel, 1, "%s", err.Error())}
		return
	}
	p.keys = topKeyLines(yml)
	slug := strings.TrimSuffix(path.Base(rel), ".md")
	switch {
	case strings.HasPrefix(rel, BriefsDir+"/"):
		b := &Brief{File: rel, Slug: slug, Body: string(body), BodyLine: bodyLine}
		p.errs = decodeYAML(rel, yml, b)
		b.mentions = map[string]string{}
		for _, m := range b.Actors {
			for _, s := range m.Mentions {
				if _, dup := b.mentions[foldKey(s)]; !dup {
					b.mentions[foldKey(s)] = m.Actor.Value
				}
			}
		}
		doc := l.md.Parse(body)
		p.anns, b.Paragraphs, b.Annotations = doc.Annotations, doc.Paragraphs, doc.Annotations
		for _, para := range doc.Paragraphs {
			b.Folded = append(b.Folded, names.Keyword(para.Text))
		}
		p.value = b
	case strings.HasPrefix(rel, ActorsDir+"/"):
		a := &Actor{File: rel, Slug: slug, Body: string(body), BodyLine: bodyLine, Lead: l.lead(body)}
		p.errs = decodeYAML(rel, yml, a)
		p.value = a
	case strings.HasPrefix(rel, ThemesDir+"/"):
		t := &Theme{File: rel, Slug: slug, Body: string(body), BodyLine: bodyLine, Lead: l.lead(body)}
		p.errs = decodeYAML(rel, yml, t)
		p.value = t
	case strings.HasPrefix(rel, PagesDir+"/"):
		pg := &Page{File: rel, Slug: slug, Body: string(body), BodyLine: bodyLine}
		p.errs = decodeYAML(rel, yml, pg)
		p.value = pg
	default:
		e := &Entry{File: rel, Slug: slug, Body: string(body), BodyLine: bodyLine, Lead: l.lead(body)}
		p.errs = decodeYAML(rel, yml, e)
		e.listed = e.Briefs
		p.value = e
	}
}

// lead returns the first paragraph of a markdown body as plain text.
func (l *Loader) lead(body []byte) string {
	if ps := l.md.Parse(body).Paragraphs; len(ps) > 0 {
		return ps[0].Text
	}
	return ""
}

// topKeyLines maps each top-level key of a YAML mapping to its line, for
// messages about a field's value.
func topKeyLines(yml []byte) map[string]int {
	keys := map[string]int{}
	for i, line := range strings.Split(string(yml), "\n") {
		if k, _, ok := strings.Cut(line, ":"); ok && k != "" && k[0] != ' ' && k[0] != '#' && k[0] != '-' {
			keys[k] = i + 1
		}
	}
	return keys
}

// line returns the line of a top-level field of file, or 1.
func (l *Loader) line(file, key string) int {
	if p := l.files[file]; p != nil && p.keys[key] > 0 {
		return p.keys[key]
	}
	return 1
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Package render executes briefgen's html/template page templates. The
// templates come from an fs.FS (the site's templates/ laid over the embedded
// defaults); each page template is parsed together with the base layout and
// the partials into its own set, and each worker renders with its own clone
// of the sets, bound to the page it is rendering, so that links can be made
// relative to that page.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"text/template/parse"
)

// Base and partial template files; every other .html file at the top of the
// templates folder is a page template, which starts with
// {{template "_base.html" .}} and defines the blocks the base leaves open.
const (
	baseFile    = "_base.html"
	partialsDir = "partials"
)

// Templates is a parsed set of page templates. It is never executed itself:
// workers execute clones of it.
type Templates struct {
	sets  map[string]*template.Template // page template → its set
	files map[string][]string           // page template or partial → the files it uses
}

// Parse reads every template in fsys. funcs must name every function the
// templates may call; Worker binds their page-specific versions.
func Parse(fsys fs.FS, funcs template.FuncMap) (*Templates, error) {
	pages, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	partials, err := fs.Glob(fsys, partialsDir+"/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	shared := append([]string{baseFile}, partials...)
	defines := map[string]string{} // template name → file defining it
	sources := map[string]string{}
	for _, f := range append(slices.Clone(shared), pages...) {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		sources[f] = string(b)
	}
	t := &Templates{sets: map[string]*template.Template{}, files: map[string][]string{}}
	for _, p := range pages {
		if p == baseFile {
			continue
		}
		set := template.New(p).Funcs(funcs)
		for _, f := range append(slices.Clone(shared), p) {
			tree, err := template.New(f).Funcs(funcs).Parse(sources[f])
			if err != nil {
				return nil, err
			}
			for _, d := range tree.Templates() {
				if d.Tree == nil {
					continue
				}
				defines[d.Name()] = f
				if _, err := set.AddParseTree(d.Name(), d.Tree); err != nil {
					return nil, fmt.Errorf("%s: %w", f, err)
				}
			}
		}
		t.sets[p] = set
		if t.files[p], err = usedFiles(set, p, defines); err != nil {
			return nil, err
		}
	}
	// A partial uses the same files in every set: take any.
	for _, set := range t.sets {
		for name, f := range defines {
			if strings.HasPrefix(f, partialsDir+"/") {
				if t.files[name], err = usedFiles(set, name, defines); err != nil {
					return nil, err
				}
			}
		}
		break
	}
	return t, nil
}

// Cached and CachedEach are the template functions that execute a
// partial and keep its output between builds: {{cached "name" item}} for
// one item, {{cachedEach "name" list}} for every item of a list. Their
// first argument must be a quoted name, so that the pages using the
// partial are known.
const (
	Cached     = "cached"
	CachedEach = "cachedEach"
)

// usedFiles lists the files whose templates template p reaches, by
// {{template}} or by Cached.
func usedFiles(set *template.Template, p string, defines map[string]string) ([]string, error) {
	seen := map[string]bool{}
	var visit func(name string) error
	visit = func(name string) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		tt := set.Lookup(name)
		if tt == nil || tt.Tree == nil {
			return nil
		}
		return walk(tt.Tree, tt.Tree.Root, visit)
	}
	if err := visit(p); err != nil {
		return nil, err
	}
	files := map[string]bool{}
	for name := range seen {
		if f := defines[name]; f != "" {
			files[f] = true
		}
	}
	out := make([]string, 0, len(files))
	for f := range files {
		out = append(out, f)
	}
	slices.Sort(out)
	return out, nil
}

// walk calls fn with the name of every template that n, a node of tree,
// executes.
func walk(tree *parse.Tree, n parse.Node, fn func(name string) error) error {
	var kids []parse.Node
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return nil
		}
		kids = x.Nodes
	case *parse.TemplateNode:
		if err := fn(x.Name); err != nil {
			return err
		}
		kids = []parse.Node{x.Pipe}
	case *parse.ActionNode:
		kids = []parse.Node{x.Pipe}
	case *parse.IfNode:
		kids = []parse.Node{x.Pipe, x.List, x.ElseList}
	case *parse.RangeNode:
		kids = []parse.Node{x.Pipe, x.List, x.ElseList}
	case *parse.WithNode:
		kids = []parse.Node{x.Pipe, x.List, x.ElseList}
	case *parse.PipeNode:
		if x == nil {
			return nil
		}
		for _, c := range x.Cmds {
			kids = append(kids, c)
		}
	case *parse.ChainNode:
		kids = []parse.Node{x.Node}
	case *parse.CommandNode:
		if id, ok := x.Args[0].(*parse.IdentifierNode); ok && (id.Ident == Cached || id.Ident == CachedEach) {
			var name *parse.StringNode
			if len(x.Args) > 1 {
				name, _ = x.Args[1].(*parse.StringNode)
			}
			if name == nil {
				loc, _ := tree.ErrorContext(x)
				loc = loc[:strings.LastIndexByte(loc, ':')] // file:line, without the column
				return fmt.Errorf("template: %s: %s: the first argument must be a partial's name in quotes", loc, id.Ident)
			}
			if err := fn(name.Text); err != nil {
				return err
			}
		}
		kids = x.Args
	}
	for _, k := range kids {
		if err := walk(tree, k, fn); err != nil {
			return err
		}
	}
	return nil
}

// Files returns the template files that page template or partial name
// uses, for dependency tracking.
func (t *Templates) Files(name string) []string { return t.files[name] }

// Names returns the names of the page templates, sorted.
func (t *Templates) Names() []string { return slices.Sorted(maps.Keys(t.sets)) }

// All returns the names of the page templates and partials, sorted.
func (t *Templates) All() []string { return slices.Sorted(maps.Keys(t.files)) }

// Has reports whether a page template exists.
func (t *Templates) Has(name string) bool { return t.sets[name] != nil }

// Worker renders pages one at a time with its own clones of the templates.
type Worker struct {
	sets map[string]*template.Template
	buf  bytes.Buffer // a page's output, grown to the largest page so far
}

// NewWorker clones the templates and binds funcs, made for this worker, to
// the clones. The functions in funcs typically close over state the caller
// updates before each Execute (such as the current page).
func (t *Templates) NewWorker(funcs template.FuncMap) (*Worker, error) {
	w := &Worker{sets: map[string]*template.Template{}}
	for name, set := range t.sets {
		c, err := set.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		w.sets[name] = c.Funcs(funcs)
	}
	return w, nil
}

// Execute renders page template name with data.
func (w *Worker) Execute(name string, data any) ([]byte, error) {
	set, err := w.set(name)
	if err != nil {
		return nil, err
	}
	w.buf.Reset()
	if err := set.ExecuteTemplate(&w.buf, name, data); err != nil {
		return nil, err
	}
	return bytes.Clone(w.buf.Bytes()), nil
}

// ExecuteIn renders template name, as defined in the set of page template
// page, with data: a partial on its own, starting in HTML text. It may be
// called while a page renders.
func (w *Worker) ExecuteIn(page, name string, data any) ([]byte, error) {
	set, err := w.set(page)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (w *Worker) set(page string) (*template.Template, error) {
	set := w.sets[page]
	if set == nil {
		return nil, fmt.Errorf("template %s: no such page template", page)
	}
	return set, nil
}

// Rel returns the link from the page at URL path from to the URL path to,
// both relative to the site root ("" is the home page, folders end in "/").
// Folder links end in "index.html" so the site browses from file://.
func Rel(from, to string) string { return RelFrom(Up(from), to) }

// Up returns the climb from the page at URL path from to the site root:
// "" for a page at the top, "../" for one a folder down, and so on. A page
// computes it once for all its links (see RelFrom).
func Up(from string) string {
	dir := path.Dir("/" + from + "x")
	up := strings.Count(strings.Trim(dir, "/"), "/")
	if dir != "/" {
		up++
	}
	return strings.Repeat("../", up)
}

// RelFrom is Rel for a page whose climb to the site root, from Up, is up.
func RelFrom(up, to string) string {
	rel := up + to
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return rel
}

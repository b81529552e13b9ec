package build

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"briefgen/internal/markdown"
	"briefgen/internal/render"
	"briefgen/internal/site"
)

// renderer renders pages for one worker: it knows the page being rendered,
// so its template functions can make links relative to it.
type renderer struct {
	b    *run
	page *Page
	tw   *render.Worker
}

// run is what every worker of one build shares.
type run struct {
	site     *site.Site
	md       *markdown.Markdown
	base     *url.URL // the site's base URL; its path always ends in "/"
	relative bool
	assets   map[string]*asset
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
		return render.Rel(from, p) + frag
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
}

func (x resolver) Resolve(kind, target string) (string, bool) {
	p, ok := x.r.b.site.Resolve(x.brief, kind, target)
	if !ok {
		return "", false
	}
	return x.r.link(p), true
}

func (r *renderer) markdown(src string, b *site.Brief) (template.HTML, error) {
	doc, err := r.b.md.Convert([]byte(src), resolver{r, b})
	if err != nil {
		return "", err
	}
	return template.HTML(doc.HTML), nil
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
			return a.integrity, nil
		},
		"body": func(b *site.Brief) (template.HTML, error) { return r.markdown(b.Body, b) },
		"markdown": func(src string) (template.HTML, error) {
			return r.markdown(src, nil)
		},
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"jsonld": func(v *View) (template.HTML, error) { return r.jsonLD(v) },
	}
}

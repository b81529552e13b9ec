package check

import (
	"fmt"
	"strings"
	"testing"
)

// benchSite generates a site of about n pages shaped like briefgen's output:
// a home page, list pages, brief pages linking to actors, and actor pages.
func benchSite(n int) *testSite {
	s := &testSite{v: variants[1], files: make(map[string]string)}
	var home, locs strings.Builder
	pages := []string{}
	for i := range n / 2 {
		pages = append(pages, fmt.Sprintf("briefs/brief-%04d/index.html", i))
	}
	for i := range n / 2 {
		pages = append(pages, fmt.Sprintf("actors/actor-%04d/index.html", i))
	}
	for _, p := range pages {
		fmt.Fprintf(&home, "<li><a href=\"%s\">%s</a>\n", s.link("index.html", pretty(p)), p)
		fmt.Fprintf(&locs, "<url><loc>%s%s</loc></url>\n", s.v.abs, pretty(p))
	}
	s.page("index.html", "Home", "<ul>\n"+home.String()+"</ul>")
	for i, p := range pages {
		var body strings.Builder
		for j := range 20 {
			other := pages[(i*7+j*13)%len(pages)]
			fmt.Fprintf(&body, "<p id=\"p%d\">Paragraph %d with <a href=\"%s#main\">a link</a> and <a href=\"#p%d\">a note</a>.</p>\n", j, j, s.link(p, pretty(other)), (j+1)%20)
		}
		body.WriteString(`<img src="` + s.link(p, "assets/logo.png") + `" alt="">`)
		body.WriteString(`<svg><use href="` + s.link(p, "assets/icons.svg") + `#star"/></svg>`)
		s.page(p, p, body.String())
	}
	s.files["assets/site.css"], s.files["assets/app.js"], s.files["assets/logo.png"], s.files["feed.xml"] = "", "", "", "<feed/>"
	s.files["assets/icons.svg"] = `<svg><symbol id="star"/></svg>`
	s.files["assets/icon.svg"] = `<svg/>`
	s.page("about/index.html", "About", "")
	s.page("briefs/index.html", "Briefs", "")
	s.files["sitemap.xml"] = "<urlset>\n" + locs.String() + "</urlset>\n"
	return s
}

func TestBenchSiteIsGood(t *testing.T) {
	for _, p := range benchSite(100).check(t, Options{}) {
		t.Errorf("unexpected problem: %s", p)
	}
}

func BenchmarkDir(b *testing.B) {
	root := benchSite(1000).write(b)
	b.ResetTimer()
	for b.Loop() {
		problems, err := Dir(root, Options{BaseURL: "https://example.org/briefing/"})
		if err != nil || len(problems) > 0 {
			b.Fatalf("Dir: %v, %d problems", err, len(problems))
		}
	}
}

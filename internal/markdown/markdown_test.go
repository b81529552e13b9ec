package markdown

import (
	"strings"
	"testing"
)

type mapResolver map[string]string

func (m mapResolver) Resolve(kind, target string) (string, bool) {
	u, ok := m[kind+":"+target]
	return u, ok
}

func (m mapResolver) Link(path string) string { return "/base/" + path }

func TestConvertAnnotations(t *testing.T) {
	src := "Intro [line](/briefs/), [ext](https://x.org/a) and ![i](/assets/i.png).\n\n[[Marco Rubio]] met [[hakan-fidan|Fidan]] about [[theme:defense-spending|spending]].\n\nNo [[ghost]] here and `[[code]]` stays.\n"
	r := mapResolver{
		"actor:Marco Rubio":      "/actors/marco-rubio/",
		"actor:hakan-fidan":      "/actors/hakan-fidan/",
		"theme:defense-spending": "/themes/defense-spending/",
	}
	doc, err := New().Convert([]byte(src), r)
	if err != nil {
		t.Fatal(err)
	}
	html := string(doc.HTML)
	for _, want := range []string{
		`<p id="p1">Intro <a href="/base/briefs/">line</a>, <a href="https://x.org/a">ext</a> and <img src="/base/assets/i.png" alt="i">.</p>`,
		`<a class="mention mention-actor" href="/actors/marco-rubio/">Marco Rubio</a>`,
		`<a class="mention mention-actor" href="/actors/hakan-fidan/">Fidan</a>`,
		`<a class="mention mention-theme" href="/themes/defense-spending/">spending</a>`,
		`<span class="mention mention-actor">ghost</span>`,
		`<code>[[code]]</code>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s\n%s", want, html)
		}
	}
	if len(doc.Annotations) != 4 {
		t.Fatalf("annotations = %+v, want 4", doc.Annotations)
	}
	if a := doc.Annotations[3]; a.Target != "ghost" || a.Line != 5 {
		t.Errorf("last annotation = %+v, want ghost on line 5", a)
	}
	if got := doc.Paragraphs[1].Text; got != "Marco Rubio met Fidan about spending." {
		t.Errorf("paragraph text = %q", got)
	}
}

func TestHighlight(t *testing.T) {
	doc, err := New().Convert([]byte("```yaml\ntitle: x\n```\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc.HTML), `class="hl-`) {
		t.Errorf("no highlight classes in %s", doc.HTML)
	}
	css, err := HighlightCSS()
	if err != nil || !strings.Contains(string(css), "prefers-color-scheme: dark") || !strings.Contains(string(css), ".hl-") {
		t.Errorf("HighlightCSS = %.200s, %v", css, err)
	}
}

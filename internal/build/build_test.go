package build

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"briefgen/internal/check"
	"briefgen/internal/content"
	"briefgen/internal/sitegen"
)

// repoSite is the repository itself, which is a briefgen site.
const repoSite = "../.."

// copyContent copies the repository's content/ into a new site folder.
func copyContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(repoSite, "content")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoSite, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func mustBuild(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := New(opts).Build()
	if err != nil {
		t.Fatalf("build %s: %v", opts.Src, err)
	}
	return res
}

func TestBuildRepositorySite(t *testing.T) {
	for _, tt := range []struct {
		name     string
		opts     Options
		checkURL string
	}{
		{"root", Options{Src: repoSite, Minify: true, BaseURL: "https://example.org/"}, "https://example.org/"},
		{"sub-path", Options{Src: repoSite, Minify: true, BaseURL: "https://example.org/briefing/"}, "https://example.org/briefing/"},
		{"relative", Options{Src: repoSite, Relative: true}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := mustBuild(t, tt.opts)
			c, err := content.Load(repoSite, false)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, b := range c.Briefs {
				want = append(want, "briefs/"+b.Slug+"/index.html")
			}
			for _, a := range c.Actors {
				want = append(want, "actors/"+a.Slug+"/index.html", "actors/"+a.Slug+"/feed.xml")
			}
			for _, th := range c.Themes {
				want = append(want, "themes/"+th.Slug+"/index.html")
			}
			for _, e := range c.Timeline {
				want = append(want, "timeline/"+e.Slug+"/index.html")
			}
			want = append(want, "index.html", "briefs/index.html", "actors/index.html", "themes/index.html",
				"timeline/index.html", "search/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
				"search.json", "timeline.ics")
			for _, f := range want {
				if _, ok := res.Files[f]; !ok {
					t.Errorf("missing %s", f)
				}
			}
			out := filepath.Join(t.TempDir(), "public")
			if err := Publish(out, res.Files); err != nil {
				t.Fatal(err)
			}
			problems, err := check.Dir(out, check.Options{BaseURL: tt.checkURL})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("check: %s", p)
			}
			home, script := string(res.Files["index.html"]), res.Files[searchScript]
			if tt.opts.Relative {
				// file:// pages: no integrity checks (browsers drop the asset), and an index they can load
				if strings.Contains(home, "integrity=") {
					t.Errorf("relative build: index.html has integrity attributes")
				}
				if !bytes.HasPrefix(script, []byte("window.briefgenSearchIndex=")) {
					t.Errorf("relative build: %s = %.60q, want the index as a script", searchScript, script)
				}
				if !strings.Contains(string(res.Files["search/index.html"]), `data-index-script="../search-index.js"`) {
					t.Errorf("relative build: the search page does not name %s", searchScript)
				}
				return
			}
			if !strings.Contains(home, `integrity="sha384-`) {
				t.Errorf("index.html has no integrity attributes")
			}
			if script != nil {
				t.Errorf("%s written without --relative-urls", searchScript)
			}
		})
	}
}

func TestActorMentionLinksToActorPage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"content/site.yaml":             "title: T\n",
		"content/actors/ada-nkosi.md":   "---\nname: Ada Nkosi\nkind: person\naliases: [Nkosi]\n---\n",
		"content/briefs/tariffs.md":     "---\ntitle: Tariffs\nactors:\n  - actor: ada-nkosi\n    mentions: [Ada Nkosi]\n---\n[[Ada Nkosi]] spoke.\n",
		"content/timeline/a.md":         "---\ntitle: A\ndate: 2026-01-02\n---\n",
		"content/themes/trade.md":       "---\nname: Trade\nkeywords: [spoke]\n---\n",
		"content/timeline/b-later.md":   "---\ntitle: B\ndate: 2026-01-03\nbriefs: [tariffs]\n---\n",
		"content/briefs/second.md":      "---\ntitle: Second\nthemes: [trade]\n---\nShe spoke again.\n",
		"content/actors/kenya.md":       "---\nname: Kenya\nkind: country\n---\n",
		"content/briefs/third-brief.md": "---\ntitle: Third\n---\n[[kenya|Kenyan]] officials.\n",
	})
	for _, o := range []Options{{Src: dir}, {Src: dir, BaseURL: "https://example.org/sub/"}, {Src: dir, Relative: true}} {
		res := mustBuild(t, o)
		page := string(res.Files["briefs/tariffs/index.html"])
		link := `<a class="mention mention-actor" href="/actors/ada-nkosi/">Ada Nkosi</a>`
		switch {
		case o.Relative:
			link = `<a class="mention mention-actor" href="../../actors/ada-nkosi/index.html">Ada Nkosi</a>`
		case o.BaseURL != "":
			link = `<a class="mention mention-actor" href="/sub/actors/ada-nkosi/">Ada Nkosi</a>`
		}
		if !strings.Contains(page, link) {
			t.Errorf("%+v: brief page lacks %s", o, link)
		}
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBrokenReferenceFailsWithFileAndLine(t *testing.T) {
	dir := copyContent(t)
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Briefs) == 0 {
		t.Skip("no briefs in content/ yet")
	}
	b := c.Briefs[0]
	p := filepath.Join(dir, filepath.FromSlash(b.File))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "\nactors:\n  - actor: ", "\nactors:\n  - actor: nobody-by-this-name\n  - actor: ", 1)
	if broken == string(data) {
		t.Fatalf("%s has no actors list to break", b.File)
	}
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(broken[:strings.Index(broken, "nobody-by-this-name")], "\n")
	_, err = New(Options{Src: dir}).Build()
	want := fmt.Sprintf("%s:%d: unknown actor \"nobody-by-this-name\"", b.File, line)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want it to contain %q", err, want)
	}
}

func TestTemplateErrorNamesFileAndLine(t *testing.T) {
	for _, tt := range []struct {
		name, file, text, msg string
	}{
		{"page", "templates/404.html", "{{template \"_base.html\" .}}\n{{define \"main\"}}\n{{.Nope}}\n{{end}}\n", "can't evaluate field Nope"},
		{"cached partial", "templates/partials/actor-card.html", "{{define \"actor-card\"}}\n\n{{.Nope}}{{end}}\n", "can't evaluate field Nope"},
		{"cached name", "templates/404.html", "{{template \"_base.html\" .}}\n{{define \"main\"}}\n{{cached .Page.Kind .}}\n{{end}}\n", "name in quotes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyContent(t)
			writeFiles(t, dir, map[string]string{tt.file: tt.text})
			_, err := New(Options{Src: dir}).Build()
			var e *content.Error
			if !errors.As(err, &e) || e.File != tt.file || e.Line != 3 || !strings.Contains(e.Msg, tt.msg) {
				t.Fatalf("error = %v, want %s line 3: %s", err, tt.file, tt.msg)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a := mustBuild(t, Options{Src: repoSite, Minify: true, Workers: 1})
	b := mustBuild(t, Options{Src: repoSite, Minify: true, Workers: 4})
	c := mustBuild(t, Options{Src: repoSite, Minify: true, Workers: 4})
	for _, other := range []*Result{b, c} {
		if diff := diffFiles(a.Files, other.Files); diff != "" {
			t.Errorf("builds differ: %s", diff)
		}
	}
}

// diffFiles describes the first differences between two outputs.
func diffFiles(a, b map[string][]byte) string {
	var out []string
	for f, data := range a {
		if other, ok := b[f]; !ok {
			out = append(out, "only in first: "+f)
		} else if !bytes.Equal(data, other) {
			out = append(out, "differs: "+f)
		}
	}
	for f := range b {
		if _, ok := a[f]; !ok {
			out = append(out, "only in second: "+f)
		}
	}
	slices.Sort(out)
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("and %d more", len(out)-10))
	}
	return strings.Join(out, "; ")
}

// TestIncrementalMatchesFull edits a generated site at random and checks
// after every edit that the incremental rebuild equals a full build.
func TestIncrementalMatchesFull(t *testing.T) {
	for _, opts := range []Options{{Minify: true}, {Relative: true}} {
		t.Run(fmt.Sprintf("relative=%v", opts.Relative), func(t *testing.T) { testIncrementalMatchesFull(t, opts) })
	}
}

func testIncrementalMatchesFull(t *testing.T, opts Options) {
	dir := t.TempDir()
	sz := sitegen.ForBriefs(60)
	if err := sitegen.Generate(dir, sz, 7); err != nil {
		t.Fatal(err)
	}
	opts.Src = dir
	inc := New(opts)
	if _, err := inc.Build(); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	actors := make([]string, sz.Actors)
	for i := range actors {
		actors[i] = fmt.Sprintf("actor-%04d", i)
	}
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range c.Actors {
		names = append(names, a.Name)
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	next := sz.Briefs
	everyPage := false // the site's own masthead, on every page, may show anything
	// override writes a template of the site's own, its text with a number
	// for %d; restore removes it again.
	override := func(p, text string) []string {
		writeFiles(t, dir, map[string]string{p: fmt.Sprintf(text, rng.IntN(1000))})
		return []string{p}
	}
	restore := func(p string) []string {
		if os.Remove(filepath.Join(dir, p)) != nil {
			return nil
		}
		return []string{p}
	}
	toggleDraft := func(n int) []string {
		p := fmt.Sprintf("content/briefs/brief-%05d.md", n)
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return nil
		}
		text, ok := strings.CutPrefix(string(data), "---\ndraft: true\n")
		if !ok {
			text = "---\ndraft: true\n" + strings.TrimPrefix(string(data), "---\n")
		} else {
			text = "---\n" + text
		}
		writeFiles(t, dir, map[string]string{p: text})
		return []string{p}
	}
	edits := []struct {
		name string
		do   func() []string
	}{
		{"edit brief", func() []string {
			p := fmt.Sprintf("content/briefs/brief-%05d.md", rng.IntN(sz.Briefs))
			// Publishing a draft changes what the site has; that is not this edit.
			if data, err := os.ReadFile(filepath.Join(dir, p)); err != nil || strings.Contains(string(data), "draft: true") {
				return nil
			}
			writeFiles(t, dir, map[string]string{p: sitegen.Brief(rng, rng.IntN(900), start, names, sz.Themes)})
			return []string{p}
		}},
		{"add brief", func() []string {
			p := fmt.Sprintf("content/briefs/brief-%05d.md", next)
			writeFiles(t, dir, map[string]string{p: sitegen.Brief(rng, next, start, names, sz.Themes)})
			next++
			return []string{p}
		}},
		{"delete brief", func() []string {
			p := fmt.Sprintf("content/briefs/brief-%05d.md", sz.Briefs/2+rng.IntN(sz.Briefs/2))
			if os.Remove(filepath.Join(dir, p)) != nil {
				return nil
			}
			// Timeline entries may list it: drop those lists.
			var changed []string
			entries, _ := filepath.Glob(filepath.Join(dir, "content/timeline/*.md"))
			for _, e := range entries {
				data, _ := os.ReadFile(e)
				slug := strings.TrimSuffix(filepath.Base(p), ".md")
				if strings.Contains(string(data), "briefs: ["+slug+"]") {
					_ = os.WriteFile(e, []byte(strings.Replace(string(data), "briefs: ["+slug+"]", "briefs: []", 1)), 0o644)
					rel, _ := filepath.Rel(dir, e)
					changed = append(changed, rel)
				}
			}
			return append(changed, p)
		}},
		{"rename actor", func() []string {
			i := rng.IntN(sz.Actors)
			p := fmt.Sprintf("content/actors/%s.md", actors[i])
			data, _ := os.ReadFile(filepath.Join(dir, p))
			text := strings.Replace(string(data), "role: ", fmt.Sprintf("role: \"Acting %d\" # ", rng.IntN(100)), 1)
			writeFiles(t, dir, map[string]string{p: text})
			return []string{p}
		}},
		{"edit theme", func() []string {
			p := fmt.Sprintf("content/themes/theme-%03d.md", rng.IntN(sz.Themes))
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("---\nname: Theme edited %d\nkeywords: [talks]\n---\nEdited.\n", rng.IntN(1000))})
			return []string{p}
		}},
		{"edit timeline", func() []string {
			p := fmt.Sprintf("content/timeline/entry-%04d.md", rng.IntN(sz.Entries))
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("---\ntitle: Moved event\ndate: 2025-0%d-1%d\nactors: [%s]\n---\nMoved.\n", 1+rng.IntN(9), rng.IntN(10), actors[rng.IntN(len(actors))])})
			return []string{p}
		}},
		{"override template", func() []string {
			p := "templates/partials/zz-test.html"
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("{{define \"zz-test\"}}%d{{end}}", rng.IntN(1000))})
			return []string{p}
		}},
		// A site's own card shows more than the default one; cached copies
		// of it must follow every content change.
		{"override card", func() []string {
			return override("templates/partials/actor-card.html", `{{define "actor-card"}}<li>%d <a href="{{link .Path}}">{{.Name}}</a> {{range .Briefs}}{{.Title}} {{end}}{{range .Entries}}{{.Title}}{{end}}</li>{{end}}`)
		}},
		{"restore card", func() []string { return restore("templates/partials/actor-card.html") }},
		// brief-item, a cached list item, calls brief-card: a site's own card
		// there shows what the default one does not (its actors' names).
		{"override brief card", func() []string {
			return override("templates/partials/brief-card.html", `{{define "brief-card"}}<article>%d {{.Title}} {{range .Actors}}{{.Actor.Name}} {{end}}</article>{{end}}`)
		}},
		{"restore brief card", func() []string { return restore("templates/partials/brief-card.html") }},
		// A site's own masthead shows what differs from page to page.
		{"override masthead", func() []string {
			everyPage = true
			return override("templates/partials/masthead.html", `{{define "masthead"}}<header>%d {{.Page.Title}} {{len .Site.Briefs}} {{with .Brief}}{{.Title}}{{end}}</header>{{end}}`)
		}},
		{"restore masthead", func() []string {
			everyPage = false
			return restore("templates/partials/masthead.html")
		}},
		{"edit asset", func() []string {
			p := "assets/extra.css"
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("body{margin:%dpx}", rng.IntN(40))})
			return []string{p}
		}},
		{"edit site config", func() []string {
			p := "content/site.yaml"
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("title: Synthetic %d\nbaseURL: https://example.org/\n", rng.IntN(1000))})
			return []string{p}
		}},
		// Cached feed entries and search entries carry absolute links.
		{"move base URL", func() []string {
			p := "content/site.yaml"
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("title: Synthetic\nbaseURL: https://example.org/%d/\n", rng.IntN(3))})
			return []string{p}
		}},
		// Drafts are files of the site but not members of it.
		{"toggle draft", func() []string { return toggleDraft(rng.IntN(sz.Briefs)) }},
		// The first timeline entry lists brief 0: it drops it as a draft and
		// lists it again once published.
		{"toggle listed draft", func() []string { return toggleDraft(0) }},
		// Every page's navigation lists the standalone pages' titles.
		{"edit page", func() []string {
			p := "content/pages/about.md"
			writeFiles(t, dir, map[string]string{p: fmt.Sprintf("---\ntitle: About %d\n---\nAbout [[brief:brief-00001|a brief]].\n", rng.IntN(1000))})
			return []string{p}
		}},
		// Actors are listed by name: a new name can move them.
		{"change actor name", func() []string {
			i := rng.IntN(sz.Actors)
			p := fmt.Sprintf("content/actors/%s.md", actors[i])
			data, _ := os.ReadFile(filepath.Join(dir, p))
			text := strings.Replace(string(data), "name: \"", fmt.Sprintf("name: \"%c", 'A'+rune(rng.IntN(26))), 1)
			writeFiles(t, dir, map[string]string{p: text})
			return []string{p}
		}},
		{"move latest brief", func() []string {
			p := fmt.Sprintf("content/briefs/brief-%05d.md", rng.IntN(sz.Briefs))
			data, err := os.ReadFile(filepath.Join(dir, p))
			if err != nil {
				return nil
			}
			day := time.Date(2027, 1, 1+rng.IntN(28), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			text := regexp.MustCompile(`(?m)^published: .*$`).ReplaceAllString(string(data), "published: "+day)
			writeFiles(t, dir, map[string]string{p: text})
			return []string{p}
		}},
	}
	for step := range 80 {
		e := edits[rng.IntN(len(edits))]
		changed := e.do()
		got, err := inc.Rebuild(changed)
		if err != nil {
			t.Fatalf("step %d (%s): incremental: %v", step, e.name, err)
		}
		full := mustBuild(t, opts)
		if diff := diffFiles(full.Files, got.Files); diff != "" {
			t.Fatalf("step %d (%s %v): incremental differs from full build: %s", step, e.name, changed, diff)
		}
		if e.name == "edit brief" && !everyPage && got.Rendered >= len(full.Files)/2 {
			t.Errorf("step %d: editing one brief re-rendered %d pages of %d", step, got.Rendered, len(full.Files))
		}
	}
}

func TestPublishIsAtomicAndGuarded(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	first := map[string][]byte{"index.html": []byte("one"), "old/index.html": []byte("gone next")}
	if err := Publish(out, first); err != nil {
		t.Fatal(err)
	}
	if err := Publish(out, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "two" {
		t.Errorf("index.html = %q, want two", data)
	}
	if _, err := os.Stat(filepath.Join(out, "old")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("files of removed content survived: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(root, ".public*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}

	home := filepath.Join(root, "home")
	writeFiles(t, home, map[string]string{"notes.txt": "precious"})
	err := Publish(home, first)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace it") {
		t.Fatalf("Publish over a foreign folder: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(home, "notes.txt")); string(data) != "precious" {
		t.Errorf("foreign folder was touched")
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := copyContent(t)
	out := filepath.Join(t.TempDir(), "public")
	res := mustBuild(t, Options{Src: dir})
	if err := Publish(out, res.Files); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	writeFiles(t, dir, map[string]string{"templates/home.html": "{{template \"_base.html\" .}}{{define \"main\"}}{{.Site.Nope}}{{end}}"})
	if _, err := New(Options{Src: dir}).Build(); err == nil {
		t.Fatal("build with a template error succeeded")
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) || len(before) == 0 {
		t.Errorf("output changed after a failed build")
	}
}

// Rebuild looks at the templates only when a changed path is one of
// them, but always while the last look found a problem.
func TestRebuildLooksAtTemplatesWhenTheyChange(t *testing.T) {
	dir := copyContent(t)
	b := New(Options{Src: dir})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	brief := c.Briefs[0].File
	touch := func() {
		data, err := os.ReadFile(filepath.Join(dir, brief))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{brief: string(data) + "\nOne more line.\n"})
	}
	home := "templates/home.html"
	writeFiles(t, dir, map[string]string{home: "{{template \"_base.html\" .}}{{define \"main\"}}<p>own home</p>{{end}}"})
	touch()
	res, err := b.Rebuild([]string{brief})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(res.Files["index.html"], []byte("own home")) {
		t.Error("a rebuild for a brief read the templates")
	}
	if res, err = b.Rebuild([]string{filepath.Join(dir, home)}); err != nil || !bytes.Contains(res.Files["index.html"], []byte("own home")) {
		t.Fatalf("a rebuild for templates/home.html did not use it (err %v)", err)
	}
	writeFiles(t, dir, map[string]string{home: "{{template \"_base.html\" .}}{{define \"main\"}}{{if}}{{end}}"})
	if _, err := b.Rebuild([]string{home}); err == nil {
		t.Fatal("a template that does not parse built")
	}
	touch()
	if _, err := b.Rebuild([]string{brief}); err == nil || !strings.Contains(err.Error(), "templates/home.html") {
		t.Errorf("after a template error, a rebuild for a brief: err = %v, want the template's error", err)
	}
}

// TestFeedsAreWholeEncodings checks that feeds assembled from cached
// entries are what encoding each feed at once gives, and that the minified
// feeds say the same.
func TestFeedsAreWholeEncodings(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.ForBriefs(40), 3); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{dir, repoSite} {
		plain := mustBuild(t, Options{Src: src})
		small := mustBuild(t, Options{Src: src, Minify: true})
		n := 0
		for f, data := range plain.Files {
			if path.Base(f) != "feed.xml" {
				continue
			}
			n++
			var feed, min atomFeed
			if err := xml.Unmarshal(data, &feed); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			whole, err := marshalXML(feed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(whole, data) {
				t.Errorf("%s differs from the feed encoded at once:\n%s\nwant:\n%s", f, data, whole)
			}
			if err := xml.Unmarshal(small.Files[f], &min); err != nil {
				t.Fatalf("minified %s: %v", f, err)
			}
			if !reflect.DeepEqual(min, feed) {
				t.Errorf("minified %s says something else than the readable one", f)
			}
		}
		if n == 0 {
			t.Errorf("%s: no feeds", src)
		}
	}
}

// TestSavedCountsEveryMinifiedFile checks the build summary's saving: it
// counts pages and the pieces of feeds and the search index, and is zero
// without minification.
func TestSavedCountsEveryMinifiedFile(t *testing.T) {
	res := mustBuild(t, Options{Src: repoSite, Minify: true})
	var pages int64
	for f, data := range mustBuild(t, Options{Src: repoSite}).Files {
		if strings.HasSuffix(f, ".html") {
			pages += int64(len(data) - len(res.Files[f]))
		}
	}
	if res.Saved <= pages {
		t.Errorf("Saved = %d, want more than the %d bytes the HTML pages alone lose", res.Saved, pages)
	}
	if again := mustBuild(t, Options{Src: repoSite, Minify: true}); again.Saved != res.Saved {
		t.Errorf("Saved = %d, then %d for the same site", res.Saved, again.Saved)
	}
	if plain := mustBuild(t, Options{Src: repoSite}); plain.Saved != 0 {
		t.Errorf("unminified build: Saved = %d, want 0", plain.Saved)
	}
}

// Minified pages get their cards minified once and spliced in; on the
// default templates that is exactly the page minified whole.
func TestCardsSpliceIntoMinifiedPages(t *testing.T) {
	b := New(Options{Src: repoSite, Minify: true})
	small, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	minified := 0
	for id, f := range b.fragments.m {
		if id.kind == "card" && f.raw > len(f.data) {
			minified++
		}
	}
	if minified == 0 {
		t.Fatal("no card was kept minified: pages were minified whole")
	}
	whole := New(Options{Src: repoSite, Minify: true})
	whole.wholePages = true
	want, err := whole.Build()
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffFiles(want.Files, small.Files); diff != "" {
		t.Errorf("spliced pages differ from pages minified whole: %s", diff)
	}
	if small.Saved != want.Saved {
		t.Errorf("spliced pages saved %d bytes, pages minified whole %d", small.Saved, want.Saved)
	}
}

// A card that a template puts where html/template escapes it, such as in
// an attribute, is no marker any more: the page is made whole instead.
func TestCardOutsideHTMLTextIsRenderedInPlace(t *testing.T) {
	dir := copyContent(t)
	writeFiles(t, dir, map[string]string{"templates/actors.html": `{{template "_base.html" .}}
{{define "main"}}<ul>{{range .Site.Actors}}<li title="{{cached "actor-card" .}}">{{cached "actor-card" .}}</li>{{end}}</ul>
<ul title="{{cachedEach "actor-card" .Site.People}}">{{cachedEach "actor-card" .Site.People}}</ul>{{end}}
`})
	small := mustBuild(t, Options{Src: dir, Minify: true}).Files["actors/index.html"]
	whole := New(Options{Src: dir, Minify: true})
	whole.wholePages = true
	want, err := whole.Build()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(small, want.Files["actors/index.html"]) || bytes.Contains(small, []byte("data-briefgen-card")) {
		t.Errorf("actors page:\n%s\nwant:\n%s", small, want.Files["actors/index.html"])
	}
}

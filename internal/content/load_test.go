package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeSite writes files (path → text) under a new temporary site folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func goodSite() map[string]string {
	return map[string]string{
		"content/site.yaml":             "title: Test briefing\nbaseURL: https://example.org/\n",
		"content/actors/ada-nkosi.md":   "---\nname: Ada Nkosi\nkind: person\nrole: Trade Minister\naliases: [Nkosi]\n---\nKenya's trade minister.\n",
		"content/actors/kenya.md":       "---\nname: Kenya\nkind: country\n---\n",
		"content/themes/trade.md":       "---\nname: Trade\nkeywords: [tariff, exports]\n---\nTrade policy.\n",
		"content/timeline/talks.md":     "---\ntitle: Trade talks\ndate: 2026-03-04/2026-03-05\nactors: [ada-nkosi]\nthemes: [trade]\nbriefs: [b1]\n---\nTalks in Nairobi.\n",
		"content/briefs/b1.md":          "---\ntitle: Kenya weighs tariffs\npublished: 2026-03-04\nactors:\n  - actor: ada-nkosi\n    mentions: [Ada Nkosi, Nkosi]\n  - actor: Kenya\nthemes: [trade]\nquotes:\n  - speaker: Nkosi\n    text: We will protect our farmers first\n---\n[[Ada Nkosi]] spoke.\n\nLater [[Nkosi]] said more about [[theme:trade|tariffs]].\n",
		"content/briefs/b0.md":          "---\ntitle: Earlier brief\npublished: 2026-03-01\n---\nPlain.\n",
		"content/briefs/draft.md":       "---\ntitle: Not yet\ndraft: true\n---\nDraft.\n",
		"content/briefs/.ingest/b1.md":  "not front matter: hidden folders are skipped",
		"content/actors/_template.md":   "ignored",
		"content/sources/article.txt":   "raw text is not content",
		"content/timeline/undated.txt":  "not markdown, ignored",
		"content/themes/notes/draft.md": "---\nname: Nested theme files are read too\nkeywords: []\n---\n",
	}
}

func TestLoadGoodSite(t *testing.T) {
	dir := writeSite(t, goodSite())
	c, err := Load(dir, false)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := len(c.Briefs); got != 2 {
		t.Fatalf("briefs = %d, want 2 (draft left out)", got)
	}
	if c.Briefs[0].Slug != "b1" || c.Briefs[1].Slug != "b0" {
		t.Errorf("briefs not newest first: %s, %s", c.Briefs[0].Slug, c.Briefs[1].Slug)
	}
	b := c.Brief("b1")
	if b.Date.String() != "2026-03-04" || b.BodyLine != 13 {
		t.Errorf("brief date %q body line %d, want 2026-03-04 and 13", b.Date, b.BodyLine)
	}
	if a := c.MentionedActor(b, "Nkosi"); a == nil || a.Slug != "ada-nkosi" {
		t.Errorf("MentionedActor(Nkosi) = %v", a)
	}
	if a := c.Actor("ADA  NKOSI"); a == nil || a.Slug != "ada-nkosi" {
		t.Errorf("Actor by folded name = %v", a)
	}
	if e := c.Entry("talks"); !e.Date.IsRange() || e.Date.Human() != "4–5 March 2026" {
		t.Errorf("entry date = %q (%s)", e.Date, e.Date.Human())
	}
	if len(b.Paragraphs) != 2 || b.Paragraphs[1].Text != "Later Nkosi said more about tariffs." {
		t.Errorf("paragraphs = %+v", b.Paragraphs)
	}
	if c, err := Load(dir, true); err != nil || len(c.Briefs) != 3 {
		t.Errorf("with drafts: %v briefs, err %v", len(c.Briefs), err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		text  string
		wants []string // substrings of the error, each on some line
	}{
		{"unknown actor in front matter", "content/briefs/b1.md",
			"---\ntitle: T\nactors:\n  - actor: ada-nkosy\n---\nBody\n",
			[]string{`content/briefs/b1.md:4: unknown actor "ada-nkosy" (did you mean "ada-nkosi"`}},
		{"unknown actor in body", "content/briefs/b1.md",
			"---\ntitle: T\n---\nFirst line.\n\nThen [[Ada Nkosu]] spoke.\n",
			[]string{`content/briefs/b1.md:6: unknown actor "Ada Nkosu" (did you mean "Ada Nkosi"`}},
		{"unknown theme", "content/briefs/b1.md",
			"---\ntitle: T\nthemes: [trad]\n---\n",
			[]string{`content/briefs/b1.md:3: unknown theme "trad" (did you mean "Trade"`}},
		{"unknown speaker", "content/briefs/b1.md",
			"---\ntitle: T\nquotes:\n  - speaker: Nobody Here\n    text: hello there my good friends\n---\n",
			[]string{`content/briefs/b1.md:4: unknown speaker "Nobody Here"`}},
		{"bad date", "content/briefs/b1.md",
			"---\ntitle: T\npublished: 15 May 2025\n---\n",
			[]string{`content/briefs/b1.md:3: published: date "15 May 2025": want YYYY-MM-DD`}},
		{"broken yaml", "content/briefs/b1.md",
			"---\ntitle: T\nsummary: a: b\n---\n",
			[]string{`content/briefs/b1.md:3: front matter:`, "must be quoted"}},
		{"unclosed list", "content/briefs/b1.md",
			"---\ntitle: T\nsummary: S\nthemes: [trade, farming\nsource: x\n---\n",
			[]string{`content/briefs/b1.md:4: front matter:`, "close the [ or { list"}},
		{"unknown field", "content/briefs/b1.md",
			"---\ntitle: T\ntitel: x\n---\n",
			[]string{`content/briefs/b1.md:3: front matter:`, "unknown field"}},
		{"no front matter", "content/briefs/b1.md",
			"Just text\n",
			[]string{`content/briefs/b1.md:1: no front matter`}},
		{"unclosed front matter", "content/briefs/b1.md",
			"---\ntitle: T\n",
			[]string{`content/briefs/b1.md:1: front matter is not closed`}},
		{"bad kind", "content/actors/kenya.md",
			"---\nname: Kenya\nkind: nation\n---\n",
			[]string{`content/actors/kenya.md:3: kind "nation": want person, organisation or country`}},
		{"timeline unknown brief", "content/timeline/talks.md",
			"---\ntitle: Talks\ndate: 2026-03-04\nbriefs:\n  - nope\n---\n",
			[]string{`content/timeline/talks.md:5: unknown brief "nope"`}},
		{"timeline bad range", "content/timeline/talks.md",
			"---\ntitle: Talks\ndate: 2026-03-05/2026-03-04\n---\n",
			[]string{`content/timeline/talks.md:3: date: date range "2026-03-05/2026-03-04" ends before it starts`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := goodSite()
			files[tt.file] = tt.text
			_, err := Load(writeSite(t, files), false)
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("Load error = %v, want Errors", err)
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestLoaderRereadsOnlyChangedFiles(t *testing.T) {
	dir := writeSite(t, goodSite())
	l := NewLoader(dir, false)
	c1, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	b0 := c1.Brief("b0")
	p := filepath.Join(dir, "content/briefs/b1.md")
	text := strings.Replace(goodSite()["content/briefs/b1.md"], "Kenya weighs tariffs", "Kenya sets tariffs", 1)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(p, future, future); err != nil {
		t.Fatal(err)
	}
	c2, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if c2.Brief("b1").Title != "Kenya sets tariffs" {
		t.Errorf("changed brief not re-read: %q", c2.Brief("b1").Title)
	}
	if c2.Brief("b0") != b0 {
		t.Errorf("unchanged brief was parsed again")
	}
	if c1.Files["content/briefs/b1.md"] == c2.Files["content/briefs/b1.md"] {
		t.Errorf("digest of the changed file did not change")
	}
	if err := os.Remove(filepath.Join(dir, "content/briefs/b0.md")); err != nil {
		t.Fatal(err)
	}
	c3, err := l.Load()
	if err != nil || c3.Brief("b0") != nil {
		t.Errorf("deleted brief still loaded (err %v)", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, out, human string }{
		{"2025-05-15", "2025-05-15", "15 May 2025"},
		{"2025-05", "2025-05", "May 2025"},
		{"2032", "2032", "2032"},
		{"2025-06-24/2025-06-25", "2025-06-24/2025-06-25", "24–25 June 2025"},
		{"2025-05-30/2025-06-02", "2025-05-30/2025-06-02", "30 May – 2 June 2025"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil || d.String() != tt.out || d.Human() != tt.human {
			t.Errorf("ParseDate(%q) = %q %q %v, want %q %q", tt.in, d, d.Human(), err, tt.out, tt.human)
		}
	}
	for _, bad := range []string{"", "May 2025", "2025-13-01", "2025-05-15/2025"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}

// TestUpdateRelativeSiteWithAbsolutePaths covers briefgen serve run from the
// site folder (--src .): the watcher reports absolute paths.
func TestUpdateRelativeSiteWithAbsolutePaths(t *testing.T) {
	dir := writeSite(t, goodSite())
	t.Chdir(dir)
	l := NewLoader(".", false)
	if _, err := l.Load(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content/briefs/b1.md")
	text := strings.Replace(goodSite()["content/briefs/b1.md"], "Kenya weighs tariffs", "Kenya sets tariffs", 1)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := l.Update([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Brief("b1").Title; got != "Kenya sets tariffs" {
		t.Errorf("title after Update = %q, want the edited one", got)
	}
	if err := os.WriteFile(p, []byte("---\ntitle: [unclosed\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Update([]string{p}); err == nil || !strings.Contains(err.Error(), "content/briefs/b1.md:") {
		t.Errorf("broken front matter: err = %v, want one naming content/briefs/b1.md and its line", err)
	}
}

// TestUpdateRechecksReferencesWhenNamesChange covers the checks a Loader
// keeps for unchanged briefs: they must be made again when a file they
// refer to changes, comes or goes.
func TestUpdateRechecksReferencesWhenNamesChange(t *testing.T) {
	dir := writeSite(t, goodSite())
	l := NewLoader(dir, false)
	if _, err := l.Load(); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name    string
		file    string
		text    string // "" removes the file
		wantErr string // "" for success
	}{
		{"alias dropped", "content/actors/ada-nkosi.md", "---\nname: Ada Nkosi\nkind: person\n---\n", `content/briefs/b1.md:10: unknown speaker "Nkosi"`},
		{"actor renamed", "content/actors/ada-nkosi.md", "---\nname: Ada Mwangi\nkind: person\naliases: [Nkosi]\n---\n", ""},
		{"theme removed", "content/themes/trade.md", "", `content/briefs/b1.md:8: unknown theme "trade"`},
		{"theme back", "content/themes/trade.md", "---\nname: Trade\nkeywords: [tariff]\n---\n", ""},
		{"brief now links to another", "content/briefs/b1.md", "---\ntitle: Links\n---\nSee [[brief:b0|earlier]].\n", ""},
		{"brief linked to gone", "content/briefs/b0.md", "", `content/briefs/b1.md:4: unknown brief "b0"`},
		{"brief back", "content/briefs/b0.md", "---\ntitle: Earlier brief\n---\n", ""},
		{"actor gone", "content/actors/ada-nkosi.md", "", `content/timeline/talks.md:4: unknown actor "ada-nkosi"`},
	} {
		p := filepath.Join(dir, filepath.FromSlash(step.file))
		if step.text == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte(step.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := l.Update([]string{step.file})
		_, full := NewLoader(dir, false).Load()
		switch {
		case step.wantErr == "" && err != nil:
			t.Errorf("%s: %v", step.name, err)
		case step.wantErr != "" && (err == nil || !strings.Contains(err.Error(), step.wantErr)):
			t.Errorf("%s: error = %v, want it to contain %q", step.name, err, step.wantErr)
		}
		if fmt.Sprint(err) != fmt.Sprint(full) {
			t.Errorf("%s: Update says %v, a fresh Load %v", step.name, err, full)
		}
	}
}

// A timeline entry leaves out the drafts it lists, and lists them again
// once they are published.
func TestUpdatePublishedDraftRejoinsTimeline(t *testing.T) {
	site := goodSite()
	site["content/timeline/talks.md"] = "---\ntitle: Trade talks\ndate: 2026-03-04\nbriefs: [b1, draft]\n---\n"
	dir := writeSite(t, site)
	l := NewLoader(dir, false)
	entryBriefs := func(c *Content) string {
		var refs []string
		for _, r := range c.Entry("talks").Briefs {
			refs = append(refs, r.Value)
		}
		return strings.Join(refs, " ")
	}
	c, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := entryBriefs(c); got != "b1" {
		t.Fatalf("with the draft: entry lists %q, want b1", got)
	}
	for _, step := range []struct{ text, want string }{
		{"---\ntitle: Now out\n---\nOut.\n", "b1 draft"},
		{"---\ntitle: Not yet\ndraft: true\n---\nDraft.\n", "b1"},
		{"---\ntitle: Out again\n---\nOut.\n", "b1 draft"},
	} {
		if err := os.WriteFile(filepath.Join(dir, "content/briefs/draft.md"), []byte(step.text), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := l.Update([]string{"content/briefs/draft.md"})
		if err != nil {
			t.Fatal(err)
		}
		if got := entryBriefs(c); got != step.want {
			t.Errorf("after %q: entry lists %q, want %q", step.text, got, step.want)
		}
	}
}

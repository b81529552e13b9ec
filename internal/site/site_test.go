package site

import (
	"os"
	"path/filepath"
	"testing"

	"briefgen/internal/content"
)

func load(t *testing.T, files map[string]string) *Site {
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
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return New(c)
}

func TestCrossLinks(t *testing.T) {
	s := load(t, map[string]string{
		"content/site.yaml":         "title: T\n",
		"content/actors/ana.md":     "---\nname: Ana Costa\nkind: person\nrole: Mayor\naliases: [Costa]\n---\n",
		"content/actors/ben.md":     "---\nname: Ben Okafor\nkind: person\n---\n",
		"content/actors/cid.md":     "---\nname: Cid Park\nkind: person\n---\n",
		"content/actors/lagos.md":   "---\nname: Lagos State\nkind: organisation\n---\n",
		"content/themes/water.md":   "---\nname: Water\nkeywords: [water rights]\n---\n",
		"content/timeline/vote.md":  "---\ntitle: Vote\ndate: 2026-02-01\nactors: [ana]\nthemes: [water]\nbriefs: [b2]\n---\n",
		"content/timeline/march.md": "---\ntitle: March\ndate: 2026-02-01\n---\n",
		"content/timeline/early.md": "---\ntitle: Early\ndate: 2026-01-05\n---\n",
		"content/briefs/b1.md": "---\ntitle: One\npublished: 2026-01-10\nactors:\n  - actor: ana\n    role: Mayor of Lagos\n    mentions: [Ana Costa]\n  - actor: ben\n" +
			"themes: [water]\nquotes:\n  - speaker: Costa\n    text: We will fight for water rights here\n  - text: Nobody knows who said this one\n---\n" +
			"First paragraph about roads.\n\nThen Water Rights came up.\n",
		"content/briefs/b2.md": "---\ntitle: Two\npublished: 2026-02-01\nactors:\n  - actor: ana\n  - actor: ben\n  - actor: cid\nthemes: [water]\n---\nNo keyword here.\n",
		"content/briefs/b3.md": "---\ntitle: Three\npublished: 2026-03-01\nactors:\n  - actor: cid\n  - actor: lagos\n---\nText.\n",
	})
	ana, ben := s.Actor("ana"), s.Actor("ben")
	if len(ana.Briefs) != 2 || len(ana.Quotes) != 1 || ana.Quotes[0].Brief.Slug != "b1" {
		t.Errorf("ana: %d briefs, quotes %+v", len(ana.Briefs), ana.Quotes)
	}
	if len(ana.Related) != 2 || ana.Related[0].Actor != ben || ana.Related[0].Count != 2 || ana.Related[1].Actor.Slug != "cid" {
		t.Errorf("ana related = %+v", ana.Related)
	}
	b1 := s.Brief("b1")
	if b1.Actors[0].Role != "Mayor of Lagos" || b1.Actors[1].Role != "" {
		t.Errorf("roles = %q, %q", b1.Actors[0].Role, b1.Actors[1].Role)
	}
	if b1.Quotes[1].Speaker != nil {
		t.Errorf("unknown speaker became %v", b1.Quotes[1].Speaker)
	}
	water := s.Theme("water")
	if len(water.Passages) != 1 || water.Passages[0].ID != "p2" || water.Passages[0].Brief != b1 {
		t.Errorf("passages = %+v", water.Passages)
	}
	if len(water.Entries) != 1 || len(s.Brief("b2").Entries) != 1 {
		t.Errorf("timeline links missing")
	}
	if len(s.Days) != 2 || len(s.Days[1].Entries) != 2 || s.Days[1].ID != "d2026-02-01" {
		t.Errorf("days = %+v", s.Days)
	}
	if s.Briefs[0].Slug != "b3" || s.Briefs[0].Older.Slug != "b2" || s.Briefs[0].Newer != nil || s.Briefs[2].Older != nil {
		t.Errorf("brief neighbours wrong")
	}
	if s.Timeline[0].Next != s.Timeline[1] || s.Timeline[1].Prev != s.Timeline[0] {
		t.Errorf("entry neighbours wrong")
	}
	if got := s.KeyActors(2); len(got) != 2 || got[0] != ana {
		t.Errorf("key actors = %v", got)
	}
	if u, ok := s.Resolve(b1, "actor", "Costa"); !ok || u != "actors/ana/" {
		t.Errorf("Resolve(Costa) = %q %v", u, ok)
	}
	if _, ok := s.Resolve(nil, "theme", "nope"); ok {
		t.Errorf("Resolve(unknown theme) succeeded")
	}
}

package site

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefgen/internal/content"
	"briefgen/internal/sitegen"
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

// slugs returns the slugs of xs, for comparing lists in tests.
func slugs[T any](xs []T, slug func(T) string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, slug(x))
	}
	return out
}

// TestPrecomputed checks what the model works out for pages so that
// templates need not scan lists: groups by kind, the timeline cut at the
// newest brief, key actors, labels and the roles briefs give actors.
func TestPrecomputed(t *testing.T) {
	s := load(t, map[string]string{
		"content/site.yaml":          "title: T\n",
		"content/actors/ines.md":     "---\nname: Ines Vidal\nkind: person\nrole: Minister of Ports\n---\n",
		"content/actors/tomas.md":    "---\nname: Tomás Reyes\nkind: person\n---\n",
		"content/actors/harbour.md":  "---\nname: Harbour Authority\nkind: organisation\n---\n",
		"content/actors/chile.md":    "---\nname: Chile\nkind: country\n---\n",
		"content/timeline/strike.md": "---\ntitle: Dock strike\ndate: 2026-03-02\nbriefs: [b1, b2]\n---\n",
		"content/timeline/talks.md":  "---\ntitle: Talks\ndate: 2026-03-20\nbriefs: [b2]\n---\n",
		"content/timeline/vote.md":   "---\ntitle: Vote\ndate: 2026-04-15\n---\n",
		"content/timeline/rally.md":  "---\ntitle: Rally\ndate: 2026-04-15\n---\n",
		"content/briefs/b1.md": "---\ntitle: Strike\npublished: 2026-03-02\nactors:\n  - actor: ines\n    role: Ports minister\n  - actor: harbour\n" +
			"---\nText.\n",
		"content/briefs/b2.md": "---\ntitle: Talks\npublished: 2026-03-20\nactors:\n  - actor: ines\n  - actor: tomas\n  - actor: harbour\n---\nText.\n",
	})
	name := func(a *Actor) string { return a.Slug }
	entry := func(e *Entry) string { return e.Slug }
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"people", slugs(s.People, name), []string{"ines", "tomas"}},
		{"organisations", slugs(s.Organisations, name), []string{"harbour"}},
		{"countries", slugs(s.Countries, name), []string{"chile"}},
		{"others", slugs(s.OtherActors, name), []string{}},
		{"past", slugs(s.Past, entry), []string{"strike", "talks"}},
		{"ahead", slugs(s.Ahead, entry), []string{"rally", "vote"}},
		{"key actors", slugs(s.KeyActors(2), name), []string{"harbour", "ines"}},
		{"all key actors", slugs(s.KeyActors(10), name), []string{"harbour", "ines", "tomas"}},
		{"no key actors", slugs(s.KeyActors(-1), name), []string{}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	var days []string
	for _, d := range s.Days {
		days = append(days, fmt.Sprintf("%s ahead=%v now=%v", d.Date, d.Ahead, d.Now))
	}
	wantDays := []string{"2026-03-02 ahead=false now=false", "2026-03-20 ahead=false now=false", "2026-04-15 ahead=true now=true"}
	if !slices.Equal(days, wantDays) {
		t.Errorf("days = %q, want %q", days, wantDays)
	}
	ines := s.Actor("ines")
	if ines.BriefsLabel != "2 briefs" || ines.QuotesLabel != "0 quotes" || s.Actor("tomas").BriefsLabel != "1 brief" {
		t.Errorf("labels = %q, %q, %q", ines.BriefsLabel, ines.QuotesLabel, s.Actor("tomas").BriefsLabel)
	}
	if e := s.Entry("strike"); e.BriefsLabel != "2 briefs" {
		t.Errorf("entry label = %q", e.BriefsLabel)
	}
	var roles []string
	for _, ap := range ines.Appearances {
		roles = append(roles, ap.Brief.Slug+":"+strings.Join(ap.Roles, "|"))
	}
	if want := []string{"b2:", "b1:Ports minister"}; !slices.Equal(roles, want) {
		t.Errorf("appearances = %q, want %q", roles, want)
	}
}

func TestPrecomputedNoBriefs(t *testing.T) {
	s := load(t, map[string]string{
		"content/site.yaml":        "title: T\n",
		"content/timeline/vote.md": "---\ntitle: Vote\ndate: 2026-04-15\n---\n",
	})
	if len(s.Past) != 1 || len(s.Ahead) != 0 || s.Days[0].Ahead || s.Days[0].Now {
		t.Errorf("past %d, ahead %d, day %+v", len(s.Past), len(s.Ahead), s.Days[0])
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 briefs"}, {1, "1 brief"}, {2, "2 briefs"}, {1000, "1000 briefs"}} {
		if got := Plural(c.n, "brief", "briefs"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// dump writes out every link of s, to compare two models.
func dump(s *Site) string {
	var b strings.Builder
	slugs := func(n int, slug func(int) string) string {
		out := make([]string, n)
		for i := range out {
			out[i] = slug(i)
		}
		return strings.Join(out, ",")
	}
	briefSlug := func(x *Brief) string {
		if x == nil {
			return "-"
		}
		return x.Slug
	}
	for _, x := range s.Briefs {
		fmt.Fprintf(&b, "brief %s %q %s<%s>%s actors=%s themes=%s quotes=%s entries=%s\n", x.Slug, x.Title, briefSlug(x.Newer), x.Date, briefSlug(x.Older),
			slugs(len(x.Actors), func(i int) string { return x.Actors[i].Actor.Slug + "/" + x.Actors[i].Role }),
			slugs(len(x.Themes), func(i int) string { return x.Themes[i].Slug }),
			slugs(len(x.Quotes), func(i int) string {
				if q := x.Quotes[i]; q.Speaker != nil {
					return q.Speaker.Slug + ":" + q.Text
				}
				return ":" + x.Quotes[i].Text
			}),
			slugs(len(x.Entries), func(i int) string { return x.Entries[i].Slug }))
	}
	for _, a := range s.Actors {
		fmt.Fprintf(&b, "actor %s %s %s %s briefs=%s quotes=%d entries=%d related=%s themes=%s\n", a.Slug, a.Name, a.BriefsLabel, a.QuotesLabel,
			slugs(len(a.Briefs), func(i int) string { return a.Briefs[i].Slug }), len(a.Quotes), len(a.Entries),
			slugs(len(a.Related), func(i int) string { return fmt.Sprint(a.Related[i].Actor.Slug, a.Related[i].Count) }),
			slugs(len(a.Themes), func(i int) string { return a.Themes[i].Slug }))
	}
	for _, t := range s.Themes {
		fmt.Fprintf(&b, "theme %s briefs=%s passages=%d entries=%d\n", t.Slug,
			slugs(len(t.Briefs), func(i int) string { return t.Briefs[i].Slug }), len(t.Passages), len(t.Entries))
	}
	for _, e := range s.Timeline {
		fmt.Fprintf(&b, "entry %s briefs=%s actors=%s\n", e.Slug, slugs(len(e.Briefs), func(i int) string { return e.Briefs[i].Slug }),
			slugs(len(e.Actors), func(i int) string { return e.Actors[i].Slug }))
	}
	return b.String()
}

// A Cache gives the model a fresh one would after any edit: it uses the
// last model's items again only where nothing they link to changed.
func TestCacheMatchesFreshModel(t *testing.T) {
	dir := t.TempDir()
	if err := sitegen.Generate(dir, sitegen.ForBriefs(40), 3); err != nil {
		t.Fatal(err)
	}
	l := content.NewLoader(dir, false)
	c, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range c.Actors {
		names = append(names, a.Name)
	}
	var k Cache
	k.New(c)
	rng := rand.New(rand.NewPCG(5, 6))
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	write := func(rel, text string) {
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for step := range 30 {
		var rel string
		switch step % 3 {
		case 0, 1:
			n := rng.IntN(40)
			rel = fmt.Sprintf("content/briefs/brief-%05d.md", n)
			write(rel, sitegen.Brief(rng, n, day, names, 2))
		case 2:
			rel = fmt.Sprintf("content/actors/actor-%04d.md", rng.IntN(len(names)))
			write(rel, fmt.Sprintf("---\nname: %q\nkind: person\nrole: Role %d\n---\n", names[rng.IntN(len(names))]+" Jr", step))
		}
		c, err := l.Update([]string{rel})
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if got, want := dump(k.New(c)), dump(New(c)); got != want {
			t.Fatalf("step %d (%s): cached model differs from a fresh one:\n%s\nwant:\n%s", step, rel, got, want)
		}
	}
}

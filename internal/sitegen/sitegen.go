// Package sitegen writes synthetic briefgen sites of any size, for
// benchmarks and for randomized tests of incremental rebuilds. The same
// size and seed always give the same files.
package sitegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Sizes of a generated site.
type Sizes struct {
	Briefs, Actors, Themes, Entries int
}

// ForBriefs returns proportionate sizes for a site of n briefs.
func ForBriefs(n int) Sizes {
	return Sizes{Briefs: n, Actors: max(4, n/5), Themes: max(2, n/50), Entries: max(2, n/10)}
}

var (
	given = []string{"Amara", "Bruno", "Chiara", "Dmitri", "Eun-ji", "Farid", "Greta", "Hiroshi", "Imani", "Jonas", "Kaveh", "Lucía", "Mateus", "Nadia", "Oluwaseun", "Priya"}
	last  = []string{"Okafor", "Silva", "Rossi", "Ivanov", "Park", "Haddad", "Lind", "Tanaka", "Mwangi", "Berg", "Rahimi", "Fernández", "Costa", "Kowalski", "Adeyemi", "Rao"}
	roles = []string{"Trade Minister", "Foreign Minister", "Central Bank Governor", "Opposition Leader", "Mayor", "Union Leader", "Prime Minister", "Spokesperson"}
	words = strings.Fields("the talks resumed after a long pause while delegates weighed new proposals on tariffs energy prices " +
		"and water rights as ministers met observers noted progress but warned that a deal remained distant and the budget " +
		"talks over fishing quotas drew protests in the capital where officials promised a vote before the summer recess")
)

// Generate writes a site of the given sizes under dir (which it creates).
func Generate(dir string, sz Sizes, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	w := func(rel, text string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := w("content/site.yaml", "title: Synthetic briefing\ndescription: A generated site.\nbaseURL: https://example.org/\nlanguage: en\nsummary: A generated story for benchmarks.\n"); err != nil {
		return err
	}
	actors := make([]string, sz.Actors)
	for i := range actors {
		name := fmt.Sprintf("%s %s %d", given[i%len(given)], last[(i/len(given))%len(last)], i)
		actors[i] = name
		text := fmt.Sprintf("---\nname: %q\nkind: person\nrole: %q\naliases: [%q]\n---\n%s is a generated actor.\n",
			name, roles[i%len(roles)], fmt.Sprintf("%s-%d", last[(i/len(given))%len(last)], i), name)
		if err := w(fmt.Sprintf("content/actors/actor-%04d.md", i), text); err != nil {
			return err
		}
	}
	for i := range sz.Themes {
		text := fmt.Sprintf("---\nname: Theme %d\nkeywords: [\"%s %s\"]\n---\nA generated theme.\n", i, words[i%len(words)], words[(i*7+3)%len(words)])
		if err := w(fmt.Sprintf("content/themes/theme-%03d.md", i), text); err != nil {
			return err
		}
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range sz.Briefs {
		if err := w(fmt.Sprintf("content/briefs/brief-%05d.md", i), Brief(rng, i, start, actors, sz.Themes)); err != nil {
			return err
		}
	}
	for i := range sz.Entries {
		day := start.AddDate(0, 0, i%365)
		text := fmt.Sprintf("---\ntitle: Event %d\ndate: %s\nactors: [actor-%04d]\nthemes: [theme-%03d]\nbriefs: [brief-%05d]\n---\nA generated event.\n",
			i, day.Format(time.DateOnly), i%sz.Actors, i%sz.Themes, i%max(1, sz.Briefs))
		if err := w(fmt.Sprintf("content/timeline/entry-%04d.md", i), text); err != nil {
			return err
		}
	}
	return nil
}

// Brief returns the text of generated brief i; a different rng state gives
// a different version of the same brief, for edit tests.
func Brief(rng *rand.Rand, i int, start time.Time, actors []string, themes int) string {
	a1, a2 := rng.IntN(len(actors)), rng.IntN(len(actors))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Generated brief %d: %s %s\"\npublished: %s\nsummary: %q\n", i, words[rng.IntN(len(words))],
		words[rng.IntN(len(words))], start.AddDate(0, 0, i%700).Format(time.DateOnly), sentence(rng, 20))
	fmt.Fprintf(&b, "actors:\n  - actor: actor-%04d\n    mentions: [%q]\n", a1, actors[a1])
	if a2 != a1 {
		fmt.Fprintf(&b, "  - actor: actor-%04d\n    mentions: [%q]\n", a2, actors[a2])
	}
	fmt.Fprintf(&b, "themes: [theme-%03d]\n", rng.IntN(themes))
	fmt.Fprintf(&b, "quotes:\n  - speaker: actor-%04d\n    text: %q\n---\n", a1, sentence(rng, 9))
	for p := range 8 {
		if p == 1 {
			fmt.Fprintf(&b, "[[%s]] said %s.\n\n", actors[a1], sentence(rng, 30))
			continue
		}
		b.WriteString(sentence(rng, 60) + ".\n\n")
	}
	return b.String()
}

func sentence(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[rng.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

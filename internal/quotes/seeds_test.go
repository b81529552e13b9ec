package quotes

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"briefgen/internal/entities"
)

// The seed articles' quotations, hand-labelled: how each starts, and its
// speaker (the slug of the site's actor). These are tests, not rules.
var goldQuotes = map[string][][2]string{
	"nato-allies-debate-defense-spending-in-antalya": {
		{"When it comes to the core defense spending", "mark-rutte"},
		{"the alliance is only as strong", "marco-rubio"},
		{"spending money on the capabilities", "marco-rubio"},
		{"calls for peace with Israel", "state-department"},
		{"There is a lot at stake for us", "kestutis-budrys"},
		{"because we see the tempo", "kestutis-budrys"},
		{"It’s hugely important", "david-lammy"},
		{"We will see what is the best way", "mark-rutte"},
	},
	"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom": {
		{"He’d like me to be there", "donald-trump"},
		{"5% is not just a number", "matthew-whitaker"},
		{"defense today also includes", "matthew-whitaker"},
	},
	"nato-ministerial-meeting-questions-and-answers": {},
	"nato-ministers-hopeful-for-progress-on-peace-talks": {
		{"After immense suffering", "hakan-fidan"},
		{"The talks in Istanbul may open a new chapter", "hakan-fidan"},
		{"Obviously, we're in a very difficult spot", "marco-rubio"},
		{"So a lot of work", "marco-rubio"},
		{"He's open to virtually any mechanism", "marco-rubio"},
		{"I'm still cautiously optimistic", "mark-rutte"},
		{"Ukraine is ready to commit to a ceasefire", "mark-rutte"},
		{"lower level delegation out to Türkiye", "mark-rutte"},
		{"It's now up to the Russians", "mark-rutte"},
		{"The best we can hope for", "jean-noel-barrot"},
		{"It’s not too late to come to the table", "johann-wadephul"},
		{"Türkiye has good relations", "mark-rutte"},
		{"As allies, we’re addressing", "hakan-fidan"},
	},
	"trump-sending-rubio-to-turkey-for-informal-nato-talks": {
		{"Looking towards the NATO Summit", "state-department"},
		{"Secretary Rubio’s engagements", "tammy-bruce"},
		{"Our top priority remains", "tammy-bruce"},
		{"our shared goal of ending the war", "tammy-bruce"},
		{"but just meeting for talks", "scott-cullinane"},
		{"Diplomatic outreach must be backed up", "scott-cullinane"},
	},
}

func siteActors(t *testing.T) []entities.Known {
	t.Helper()
	files, _ := filepath.Glob("../../content/actors/*.md")
	if len(files) == 0 {
		t.Skip("no actor files")
	}
	sort.Strings(files)
	var out []entities.Known
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		k := entities.Known{Slug: strings.TrimSuffix(filepath.Base(f), ".md")}
		for _, line := range strings.Split(string(data), "\n") {
			key, val, _ := strings.Cut(line, ":")
			val = strings.TrimSpace(val)
			switch key {
			case "name":
				k.Name = strings.Trim(val, `"`)
			case "kind":
				k.Kind = val
			case "role":
				k.Role = strings.Trim(val, `"`)
			case "aliases":
				for _, a := range strings.Split(strings.Trim(val, "[]"), ",") {
					if a = strings.Trim(strings.TrimSpace(a), `"`); a != "" {
						k.Aliases = append(k.Aliases, a)
					}
				}
			}
		}
		out = append(out, k)
	}
	return out
}

func TestSeedQuotes(t *testing.T) {
	known := siteActors(t)
	names := make([]string, 0, len(goldQuotes))
	for n := range goldQuotes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, mode := range []string{"discovered", "known"} {
		total, found, right := 0, 0, 0
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join("../../content/sources", name+".txt"))
			if err != nil {
				t.Skip("no seed article")
			}
			text := string(data)
			var ents []entities.Entity
			if mode == "known" {
				ents = entities.Find(text, known)
			} else {
				ents = entities.Find(text, nil)
			}
			qs := Find(text, ents)
			checkQuotes(t, text, ents, qs)
			gold := goldQuotes[name]
			total += len(gold)
			if len(qs) != len(gold) {
				var got []string
				for _, q := range qs {
					got = append(got, q.Text)
				}
				t.Errorf("%s (%s): %d quotes %q, want %d", name, mode, len(qs), got, len(gold))
			}
			for _, g := range gold {
				var q *Quote
				for k := range qs {
					if strings.HasPrefix(qs[k].Text, g[0]) {
						q = &qs[k]
					}
				}
				if q == nil {
					t.Errorf("%s (%s): quote %q not found", name, mode, g[0])
					continue
				}
				found++
				want, got := g[1], ""
				if q.Speaker >= 0 {
					got = ents[q.Speaker].Slug
				}
				// without known actors a person may be named by surname only
				parts := strings.Split(want, "-")
				last := parts[len(parts)-1]
				if got == want || mode == "discovered" && (got == last || strings.HasSuffix(got, "-"+last)) {
					right++
				} else {
					t.Errorf("%s (%s): quote %q: speaker %q, want %q", name, mode, g[0], got, want)
				}
			}
		}
		recall := float64(found) / float64(total)
		accuracy := float64(right) / float64(max(1, found))
		t.Logf("%s: quote recall %.3f (%d/%d), speaker correct %.3f (%d/%d)", mode, recall, found, total, accuracy, right, found)
		if recall < 0.95 || accuracy < 0.95 {
			t.Errorf("%s: below the bar", mode)
		}
	}
}

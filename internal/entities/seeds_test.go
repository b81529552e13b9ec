package entities

import (
	"reflect"
	"sort"
	"testing"
)

// The seed articles, hand-labelled. These are tests of the rules on real
// text, not rules: nothing here is known to the code.

type goldPerson struct {
	name string // as found without known actors: the fullest form in the text
	slug string // the known actor's slug, when the site has one
	role string
}

type goldArticle struct {
	people    []goldPerson
	orgs      []string // names found without known actors
	countries []string
	// mentions: a person's surfaces, in order, where merging matters
	mentions map[string][]string
}

var gold = map[string]goldArticle{
	"nato-allies-debate-defense-spending-in-antalya": {
		people: []goldPerson{
			{"Rutte", "mark-rutte", ""},
			{"Marco Rubio", "marco-rubio", "U.S. Secretary of State"},
			{"Donald Trump", "donald-trump", "President"},
			{"Vladimir Putin", "vladimir-putin", "Russian President"},
			{"Volodymyr Zelenskyy", "volodymyr-zelenskyy", "Ukrainian President"},
			{"Hakan Fidan", "hakan-fidan", "Turkish Foreign Minister"},
			{"Asaad al-Shaibani", "asaad-al-shaibani", "Syrian Foreign Minister"},
			{"Kęstutis Budrys", "kestutis-budrys", "Lithuanian Foreign Minister"},
			{"David Lammy", "david-lammy", "British Foreign Secretary"},
			{"Cook", "", ""},
			{"Fraser", "", ""},
		},
		orgs: []string{"NATO", "State Department"},
		countries: []string{"Afghanistan", "Belgium", "Canada", "China", "Croatia", "Israel", "Italy", "Luxembourg",
			"Montenegro", "Netherlands", "Portugal", "Russia", "Slovenia", "Spain", "Syria", "Türkiye", "Ukraine",
			"United Kingdom", "United States"},
		mentions: map[string][]string{
			"Marco Rubio":         {"Marco Rubio", "Rubio", "Rubio"},
			"Volodymyr Zelenskyy": {"Volodymyr Zelenskyy", "Zelenskyy"},
			"Donald Trump":        {"Donald Trump", "Trump", "Trump", "Trump"},
		},
	},
	"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom": {
		people: []goldPerson{
			{"Mary Sidiqi", "", ""},
			{"Marco Rubio", "marco-rubio", "U.S. Secretary of State"},
			{"Donald Trump", "donald-trump", "President"},
			{"Volodymyr Zelenskyy", "volodymyr-zelenskyy", "Ukrainian President"},
			{"Evgeniy Maloletka", "", ""},
			{"Steve Witkoff", "steve-witkoff", "special envoy"},
			{"Andrii Sybiha", "andrii-sybiha", "Ukraine FM"},
			{"Recep Tayyip Erdogan", "recep-tayyip-erdogan", "Turkish President"},
			{"Vladimir Putin", "vladimir-putin", "Russian President"},
			{"Johann Wadephul", "johann-wadephul", "German Foreign Minister"},
			{"Hakan Fidan", "hakan-fidan", "Turkish Foreign Minister"},
			{"Vladimir Medinsky", "vladimir-medinsky", "aide"},
			{"Alexander Fomin", "alexander-fomin", "Deputy Defense Minister"},
			{"Mikhail Galuzin", "mikhail-galuzin", "Deputy Foreign Minister"},
			{"Matthew Whitaker", "matthew-whitaker", "U.S. Ambassador to NATO"},
		},
		orgs:      []string{"European Union", "Kremlin", "NATO", "Turkish Foreign Ministry"},
		countries: []string{"Germany", "Qatar", "Russia", "Saudi Arabia", "Türkiye", "Ukraine", "United States"},
		mentions: map[string][]string{
			"Andrii Sybiha":        {"Sybiha", "Andrii Sybiha", "Sybiha"},
			"Recep Tayyip Erdogan": {"Erdogan", "Recep Tayyip Erdogan"},
			"Hakan Fidan":          {"Hakan Fidan", "Fidan", "Fidan", "Fidan"},
		},
	},
	"nato-ministerial-meeting-questions-and-answers": {
		people: []goldPerson{
			{"Marco Rubio", "marco-rubio", "U.S. Secretary of State"},
			{"Mark Rutte", "mark-rutte", "NATO Secretary General"},
		},
		orgs:      []string{"Coalition of the Willing", "NATO"},
		countries: []string{"Russia", "Türkiye", "Ukraine", "United States"},
	},
	"nato-ministers-hopeful-for-progress-on-peace-talks": {
		people: []goldPerson{
			{"Hakan Fidan", "hakan-fidan", "Türkiye's Foreign Minister"},
			{"Mark Rutte", "mark-rutte", "NATO Secretary General"},
			{"Marco Rubio", "marco-rubio", "US Secretary of State"},
			{"Donald Trump", "donald-trump", "U.S. President"},
			{"Vladimir Putin", "vladimir-putin", "Russian President"},
			{"Volodymyr Zelensky", "volodymyr-zelenskyy", "Ukraine's leader"},
			{"Vladimir Medinsky", "vladimir-medinsky", "former culture minister"},
			{"Jean-Noel Barrot", "jean-noel-barrot", ""},
			{"Johann Wadephul", "johann-wadephul", "Germany’s Foreign Minister"},
			{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan", "President"},
		},
		orgs:      []string{"Kremlin", "North Atlantic Treaty Organisation"},
		countries: []string{"France", "Germany", "Russia", "Türkiye", "Ukraine", "United States"},
		mentions: map[string][]string{
			"Hakan Fidan": {"Hakan Fidan", "Hakan Fidan", "Fidan", "Fidan", "Fidan"},
			"Mark Rutte":  {"Mark Rutte", "Mark Rutte", "Rutte", "Rutte", "Rutte"},
		},
	},
	"trump-sending-rubio-to-turkey-for-informal-nato-talks": {
		people: []goldPerson{
			{"Donald Trump", "donald-trump", "President"},
			{"Marco Rubio", "marco-rubio", "US Secretary of State"},
			{"Tammy Bruce", "tammy-bruce", "department spokesperson"},
			{"David Lammy", "david-lammy", "British Foreign Secretary"},
			{"Friedrich Merz", "friedrich-merz", "German Chancellor"},
			{"Zelensky", "volodymyr-zelenskyy", "Ukrainian leader"},
			{"Macron", "emmanuel-macron", "French President"},
			{"Starmer", "keir-starmer", "British Prime Minister"}, // a coordinated title is distributed
			{"Tusk", "donald-tusk", "Polish Prime Minister"},
			{"Putin", "vladimir-putin", ""},
			{"Scott Cullinane", "scott-cullinane", "co-founder of the U.S.-Europe Alliance"},
			{"Alex Raufoglu", "", ""},
		},
		orgs:      []string{"Kremlin", "NATO", "State Department", "U.S.-Europe Alliance"},
		countries: []string{"Germany", "Qatar", "Russia", "Saudi Arabia", "Türkiye", "Ukraine", "United States"},
		mentions: map[string][]string{
			"David Lammy":    {"David Lammy", "Lammy"}, // "Rubio-Lammy call"
			"Friedrich Merz": {"Friedrich Merz", "Merz"},
			"Tammy Bruce":    {"Tammy Bruce", "Bruce", "Bruce"},
		},
	},
}

// score counts true and false positives against a gold set.
type score struct{ tp, fp, fn int }

func (s *score) add(got, want []string) {
	w := map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	g := map[string]bool{}
	for _, x := range got {
		g[x] = true
		if w[x] {
			s.tp++
		} else {
			s.fp++
		}
	}
	for _, x := range want {
		if !g[x] {
			s.fn++
		}
	}
}

func (s score) precision() float64 { return float64(s.tp) / float64(max(1, s.tp+s.fp)) }
func (s score) recall() float64    { return float64(s.tp) / float64(max(1, s.tp+s.fn)) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func TestSeedArticles(t *testing.T) {
	known := siteActors(t)
	for _, mode := range []string{"discovered", "known"} {
		var people, bodies score
		for _, name := range seedNames {
			g, ok := gold[name]
			if !ok {
				t.Fatalf("no gold for %s", name)
			}
			text := seedText(t, name)
			var ents []Entity
			if mode == "known" {
				ents = Find(text, known)
			} else {
				ents = Find(text, nil)
			}
			checkMentions(t, text, ents)

			// people: the full set, with roles
			var got, want []string
			roles := map[string]string{}
			for _, e := range ents {
				if e.Kind != "person" {
					continue
				}
				id := e.Name
				if mode == "known" {
					id = e.Slug
				}
				got = append(got, id)
				roles[id] = e.Role
			}
			for _, p := range g.people {
				id := p.name
				if mode == "known" && p.slug != "" {
					id = p.slug
				} else if mode == "known" {
					id = slugOf(p.name)
				}
				want = append(want, id)
				if r, ok := roles[id]; ok && r != p.role {
					t.Errorf("%s (%s): role of %s = %q, want %q", name, mode, id, r, p.role)
				}
			}
			sort.Strings(got)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (%s): people\n got  %v\n want %v", name, mode, got, want)
			}
			people.add(got, want)

			// organisations and countries
			if mode == "discovered" {
				orgs, countries := byKind(ents, "organisation"), byKind(ents, "country")
				if !reflect.DeepEqual(orgs, g.orgs) {
					t.Errorf("%s: organisations\n got  %v\n want %v", name, orgs, g.orgs)
				}
				if !reflect.DeepEqual(countries, g.countries) {
					t.Errorf("%s: countries\n got  %v\n want %v", name, countries, g.countries)
				}
				bodies.add(append(orgs, countries...), append(append([]string{}, g.orgs...), g.countries...))
				for person, w := range g.mentions {
					e := find(ents, person)
					if e == nil {
						continue // reported above
					}
					if got := surfaces(e); !reflect.DeepEqual(got, w) {
						t.Errorf("%s: mentions of %s = %q, want %q", name, person, got, w)
					}
				}
			}
		}
		t.Logf("%s: people precision %.3f recall %.3f (tp %d fp %d fn %d)", mode,
			people.precision(), people.recall(), people.tp, people.fp, people.fn)
		if people.precision() < 0.95 || people.recall() < 0.95 {
			t.Errorf("%s: people below the bar", mode)
		}
		if mode == "discovered" {
			t.Logf("organisations and countries F1 %.3f (tp %d fp %d fn %d)", bodies.f1(), bodies.tp, bodies.fp, bodies.fn)
			if bodies.f1() < 0.90 {
				t.Errorf("organisations and countries below the bar")
			}
		}
	}
}

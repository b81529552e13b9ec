package gold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"briefgen/internal/ingest"
	"briefgen/internal/names"
)

// TestBars runs the real extraction on the gold set and fails below the
// bars. It is expected to fail until the extraction is complete.
func TestBars(t *testing.T) {
	cases, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	scores, misses, err := Score(cases, func(path string, raw []byte) (*ingest.Result, error) {
		return ingest.Extract(path, raw, ingest.Options{})
	})
	t.Logf("gold set: %d articles\n%s", len(cases), scores.Table())
	if len(misses) > 0 {
		t.Logf("%d misses:\n  %s", len(misses), strings.Join(misses, "\n  "))
	}
	if err != nil {
		t.Errorf("extraction failed: %v", err)
	}
	for _, f := range scores.Failures() {
		t.Error("bar not met: " + f)
	}
}

// withoutNoise returns the raw text, white space normalised, with every
// noise text (longest first) replaced by sep.
func withoutNoise(c Case, sep string) string {
	text := " " + strings.Join(strings.Fields(string(c.Raw)), " ") + " "
	noise := append([]string{}, c.Gold.Noise...)
	sort.SliceStable(noise, func(i, j int) bool { return len(noise[i]) > len(noise[j]) })
	for _, n := range noise {
		text = strings.ReplaceAll(text, strings.Join(strings.Fields(n), " "), sep)
	}
	return text
}

// content returns what the labels are taken from: the title and the raw
// text without its noise.
func content(c Case) string { return str(c.Gold.Title) + " | " + withoutNoise(c, " | ") }

var (
	day   = `\d{4}-\d{2}-\d{2}`
	month = `\d{4}-\d{2}`
	year  = `\d{4}`
	// resolvedRE is a date, month or year, or a range of two of the same kind.
	resolvedRE  = regexp.MustCompile(`^(` + day + `(/` + day + `)?|` + month + `(/` + month + `)?|` + year + `(/` + year + `)?)$`)
	publishedRE = regexp.MustCompile(`^` + day + `$`)
	sidecarRE   = regexp.MustCompile(`(?m)^published:\s*(\S+)\s*$`)
)

// wordCount counts the words of a quote: runs of non-space holding a
// letter or digit.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// inText says whether s occurs in the content as whole words, or, for a
// quote joined from two parts, as two such pieces split at a space.
func inText(text, s string, parts bool) bool {
	s = strings.Join(strings.Fields(s), " ")
	if ContainsNoise(text, s) {
		return true
	}
	if !parts {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && ContainsNoise(text, s[:i]) && ContainsNoise(text, s[i+1:]) {
			return true
		}
	}
	return false
}

// TestLabels checks that every gold label is consistent with its article
// and with CONVENTIONS.md as far as a program can tell.
func TestLabels(t *testing.T) {
	cases, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 8 {
		t.Errorf("%d articles, want at least 8", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			g := c.Gold
			text := content(c)
			raw := " " + strings.Join(strings.Fields(string(c.Raw)), " ") + " "
			if want := "testdata/" + c.Name + ".txt"; g.Source != want {
				t.Errorf("source %q, want %q", g.Source, want)
			}
			for _, m := range []struct {
				what string
				v    *string
			}{{"title", g.Title}, {"outlet", g.Outlet}, {"byline", g.Byline}, {"dateline", g.Dateline}} {
				if m.v == nil {
					continue
				}
				for _, w := range strings.Fields(*m.v) {
					if w != "and" && !strings.Contains(names.Fold(raw), names.Fold(w)) {
						t.Errorf("%s %q: %q is not in the text", m.what, *m.v, w)
					}
				}
			}
			if g.Title != nil && !strings.Contains(raw, *g.Title) {
				t.Errorf("title %q is not in the text as written", *g.Title)
			}
			side, err := os.ReadFile(filepath.Join("testdata", c.Name+".yaml"))
			switch {
			case err == nil:
				m := sidecarRE.FindSubmatch(side)
				if m == nil || g.Published == nil || string(m[1]) != *g.Published {
					t.Errorf("sidecar %q does not match published %v", side, str(g.Published))
				}
			case !errors.Is(err, os.ErrNotExist):
				t.Error(err)
			}
			if g.Published != nil && !publishedRE.MatchString(*g.Published) {
				t.Errorf("published %q is not YYYY-MM-DD", *g.Published)
			}

			keys := map[string]string{}
			for _, a := range g.Actors {
				switch a.Kind {
				case "person", "organisation", "country":
				default:
					t.Errorf("%s: kind %q", a.Name, a.Kind)
				}
				if a.Slug != names.Slug(a.Name) {
					t.Errorf("%s: slug %q, want %q", a.Name, a.Slug, names.Slug(a.Name))
				}
				if a.Kind != "person" && a.Role != nil {
					t.Errorf("%s: a %s has no role", a.Name, a.Kind)
				}
				if a.Role != nil {
					// a role shared by coordinated names is distributed
					// ("British and Polish Prime Ministers Starmer and
					// Tusk"), so check word by word
					for _, w := range tokens(*a.Role) {
						if !strings.Contains(names.Fold(text), w) {
							t.Errorf("%s: role %q: %q is not in the text", a.Name, *a.Role, w)
						}
					}
				}
				if len(a.Mentions) == 0 {
					t.Errorf("%s: no mentions", a.Name)
				}
				own := map[string]bool{}
				for _, m := range a.Mentions {
					if own[m] {
						t.Errorf("%s: mention %q twice", a.Name, m)
					}
					own[m] = true
					if !inText(text, m, false) {
						t.Errorf("%s: mention %q is not in the text as a whole word", a.Name, m)
					}
					if (strings.HasSuffix(m, "'s") || strings.HasSuffix(m, "’s")) && m != a.Name {
						t.Errorf("%s: mention %q keeps a possessive", a.Name, m)
					}
					for _, k := range []string{names.Loose(m)} {
						if other, dup := keys[k]; dup && other != a.Name {
							t.Errorf("mention %q of %s is also a name or mention of %s", m, a.Name, other)
						}
						keys[k] = a.Name
					}
				}
				if other, dup := keys["name:"+names.Loose(a.Name)]; dup {
					t.Errorf("%s and %s have one name", a.Name, other)
				}
				keys["name:"+names.Loose(a.Name)] = a.Name
			}
			isActor := map[string]bool{}
			for _, a := range g.Actors {
				isActor[names.Loose(a.Name)] = true
			}
			for _, q := range g.Quotes {
				if n := wordCount(q.Text); n < 5 {
					t.Errorf("quote %q has %d words, fewer than 5", q.Text, n)
				}
				if q.Text != strings.Join(strings.Fields(q.Text), " ") {
					t.Errorf("quote %q: white space not normalised", q.Text)
				}
				if !inText(text, q.Text, true) {
					t.Errorf("quote %q is not in the text", q.Text)
				}
				if q.Speaker != nil && !isActor[names.Loose(*q.Speaker)] {
					t.Errorf("quote %q: speaker %q is not an actor", clip(q.Text, 30), *q.Speaker)
				}
			}
			seen := map[string]bool{}
			for _, d := range g.Dates {
				if !inText(text, d.Text, false) {
					t.Errorf("date %q is not in the text", d.Text)
				}
				if d.Resolved != nil && !resolvedRE.MatchString(*d.Resolved) {
					t.Errorf("date %q: resolved %q is not YYYY[-MM[-DD]][/…]", d.Text, *d.Resolved)
				}
				if d.Resolved == nil && g.Published != nil {
					t.Errorf("date %q unresolved although the publication date is known", d.Text)
				}
				if d.Event == nil || *d.Event == "" {
					t.Errorf("date %q has no event", d.Text)
				}
				k := d.Text + "|" + str(d.Resolved) + "|" + str(d.Event)
				if seen[k] {
					t.Errorf("date %q listed twice for one event", d.Text)
				}
				seen[k] = true
			}
			for _, f := range g.Figures {
				if !inText(text, f.Text, false) {
					t.Errorf("figure %q is not in the text", f.Text)
				}
				if strings.IndexFunc(f.Text, unicode.IsDigit) < 0 {
					t.Errorf("figure %q has no digit", f.Text)
				}
				if f.About == nil || *f.About == "" {
					t.Errorf("figure %q has no about", f.Text)
				}
			}
			for _, q := range g.QA {
				if !inText(text, q.Question, false) || !strings.HasSuffix(q.Question, "?") {
					t.Errorf("question %q is not in the text or has no question mark", q.Question)
				}
				// each sentence-ish piece of the answer is in the text
				for _, piece := range strings.Split(q.Answer, ". ") {
					if !strings.Contains(text, strings.TrimSuffix(piece, ".")) {
						t.Errorf("answer to %q: %q is not in the text", q.Question, clip(piece, 60))
					}
				}
			}
			for _, n := range g.Noise {
				if !ContainsNoise(raw, n) {
					t.Errorf("noise %q is not in the raw text", n)
				}
			}
			// the labels round-trip: the file is the pretty-printed label
			data, err := os.ReadFile(filepath.Join("testdata", c.Name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var back bytes.Buffer
			enc := json.NewEncoder(&back)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(g); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(bytes.TrimSpace(back.Bytes()), bytes.TrimSpace(data)) {
				t.Errorf("%s.json is not the canonical pretty-printed form of its label (key order, spacing or unknown values)", c.Name)
			}
		})
	}
}

// result returns l as an ingest.Result through its JSON form, with body.
func result(t *testing.T, l Label, body string) *ingest.Result {
	t.Helper()
	l.Noise = nil
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var r ingest.Result
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	r.Body = body
	return &r
}

// cleanBody is a body with every noise text of c removed.
func cleanBody(c Case) string { return withoutNoise(c, "\n") }

// TestPerfectOnGold scores the gold labels against themselves: every row
// must be perfect and nothing missed.
func TestPerfectOnGold(t *testing.T) {
	cases, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Case{}
	for _, c := range cases {
		byPath[c.Path] = c
	}
	scores, misses, err := Score(cases, func(path string, raw []byte) (*ingest.Result, error) {
		c := byPath[path]
		return result(t, c.Gold, cleanBody(c)), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range misses {
		t.Error(m)
	}
	for _, r := range scores.Rows {
		if r.FP != 0 || r.FN != 0 || r.Precision != 1 || r.Recall != 1 {
			t.Errorf("%s: %+v, want perfect", r.Field, r)
		}
	}
	if f := scores.Failures(); len(f) > 0 {
		t.Errorf("failures on a perfect prediction: %v", f)
	}
	t.Log("\n" + scores.Table())
}

func sp(s string) *string { return &s }

// tiny is a small synthetic gold case.
func tiny() Case {
	g := Label{
		Source: "testdata/tiny.txt", Slug: "tiny",
		Title: sp("Minister meets rival"), Outlet: sp("Daily Example"), Published: sp("2026-03-04"),
		Actors: []Actor{
			{Name: "Marco Rubio", Slug: "marco-rubio", Kind: "person", Role: sp("Secretary of State"), Mentions: []string{"Marco Rubio", "Rubio"}},
			{Name: "Recep Tayyip Erdoğan", Slug: "recep-tayyip-erdogan", Kind: "person", Mentions: []string{"Recep Tayyip Erdoğan", "Erdoğan"}},
			{Name: "Mark Rutte", Slug: "mark-rutte", Kind: "person", Mentions: []string{"Rutte"}},
			{Name: "Grace Ndung'u", Slug: "grace-ndungu", Kind: "person", Mentions: []string{"Grace Ndung'u"}},
			{Name: "Türkiye", Slug: "turkiye", Kind: "country", Mentions: []string{"Turkey", "Türkiye"}},
			{Name: "Moody's", Slug: "moodys", Kind: "organisation", Mentions: []string{"Moody's"}},
		},
		Quotes: []Quote{
			{Speaker: sp("Marco Rubio"), Text: "the alliance is only as strong as its weakest link."},
			{Speaker: nil, Text: "If the vote fails, the whole budget goes back to the drawing board,"},
		},
		Dates: []Date{
			{Text: "Thursday", Resolved: sp("2026-03-05"), Event: sp("vote")},
			{Text: "14 to 16 May", Resolved: sp("2026-05-14/2026-05-16"), Event: sp("meeting")},
		},
		Figures: []Figure{{Text: "3.5% of GDP", About: sp("target")}, {Text: "22 of the 32 member countries", About: sp("allies")}},
		QA:      []QA{{Question: "What is it?", Answer: "It is a trade deal between two blocs."}},
		Noise:   []string{"Menu", "Kremlin Jails Election Monitor"},
	}
	return Case{Name: "tiny", Path: "testdata/tiny.txt", Raw: []byte("…"), Gold: g}
}

func scoreOne(t *testing.T, c Case, pred Label, body string) (Scores, []string) {
	t.Helper()
	s, misses, err := Score([]Case{c}, func(string, []byte) (*ingest.Result, error) { return result(t, pred, body), nil })
	if err != nil {
		t.Fatal(err)
	}
	return s, misses
}

func TestScorePerfect(t *testing.T) {
	c := tiny()
	s, misses := scoreOne(t, c, c.Gold, "The [[marco-rubio|minister]] met [[Rutte]].")
	if len(misses) > 0 {
		t.Errorf("misses: %v", misses)
	}
	for _, r := range s.Rows {
		if r.Precision != 1 || r.Recall != 1 || r.FP+r.FN != 0 {
			t.Errorf("%s: %+v", r.Field, r)
		}
	}
	if s.Row(FieldPeople).TP != 4 || s.Row(FieldOrgs).TP != 2 || s.Row(FieldNoise).TP != 2 {
		t.Errorf("counts: %+v %+v %+v", s.Row(FieldPeople), s.Row(FieldOrgs), s.Row(FieldNoise))
	}
	if !strings.Contains(s.Table(), "organisations+countries") {
		t.Errorf("table:\n%s", s.Table())
	}
}

func TestScoreOneMissing(t *testing.T) {
	c := tiny()
	p := c.Gold
	p.Actors = append([]Actor{}, c.Gold.Actors[:3]...) // Grace Ndung'u and both orgs missing
	p.Quotes = p.Quotes[:1]
	p.Dates = p.Dates[1:]
	s, _ := scoreOne(t, c, p, "body")
	check := func(field string, tp, fp, fn int, recall float64) {
		t.Helper()
		r := s.Row(field)
		if r.TP != tp || r.FP != fp || r.FN != fn || fmt.Sprintf("%.3f", r.Recall) != fmt.Sprintf("%.3f", recall) {
			t.Errorf("%s: %+v, want TP %d FP %d FN %d recall %.3f", field, r, tp, fp, fn, recall)
		}
	}
	check(FieldPeople, 3, 0, 1, 0.75)
	check(FieldOrgs, 0, 0, 2, 0)
	check(FieldQuotes, 1, 0, 1, 0.5)
	check(FieldDates, 1, 0, 1, 0.5)
	if got := s.Row(FieldPeople).Precision; got != 1 {
		t.Errorf("people precision %v", got)
	}
}

func TestScoreSplitEntity(t *testing.T) {
	c := tiny()
	p := c.Gold
	p.Actors = []Actor{
		{Name: "Marco Rubio", Kind: "person", Mentions: []string{"Marco Rubio"}},
		{Name: "Rubio", Kind: "person", Mentions: []string{"Rubio"}},
		{Name: "Recep Tayyip Erdogan", Kind: "person", Mentions: []string{"Recep Tayyip Erdogan", "Erdogan"}}, // no diacritics: same by Loose
		{Name: "Rutte", Kind: "person", Mentions: []string{"Rutte"}},                                          // surname only: same by the longest mention
		{Name: "Grace Ndung'u", Kind: "person", Mentions: []string{"Grace Ndung'u"}},
		{Name: "Turkey", Kind: "country", Mentions: []string{"Turkey"}}, // split: Türkiye apart
		{Name: "Türkiye", Kind: "country", Mentions: []string{"Türkiye"}},
		{Name: "Moody", Kind: "organisation", Mentions: []string{"Moody"}}, // possessive cut wrongly
	}
	s, misses := scoreOne(t, c, p, "body")
	if r := s.Row(FieldPeople); r.TP != 3 || r.FN != 1 || r.FP != 1 {
		t.Errorf("people %+v, want TP 3 FN 1 (Rubio split) FP 1 (the other half); misses %v", r, misses)
	}
	if r := s.Row(FieldOrgs); r.TP != 0 || r.FN != 2 || r.FP != 2 {
		t.Errorf("orgs %+v, want TP 0 FN 2 FP 2; misses %v", r, misses)
	}
}

func TestScoreLenientMatching(t *testing.T) {
	c := tiny()
	p := c.Gold
	p.Actors = append([]Actor{}, c.Gold.Actors...)
	p.Actors[2] = Actor{Name: "Mark Rutte", Kind: "person", Mentions: []string{"Rutte"}}
	p.Quotes = []Quote{
		{Speaker: sp("Rubio"), Text: "“The alliance is only as strong as its weakest link,” he said"}, // boundaries differ; speaker by mention
		{Speaker: sp("Rubio"), Text: "If the vote fails, the whole budget goes back to the drawing board"},
	}
	p.Quotes[1].Speaker = sp("the Treasury") // a name for an unknown speaker is wrong
	p.Dates = []Date{
		{Text: "Thursday’s", Resolved: sp("2026-03-12")},
		{Text: "from 14 to 16 May", Resolved: sp("2026-05-14/2026-05-16")},
	}
	p.Figures = []Figure{{Text: "3.5%"}, {Text: "22 of 32 members"}, {Text: "5%"}, {Text: "3.5% of GDP"}, {Text: "22 of the 32"}} // the last two repeat
	s, misses := scoreOne(t, c, p, "body")
	actors := append(c.Gold.Actors, Actor{Name: "State Department", Mentions: []string{"State Department"}})
	for _, x := range [][2]string{{"State Department", "the State Department"}, {"Marco Rubio", "Rubio"}, {"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"}} {
		if !speakerRight(actors, x[0], x[1]) {
			t.Errorf("speaker %q should be right for %q", x[1], x[0])
		}
	}
	if speakerRight(actors, "Marco Rubio", "Rutte") {
		t.Error("Rutte is not Rubio")
	}
	want := map[string][3]int{ // TP, FP, FN
		FieldPeople:     {4, 0, 0},
		FieldQuotes:     {2, 0, 0},
		FieldSpeaker:    {1, 1, 1}, // the unknown speaker given a name is wrong
		FieldDates:      {2, 0, 0},
		FieldResolution: {1, 1, 1},
		FieldFigures:    {2, 1, 0}, // "5%" does not find "3.5%"; repeats are not FPs
	}
	for f, w := range want {
		if r := s.Row(f); r.TP != w[0] || r.FP != w[1] || r.FN != w[2] {
			t.Errorf("%s: %+v, want %v; misses %v", f, r, w, misses)
		}
	}
}

func TestScoreMetadataAndNoise(t *testing.T) {
	c := tiny()
	p := c.Gold
	p.Title = sp("MINISTER MEETS RIVAL") // equal after Fold
	p.Outlet = nil                       // missed
	p.Byline = sp("Jane Doe")            // gold null: a false positive
	p.Published = sp("2026-03-05")       // wrong: FP and FN
	s, _ := scoreOne(t, c, p, "[[Kremlin]] Jails Election Monitor\n\n- Menu")
	for f, w := range map[string][3]int{
		FieldTitle: {1, 0, 0}, FieldOutlet: {0, 0, 1}, FieldByline: {0, 1, 0}, FieldDateline: {0, 0, 0},
		FieldPublished: {0, 1, 1}, FieldNoise: {0, 0, 2},
	} {
		if r := s.Row(f); r.TP != w[0] || r.FP != w[1] || r.FN != w[2] {
			t.Errorf("%s: %+v, want %v", f, r, w)
		}
	}
	if f := strings.Join(s.Failures(), "\n"); !strings.Contains(f, "noise lines left: 2 left") {
		t.Errorf("failures %q", f)
	}
	// "Menu" inside a word is not the noise line
	if ContainsNoise(PlainBody("The menus and Menus"), "Menu") {
		t.Error("Menu found inside Menus")
	}
	s, _ = scoreOne(t, c, p, "")
	if r := s.Row(FieldNoise); r.FN != 2 {
		t.Errorf("empty body: %+v, want both noise lines counted as left", r)
	}
}

func TestScoreExtractFailure(t *testing.T) {
	c := tiny()
	calls := 0
	s, misses, err := Score([]Case{c, c}, func(string, []byte) (*ingest.Result, error) {
		if calls++; calls == 2 {
			return nil, nil
		}
		panic("not ready")
	})
	if err == nil || !strings.Contains(err.Error(), "not ready") || !strings.Contains(err.Error(), "nil result") {
		t.Errorf("err %v", err)
	}
	if r := s.Row(FieldPeople); r.FN != 8 || r.TP != 0 {
		t.Errorf("people %+v", r)
	}
	if len(misses) == 0 {
		t.Error("no misses")
	}
}

func TestFigureKey(t *testing.T) {
	for in, want := range map[string]string{
		"22 of the 32 member countries":      "22 32",
		"5% of their gross domestic product": "5%",
		"about $2.4 billion":                 "2.4 billion",
		"£3.2bn":                             "3.2 billion",
		"up to zł1.1 billion":                "1.1 billion",
		"99,000 tonnes of beef":              "99000",
		"5 per cent":                         "5%",
		"$280m":                              "280 million",
		"129.2 per dollar":                   "129.2",
		"exceeding 20 billion euros":         "20 billion",
		"a third":                            "a third",
	} {
		if got := strings.Join(FigureKey(in), " "); got != want {
			t.Errorf("FigureKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainBody(t *testing.T) {
	got := PlainBody("[[actor:marco-rubio|Rubio]] met  [[Hakan Fidan]] and [[theme:defence-spending]]\\!\n\nShare")
	if want := "Rubio met Hakan Fidan and defence-spending! Share"; got != want {
		t.Errorf("PlainBody = %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil {
		t.Error("empty dir loaded")
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	if _, err := Load(dir); err == nil {
		t.Error("text without label loaded")
	}
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"slug":"a","extra":1}`), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "extra") {
		t.Errorf("unknown key: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"slug":"a","noise":["Menu"]}`), 0o644)
	cs, err := Load(dir)
	if err != nil || len(cs) != 1 || cs[0].Path != filepath.Join(dir, "a.txt") || cs[0].Gold.Noise[0] != "Menu" {
		t.Errorf("Load = %+v, %v", cs, err)
	}
	os.WriteFile(filepath.Join(dir, "b.json"), []byte(`{"slug":"b"}`), 0o644)
	if _, err := Load(dir); err == nil {
		t.Error("label without text loaded")
	}
}

func TestMainEmptyDir(t *testing.T) {
	var b bytes.Buffer
	if code := Main(&b, t.TempDir()); code != 2 || !strings.Contains(b.String(), "no articles") {
		t.Errorf("Main on an empty dir: %d %q", code, b.String())
	}
}

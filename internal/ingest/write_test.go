package ingest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefgen/internal/content"
	"briefgen/internal/entities"
)

// writeFiles writes files (path → text) under dir.
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

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func exists(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil
}

// testSite is a site with one known actor and one theme.
func testSite(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"content/site.yaml":           "title: Test briefing\nbaseURL: https://example.org/\n",
		"content/actors/ada-nkosi.md": "---\nname: Ada Nkosi\nkind: person\nrole: Trade Minister\naliases: [Nkosi]\n---\nKenya's trade minister.\n",
		"content/themes/trade.md":     "---\nname: Trade\nkeywords: [tariff, exports]\n---\nTrade policy.\n",
	})
	return dir
}

func sp(s string) *string { return &s }

// testResult is a brief with every field set, a known actor, two new ones
// (one of unknown kind) and text that needs escaping.
func testResult() *Result {
	return &Result{
		Source: "content/sources/tariff-talks.txt", Slug: "tariff-talks",
		Title: "Kenya weighs tariffs: what's next", Outlet: sp("The Ledger"), Byline: sp("Jo Mwangi"),
		Dateline: sp("Nairobi"), Published: sp("2026-03-04"),
		Summary: "Kenya's trade minister said on Tuesday that tariffs are coming.",
		Actors: []Actor{
			{Name: "Ada Nkosi", Slug: "ada-nkosi", Kind: "person", Role: sp("Trade Minister"), Mentions: []string{"Ada Nkosi", "Nkosi"}, Known: true},
			{Name: "Baraka Otieno", Slug: "baraka-otieno", Kind: "person", Role: sp("union leader"), Mentions: []string{"Baraka Otieno", "Otieno"}},
			{Name: "Coast Growers", Slug: "coast-growers", Mentions: []string{"Coast Growers"}},
		},
		Themes:   []ThemeRef{{Name: "Trade", Slug: "trade"}},
		Quotes:   []Quote{{Speaker: sp("Ada Nkosi"), SpeakerSlug: "ada-nkosi", Text: "We will protect our farmers first"}, {Text: "Nobody knows who said this one"}},
		Dates:    []Date{{Text: "Tuesday", Resolved: sp("2026-03-03"), Event: sp("minister said")}, {Text: "one day", Resolved: nil}},
		Figures:  []Figure{{Text: "12%", About: sp("tariff rate")}, {Text: "3 ports"}},
		QA:       []QA{{Question: "Who pays?", Answer: "Importers."}},
		Captions: []string{"Ada Nkosi at the port. (Photo: Jo Mwangi/The Ledger)"},
		Body:     "[[Ada Nkosi]] met [[Otieno]] and [[Coast Growers]]: a \\*test\\* with snake_case.\n\n## Questions and answers\n\n### Who pays?\n\nImporters, said [[Nkosi]].\n\n- one\n- two\n",
	}
}

func TestWriteRoundTripsThroughLoad(t *testing.T) {
	dir := testSite(t)
	r := testResult()
	o, err := Write(dir, r, false)
	if err != nil {
		t.Fatal(err)
	}
	if o.Action != "created" || len(o.Stubs) != 2 {
		t.Fatalf("outcome = %+v", o)
	}
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	b := c.Brief("tariff-talks")
	if b == nil {
		t.Fatal("brief not loaded")
	}
	if b.Title != r.Title || b.Source != "sources/tariff-talks.txt" || b.Outlet != "The Ledger" || b.Published != "2026-03-04" || b.Summary != r.Summary {
		t.Errorf("brief = %+v", b)
	}
	if len(b.Actors) != 3 || b.Actors[1].Actor.Value != "baraka-otieno" || b.Actors[0].Role != "Trade Minister" {
		t.Errorf("actors = %+v", b.Actors)
	}
	if len(b.Quotes) != 2 || b.Quotes[0].Speaker.Value != "ada-nkosi" || b.Quotes[1].Speaker.Value != "" {
		t.Errorf("quotes = %+v", b.Quotes)
	}
	if len(b.Dates) != 2 || b.Dates[0].Date.String() != "2026-03-03" || b.Dates[1].Resolved != "" {
		t.Errorf("dates = %+v", b.Dates)
	}
	if len(b.QA) != 1 || len(b.Captions) != 1 || len(b.Figures) != 2 || b.Figures[1].About != "" {
		t.Errorf("qa %+v captions %+v figures %+v", b.QA, b.Captions, b.Figures)
	}
	if len(b.Annotations) != 4 || c.MentionedActor(b, "Otieno") == nil || c.MentionedActor(b, "Otieno").Slug != "baraka-otieno" {
		t.Errorf("annotations = %+v", b.Annotations)
	}
	stub := c.Actor("coast-growers")
	if stub == nil || !stub.Stub || stub.Kind != content.Organisation {
		t.Errorf("stub = %+v", stub)
	}
	if s := c.Actor("baraka-otieno"); s == nil || !s.Stub || s.Role != "union leader" || len(s.Aliases) != 1 || s.Aliases[0] != "Otieno" ||
		!strings.Contains(s.Body, "sources/tariff-talks.txt") || !strings.Contains(s.Body, "stub: true") {
		t.Errorf("stub = %+v", s)
	}
	if !strings.Contains(strings.Join(o.Lines(), "\n"), "created stub content/actors/coast-growers.md") {
		t.Errorf("outcome lines = %q", o.Lines())
	}
}

// TestWriteSeedsLoad ingests every seed into a copy of the site's actors and
// themes and checks the result loads without a single error.
func TestWriteSeedsLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"content/site.yaml": "title: Seeds\n"}
	for _, sub := range []string{"actors", "themes"} {
		paths, _ := filepath.Glob(filepath.Join("../../content", sub, "*.md"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files["content/"+sub+"/"+filepath.Base(p)] = string(data)
		}
	}
	writeFiles(t, dir, files)
	site, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{}
	for _, a := range site.Actors {
		opts.Known = append(opts.Known, entities.Known{Slug: a.Slug, Name: a.Name, Kind: string(a.Kind), Role: a.Role, Aliases: a.Aliases})
	}
	for _, th := range site.Themes {
		opts.Themes = append(opts.Themes, Theme{Slug: th.Slug, Name: th.Name, Keywords: th.Keywords})
	}
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	paths = append(paths, "testdata/wire-tariff-truce.txt", "testdata/web-drought-emergency.txt")
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Extract(p, raw, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Write(dir, r, false); err != nil {
			t.Fatal(err)
		}
	}
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatalf("Load after ingest: %v", err)
	}
	if len(c.Briefs) != len(paths) {
		t.Errorf("loaded %d briefs, want %d", len(c.Briefs), len(paths))
	}
}

func TestWritePaths(t *testing.T) {
	const brief, base, bak = "content/briefs/tariff-talks.md", "content/briefs/.ingest/tariff-talks.md", "content/briefs/.ingest/tariff-talks.md.bak"
	gen := func(r *Result) string {
		data, err := renderBrief(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	newer := func() *Result {
		r := testResult()
		r.Summary = "A newer summary from a second ingest."
		r.Body += "\nA paragraph the source gained.\n"
		return r
	}
	tests := []struct {
		name   string
		before map[string]string // files before the write; "GEN" is the first result's brief
		result *Result
		force  bool
		action string
		kept   []string
		check  func(t *testing.T, dir string, o Outcome)
	}{
		{
			name: "missing brief is created with its base", result: testResult(), action: "created",
			check: func(t *testing.T, dir string, o Outcome) {
				if readFile(t, dir, brief) != gen(testResult()) || readFile(t, dir, base) != gen(testResult()) {
					t.Error("brief or base differs from the generated version")
				}
			},
		},
		{
			name: "same input again changes nothing", before: map[string]string{brief: "GEN", base: "GEN"}, result: testResult(), action: "unchanged",
			check: func(t *testing.T, dir string, o Outcome) {
				if contains(o.Written, brief) || contains(o.Written, base) {
					t.Errorf("wrote %q", o.Written)
				}
			},
		},
		{
			name: "untouched brief is replaced by the new version", before: map[string]string{brief: "GEN", base: "GEN"}, result: newer(), action: "updated",
			check: func(t *testing.T, dir string, o Outcome) {
				if readFile(t, dir, brief) != gen(newer()) || readFile(t, dir, base) != gen(newer()) {
					t.Error("brief or base is not the new version")
				}
			},
		},
		{
			name: "edited title and body are kept, other fields updated",
			before: map[string]string{
				brief: "EDIT:title: 'Kenya weighs tariffs: what''s next'=>title: Tariffs, explained|Importers, said [[Nkosi]].=>Importers pay, said [[Nkosi]] in an interview.",
				base:  "GEN",
			},
			result: newer(), action: "merged", kept: []string{"title", "body"},
			check: func(t *testing.T, dir string, o Outcome) {
				got := readFile(t, dir, brief)
				for _, want := range []string{"title: Tariffs, explained", "Importers pay, said [[Nkosi]] in an interview.", "A newer summary from a second ingest."} {
					if !strings.Contains(got, want) {
						t.Errorf("merged brief lacks %q:\n%s", want, got)
					}
				}
				if strings.Contains(got, "A paragraph the source gained.") {
					t.Error("the new body replaced the edited one")
				}
				if readFile(t, dir, base) != gen(newer()) {
					t.Error("base is not the new generated version")
				}
				if l := strings.Join(o.Lines(), "\n"); !strings.Contains(l, "kept your edits to: title, body") {
					t.Errorf("lines = %q", l)
				}
				if _, err := content.Load(dir, false); err != nil {
					t.Errorf("merged brief does not load: %v", err)
				}
			},
		},
		{
			name:   "a field the editor deleted stays deleted",
			before: map[string]string{brief: "EDIT:captions:\n  - 'Ada Nkosi at the port. (Photo: Jo Mwangi/The Ledger)'\n=>", base: "GEN"},
			result: newer(), action: "merged", kept: []string{"captions"},
			check: func(t *testing.T, dir string, o Outcome) {
				if got := readFile(t, dir, brief); strings.Contains(got, "captions:") || !strings.Contains(got, "A newer summary") {
					t.Errorf("brief = %s", got)
				}
			},
		},
		{
			name: "hand-made brief is left alone", before: map[string]string{brief: "---\ntitle: Mine\n---\nHand written.\n"}, result: testResult(), action: "skipped",
			check: func(t *testing.T, dir string, o Outcome) {
				if readFile(t, dir, brief) != "---\ntitle: Mine\n---\nHand written.\n" || exists(dir, base) {
					t.Error("hand-made brief was touched")
				}
				if o.Message != "content/briefs/tariff-talks.md was not made by ingest; left as is (use --force to replace it)" {
					t.Errorf("message = %q", o.Message)
				}
				if len(o.Stubs) != 0 || exists(dir, "content/actors/coast-growers.md") {
					t.Error("stubs created for a brief that was not written")
				}
			},
		},
		{
			name: "force replaces a hand-made brief after a backup", before: map[string]string{brief: "---\ntitle: Mine\n---\nHand written.\n"}, result: testResult(), force: true, action: "replaced",
			check: func(t *testing.T, dir string, o Outcome) {
				if readFile(t, dir, bak) != "---\ntitle: Mine\n---\nHand written.\n" {
					t.Error("backup is not the old brief")
				}
				if readFile(t, dir, brief) != gen(testResult()) || readFile(t, dir, base) != gen(testResult()) {
					t.Error("brief or base is not the generated version")
				}
			},
		},
		{
			name: "force replaces an edited brief after a backup", before: map[string]string{brief: "EDIT:Importers, said=>Editors, said", base: "GEN"}, result: testResult(), force: true, action: "replaced",
			check: func(t *testing.T, dir string, o Outcome) {
				if !strings.Contains(readFile(t, dir, bak), "Editors, said") || strings.Contains(readFile(t, dir, brief), "Editors, said") {
					t.Error("edited brief not backed up and replaced")
				}
			},
		},
		{
			name: "unparseable edit is left alone", before: map[string]string{brief: "title: no front matter any more\n", base: "GEN"}, result: newer(), action: "conflict",
			check: func(t *testing.T, dir string, o Outcome) {
				if readFile(t, dir, brief) != "title: no front matter any more\n" || readFile(t, dir, base) != gen(testResult()) {
					t.Error("brief or base changed")
				}
				if readFile(t, dir, base+".new") != gen(newer()) || !strings.Contains(o.Message, "left as is") {
					t.Errorf("new version not saved aside: %q", o.Message)
				}
			},
		},
		{
			name: "existing actor file is never overwritten", before: map[string]string{"content/actors/coast-growers.md": "---\nname: Coast Growers\nkind: organisation\n---\nWritten by an editor.\n"},
			result: testResult(), action: "created",
			check: func(t *testing.T, dir string, o Outcome) {
				if !strings.Contains(readFile(t, dir, "content/actors/coast-growers.md"), "Written by an editor.") {
					t.Error("actor file overwritten")
				}
				if len(o.Stubs) != 1 || o.Stubs[0] != "content/actors/baraka-otieno.md" {
					t.Errorf("stubs = %q", o.Stubs)
				}
			},
		},
	}
	first := gen(testResult())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testSite(t)
			files := map[string]string{}
			for p, text := range tt.before {
				switch {
				case text == "GEN":
					text = first
				case strings.HasPrefix(text, "EDIT:"):
					edited := first
					for _, pair := range strings.Split(strings.TrimPrefix(text, "EDIT:"), "|") {
						from, to, _ := strings.Cut(pair, "=>")
						if !strings.Contains(edited, from) {
							t.Fatalf("test edit %q does not apply to:\n%s", from, edited)
						}
						edited = strings.Replace(edited, from, to, 1)
					}
					text = edited
				}
				files[p] = text
			}
			writeFiles(t, dir, files)
			o, err := Write(dir, tt.result, tt.force)
			if err != nil {
				t.Fatal(err)
			}
			if o.Action != tt.action || strings.Join(o.Kept, ",") != strings.Join(tt.kept, ",") {
				t.Errorf("action %q kept %q, want %q kept %q", o.Action, o.Kept, tt.action, tt.kept)
			}
			tt.check(t, dir, o)
			leftovers, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.tmp"))
			hidden, _ := filepath.Glob(filepath.Join(dir, "content", "briefs", ".ingest", "*.tmp"))
			if len(leftovers)+len(hidden) > 0 {
				t.Errorf("temporary files left: %q %q", leftovers, hidden)
			}
		})
	}
}

// TestEditsSurviveRepeatedIngests edits a brief, then ingests twice more:
// the edit must survive both, and the second ingest must change nothing.
func TestEditsSurviveRepeatedIngests(t *testing.T) {
	dir := testSite(t)
	if _, err := Write(dir, testResult(), false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "content/briefs/tariff-talks.md")
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), "summary: ", "draft: true\nsummary: ", 1)
	edited = strings.Replace(edited, "a \\*test\\*", "an edited \\*test\\*", 1)
	writeFiles(t, dir, map[string]string{"content/briefs/tariff-talks.md": edited})
	r := testResult()
	r.Byline = sp("Jo Mwangi and Ann Ouma")
	for i := 0; i < 2; i++ {
		o, err := Write(dir, r, false)
		if err != nil {
			t.Fatal(err)
		}
		got := readFile(t, dir, "content/briefs/tariff-talks.md")
		if !strings.Contains(got, "draft: true") || !strings.Contains(got, "an edited \\*test\\*") || !strings.Contains(got, "Jo Mwangi and Ann Ouma") {
			t.Fatalf("ingest %d lost something (kept %q):\n%s", i+1, o.Kept, got)
		}
		if i == 1 && len(o.Written) != 0 {
			t.Errorf("second ingest wrote %q", o.Written)
		}
	}
}

func TestWriteRejectsBadSlug(t *testing.T) {
	for _, slug := range []string{"", ".hidden", "a/b"} {
		r := testResult()
		r.Slug = slug
		if _, err := Write(t.TempDir(), r, false); err == nil {
			t.Errorf("slug %q accepted", slug)
		}
	}
}

// TestWriteNoHeadline: an article without a headline has an unknown title,
// but its brief needs one: Write makes it from the file name and says so.
func TestWriteNoHeadline(t *testing.T) {
	dir := testSite(t)
	r, err := Extract("content/sources/harbour-strike-explained.txt", []byte("Dockers at the harbour walked out on Monday over pay.\n\nThe harbour authority said talks would resume.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "" {
		t.Fatalf("title = %q, want unknown", r.Title)
	}
	o, err := Write(dir, r, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Brief("harbour-strike-explained").Title; !strings.EqualFold(got, "Harbour strike explained") {
		t.Errorf("brief title = %q", got)
	}
	if !strings.Contains(strings.Join(o.Lines(), "\n"), "title was made from the file name") {
		t.Errorf("lines = %q", o.Lines())
	}
	// Once the editor has written a title, ingest keeps it and stops asking.
	path := filepath.Join(dir, "content/briefs/harbour-strike-explained.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(data, []byte("title: Why the harbour is on strike"))
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err = Write(dir, r, false); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Join(o.Lines(), "\n"); strings.Contains(lines, "file name") || !strings.Contains(lines, "kept your edits to: title") {
		t.Errorf("after the editor's title, lines = %q", o.Lines())
	}
}

package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"time"

	"briefgen/internal/dates"
	"briefgen/internal/names"
)

const seedDir = "../../content/sources"

// article is what a test expects of one extracted article; empty strings
// in the optional fields mean null.
type article struct {
	file                            string
	title                           string
	outlet, byline, dateline, pub   string
	summaryPrefix                   string
	captions                        []string // prefixes of the captions, in order
	qa                              int
	inBody, notInBody               []string
	removed                         []string // lines the report must list as removed
	needsDates                      bool     // pub needs dates.Parse to read a printed date
	firstParagraphPrefix, titleNote string
}

func seedCases() []article {
	return []article{
		{
			file:                 "nato-allies-debate-defense-spending-in-antalya.txt",
			title:                "",
			byline:               "Cook and Fraser",
			pub:                  "2025-05-15",
			summaryPrefix:        `"When it comes to the core defense spending`,
			firstParagraphPrefix: `"When it comes to the core defense spending`,
			inBody:               []string{"## NATO members consider defense spending plan", "## A push for Europe to ensure its security"},
			notInBody:            []string{"date 2025-05-15", "reported from", "Cook", "Fraser"},
			titleNote:            "no headline found",
		},
		{
			file:          "nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt",
			title:         "NATO Meets in Turkey as Ukraine Ceasefire Talks Loom",
			outlet:        "Newslooks",
			byline:        "Mary Sidiqi",
			dateline:      "Washington DC",
			pub:           "2025-05-15",
			summaryPrefix: "U.S. Secretary of State Marco Rubio met with NATO allies in Turkey Thursday",
			captions:      []string{"Ukrainian President Volodymyr Zelenskyy speaks to journalists"},
			inBody: []string{
				"\n\n- NATO foreign ministers gather in Antalya ahead of June summit.\n- Rubio joins allies",
				"## What to Expect Next", "## Rubio Meets with Ukraine, Germany, Turkey",
			},
			notInBody: []string{
				"Top Story", "StoryUS", "Newslooks", "Evening Edition", "Mary Sidiqi", "\\ ", "AP Photo",
				"More on US News", "Previous Article", "Lawmaker Nods Off", "Next Article", "Kremlin Jails Election Monitor",
				"How useful", "Click on a star", "Average rating", "Vote count", "No votes so far", "Latest News", "Menu", "•",
				"Quick Looks", "Deep Look", // the site's section labels (CONVENTIONS.md: noise)
			},
			removed:              []string{"Top StoryUS", "Quick Looks", "Deep Look", "Previous Article", "Lawmaker Nods Off as Budget Hearing Drags On", "Menu"},
			firstParagraphPrefix: "U.S. Secretary of State Marco Rubio met with NATO allies in Turkey Thursday",
		},
		{
			file:                 "nato-ministerial-meeting-questions-and-answers.txt",
			title:                "",
			summaryPrefix:        "NATO continues to play a pivotal role",
			qa:                   5,
			inBody:               []string{"## Questions and answers\n\n### What are the main focuses of the upcoming NATO ministerial meeting in Turkey?\n\nThe upcoming NATO ministerial meeting"},
			firstParagraphPrefix: "NATO continues to play a pivotal role",
			titleNote:            "no headline found",
		},
		{
			file:                 "nato-ministers-hopeful-for-progress-on-peace-talks.txt",
			title:                "NATO ministers hopeful for progress on Ukraine-Russia peace talks in Istanbul",
			dateline:             "Antalya",
			pub:                  "2025-05-15",
			summaryPrefix:        "NATO foreign ministers expressed cautious optimism on Thursday",
			captions:             []string{"(From L) Türkiye's Foreign Minister Hakan Fidan"},
			notInBody:            []string{"ANTALYA", "family photo", "(From L)"},
			firstParagraphPrefix: "NATO foreign ministers expressed cautious optimism",
		},
		{
			file:                 "trump-sending-rubio-to-turkey-for-informal-nato-talks.txt",
			title:                "Trump Sending Rubio to Turkey For Informal NATO Talks on Ukraine, Burden Sharing",
			outlet:               "Kyiv Post", // "Kyiv Post’s Washington correspondent … reports", not "told Kyiv Post"
			byline:               "Alex Raufoglu",
			pub:                  "2025-05-12",
			summaryPrefix:        "US Secretary of State Marco Rubio is heading to Antalya on Wednesday",
			inBody:               []string{`the Secretary \[Rubio\] will advance President \[Donald\] Trump’s agenda`, "Cullinane told Kyiv Post."},
			notInBody:            []string{"Source:", "Alex Raufoglu"},
			firstParagraphPrefix: "US Secretary of State Marco Rubio is heading to Antalya",
		},
	}
}

func styleCases() []article {
	return []article{
		{
			file:                 "testdata/wire-tariff-truce.txt",
			title:                "EU ministers agree tariff truce with Canada after overnight talks",
			outlet:               "Reuters",
			byline:               "Ingrid Holm and Tomasz Wrona",
			dateline:             "Brussels",
			pub:                  "2026-03-03",
			needsDates:           true,
			summaryPrefix:        "European Union trade ministers agreed on Tuesday",
			firstParagraphPrefix: "European Union trade ministers agreed on Tuesday",
			inBody:               []string{"Officials said three questions remain open:\n\n- quotas for 2027 and beyond\n- the treatment of recycled steel\n- a review clause"},
			notInBody:            []string{"BRUSSELS", "(Reuters)", "Advertisement", "Reporting by", "Editing by", "Read more", "Steelmakers warn", "Next Article", "Share", "Business", "Updated"},
			removed:              []string{"Business", "Advertisement · Scroll to continue", "Steelmakers warn of job losses in Wallonia"},
		},
		{
			file:                 "testdata/web-drought-emergency.txt",
			title:                "Kenya declares drought emergency as rains fail for a third season",
			outlet:               "The Daily Ledger",
			byline:               "Wanjiru Kamau",
			dateline:             "Nairobi",
			pub:                  "2026-02-11",
			summaryPrefix:        "Kenya's government declared a national drought emergency",
			firstParagraphPrefix: "Kenya's government declared",
			captions:             []string{"Herders walk their cattle past a dried-up dam"},
			inBody: []string{
				"## What the emergency means",
				"1. Water trucking to 23 counties\n2. Livestock offtake at guaranteed prices\n3. School feeding in the worst-hit areas",
				"Agriculture Minister Peter Njoroge said the government would review the plan in April.\n",
			},
			notInBody: []string{
				"Skip to main content", "Menu", "Search", "Home ›", "Staff Writer", "Published", "Updated", "min read",
				"Share", "Facebook", "Twitter", "Email", "Photo:", "NAIROBI", "Read more", "Farmers turn to",
				"Advertisement", "Subscribe", "Related Articles", "Ethiopia warns", "Uganda opens", "©", "Cookie",
			},
			removed: []string{"Skip to main content", "Home › World › Africa", "Read more: Farmers turn to drought-resistant sorghum as maize fails", "Uganda opens grain reserves as prices climb"},
		},
		{
			// A public broadcaster's page: menus, "Published" over the date,
			// the reporter's name over a job title, picture credits on a
			// line of their own above the caption, "Related topics".
			file:                 "testdata/broadcaster-ferry-contract.txt",
			title:                "Hebrides ferry contract goes to Polish shipyard",
			outlet:               "NBS",
			byline:               "Iona Mackay",
			pub:                  "2026-05-07",
			needsDates:           true,
			summaryPrefix:        "A shipyard in Gdańsk has won a £210m contract",
			firstParagraphPrefix: "A shipyard in Gdańsk has won a £210m contract",
			captions:             []string{"The two new vessels are due to serve", "Islanders queued at Castlebay pier"},
			inBody:               []string{"## What happens next\n\nThe yard is due to cut", "## Why islanders are wary\n\nResidents of Barra", "about £1.5m in lost trade.\n"},
			notInBody: []string{
				"Accessibility", "Sign in", "Weather", "Scotland Politics", "Published", "Share", "Save", "Iona Mackay",
				"correspondent", "Getty", "PA Media", "Castlebay pier", "Related topics", "Ferries\n", "Shipbuilding",
				"More on this story", "Ferry breakdown", "Clyde yard shortlisted", "Copyright", "external",
			},
			removed: []string{"Accessibility Help", "Getty Images", "PA Media", "Related topics", "Shipbuilding", "Ferry breakdown strands hundreds on Barra"},
		},
		{
			// A news agency's story: capitals byline, an "Updated" stamp as the
			// only date, "(AP) —" dateline, a caption between paragraphs, "___"
			// separators, a contributor credit and a link prompt.
			file:                 "testdata/wire-brazil-floods.txt",
			title:                "Floods kill dozens in southern Brazil as rivers keep rising",
			outlet:               "AP",
			byline:               "Mariana Costa and Rafael Moura",
			dateline:             "Porto Alegre, Brazil",
			pub:                  "2026-04-21",
			needsDates:           true,
			summaryPrefix:        "Floods in Brazil's southernmost state have killed at least 41 people",
			firstParagraphPrefix: "Floods in Brazil's southernmost state",
			captions:             []string{"Residents are evacuated by boat"},
			inBody:               []string{"said in Brasília.\n\nMeteorologists forecast more rain for the weekend.\n"},
			notInBody:            []string{"World News", "MARIANA", "Updated", "Share", "Leia", "PORTO ALEGRE", "(AP)", "AP Photo", "___", "Bianca Lopes", "contributed", "Follow", "https://", "Copyright"},
			removed:              []string{"World News", "Leia em português", "___", "Follow AP's coverage of Latin America at https://apnews.com/hub/latin-america"},
		},
		{
			// A regional paper: a cookie banner, masthead and menu row, the
			// headline twice, a standfirst, a byline over a job title, a
			// newsletter prompt mid-story and a comment section at the end.
			file:                 "testdata/local-flood-defence.txt",
			title:                "Council approves £3.2m flood defence scheme for riverside homes",
			outlet:               "The Westmoor Echo",
			byline:               "Hannah Pryce",
			pub:                  "2026-03-09",
			needsDates:           true,
			summaryPrefix:        "Work on the wall along Mill Lane is due to start in September",
			firstParagraphPrefix: "Work on the wall along Mill Lane is due to start in September\n\nA £3.2m flood defence scheme",
			inBody:               []string{"confirmed its share.\n\nThe wall is due to be finished by the end of 2027.\n"},
			notInBody: []string{
				"privacy", "partners", "Accept", "Reject", "purposes", "Westmoor Echo", "What's On", "Local Democracy Reporter",
				"14:32", "Updated", "Share", "Comments", "Sign up", "sign-up", "Sort by", "Mike_R", "About time", "Reply",
				"Report", "Sandra Heywood", "full costings", "Most Read", "bypass", "old bank",
			},
			removed: []string{"We value your privacy", "Show purposes", "Local Democracy Reporter", "Comments", "About time. The river has flooded Mill Lane three winters running and the council has done nothing until now.", "Man charged after crash on the bypass"},
		},
		{
			// A national paper's page: section menus, a standfirst, the
			// byline "Name in City" without "By" over the date, "Last
			// modified", share buttons in one row, a newsletter prompt, a
			// photograph credit and topic links at the end.
			file:                 "testdata/paper-four-day-week.txt",
			title:                "Portugal's parliament backs four-day week trial for public sector",
			byline:               "Ines Moreau",
			pub:                  "2026-07-12",
			needsDates:           true,
			summaryPrefix:        "Plan would cover 30,000 civil servants from January",
			firstParagraphPrefix: "Plan would cover 30,000 civil servants from January, with unions split over pay guarantees\n\nPortugal's parliament has approved",
			inBody:               []string{"told MPs.\n\nUnions welcomed the trial", "every department taking part.\n"},
			notInBody:            []string{"World", "Ines Moreau", "in Lisbon", "BST", "Last modified", "Share", "Messenger", "newsletter", "Sign up", "Photograph", "EPA", "Explore more", "Reuse"},
			removed:              []string{"Share this with Email Facebook Messenger X WhatsApp LinkedIn", "Get our morning briefing newsletter", "Reuse this content"},
		},
		{
			// A press release: release labels, a standfirst before the
			// "/PRNewswire/ --" dateline that dates the release, a boxed list,
			// the "About" boilerplate, a media contact and a SOURCE line.
			file:                 "testdata/release-solar-cooperative.txt",
			title:                "Andes Solar Cooperative secures $45 million to build Chile's largest community solar network",
			outlet:               "PRNewswire",
			dateline:             "Santiago, Chile",
			pub:                  "2026-06-02",
			needsDates:           true,
			summaryPrefix:        "The Andes Solar Cooperative today announced",
			firstParagraphPrefix: "Funding from three development banks will bring rooftop panels to 18,000 households in the Biobío region\n\nThe Andes Solar Cooperative today announced",
			inBody:               []string{"## Key facts\n\n- 18,000 households in 14 municipalities\n- 62 megawatts of installed capacity\n- 400 local installation jobs", "41,000 tonnes of carbon dioxide emissions a year.\n"},
			notInBody:            []string{"News Releases", "IMMEDIATE", "SANTIAGO", "PRNewswire", "--", "About Andes", "member-owned", "9,000 members", "Media contact", "Tomás Herrera", "+56", "prensa@", "SOURCE"},
			removed:              []string{"FOR IMMEDIATE RELEASE", "About Andes Solar Cooperative", "Media contact", "SOURCE Andes Solar Cooperative"},
		},
	}
}

func TestExtractArticles(t *testing.T) {
	var cases []article
	for _, c := range seedCases() {
		c.file = filepath.Join(seedDir, c.file)
		cases = append(cases, c)
	}
	cases = append(cases, styleCases()...)
	_, datesReady := dates.Parse("March 3, 2026")
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			raw, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Extract(c.file, raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != c.title {
				t.Errorf("title = %q, want %q", r.Title, c.title)
			}
			checkOpt(t, "outlet", r.Outlet, c.outlet)
			checkOpt(t, "byline", r.Byline, c.byline)
			checkOpt(t, "dateline", r.Dateline, c.dateline)
			if !c.needsDates || datesReady {
				checkOpt(t, "published", r.Published, c.pub)
			}
			if !strings.HasPrefix(r.Summary, c.summaryPrefix) || wordCount(r.Summary) > 70 {
				t.Errorf("summary = %q, want it to start %q and be short", r.Summary, c.summaryPrefix)
			}
			body := unannotated(r.Body)
			if !strings.HasPrefix(body, c.firstParagraphPrefix) {
				t.Errorf("body starts %q, want %q", clip(body, 80), c.firstParagraphPrefix)
			}
			if len(r.Captions) != len(c.captions) {
				t.Errorf("captions = %q, want %d", r.Captions, len(c.captions))
			}
			for i, p := range c.captions {
				if i < len(r.Captions) && !strings.HasPrefix(r.Captions[i], p) {
					t.Errorf("caption %d = %q, want prefix %q", i, r.Captions[i], p)
				}
			}
			if len(r.QA) != c.qa {
				t.Errorf("qa = %d pairs, want %d", len(r.QA), c.qa)
			}
			for _, s := range c.inBody {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range c.notInBody {
				if strings.Contains(body, s) {
					t.Errorf("body still contains %q", s)
				}
			}
			if n := strings.Count(body, c.title); c.title != "" && n != 0 {
				t.Errorf("headline appears %d times in the body", n)
			}
			for _, s := range c.removed {
				if !contains(r.Report.Removed, s) {
					t.Errorf("report does not list %q as removed: %q", s, r.Report.Removed)
				}
			}
			notes := strings.Join(r.Report.Notes, "\n")
			if c.titleNote != "" && !strings.Contains(notes, c.titleNote) {
				t.Errorf("report notes lack %q: %s", c.titleNote, notes)
			}
			if c.pub == "" && !strings.Contains(notes, "publication date unknown") {
				t.Errorf("unknown publication date not reported: %s", notes)
			}
		})
	}
}

func checkOpt(t *testing.T, field string, got *string, want string) {
	t.Helper()
	switch {
	case want == "" && got != nil:
		t.Errorf("%s = %q, want null", field, *got)
	case want != "" && got == nil:
		t.Errorf("%s = null, want %q", field, want)
	case want != "" && *got != want:
		t.Errorf("%s = %q, want %q", field, *got, want)
	}
}

// TestQAPairs checks the questions and answers of the FAQ-style seed.
func TestQAPairs(t *testing.T) {
	file := filepath.Join(seedDir, "nato-ministerial-meeting-questions-and-answers.txt")
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(file, raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.QA) != 5 {
		t.Fatalf("qa = %d, want 5", len(r.QA))
	}
	first, last := r.QA[0], r.QA[4]
	if first.Question != "What are the main focuses of the upcoming NATO ministerial meeting in Turkey?" ||
		!strings.HasPrefix(first.Answer, "The upcoming NATO ministerial meeting in Turkey, attended by") {
		t.Errorf("first pair = %+v", first)
	}
	if last.Question != "Why does NATO prioritize Ukraine's membership and security?" ||
		!strings.HasSuffix(last.Answer, "promoting lasting peace and regional security.") {
		t.Errorf("last pair = %+v", last)
	}
	for _, qa := range r.QA {
		if strings.Contains(qa.Answer, "?") {
			t.Errorf("answer swallowed a question: %q", qa.Answer)
		}
	}
}

// TestRules checks the cleaning rules on small articles in other styles.
func TestRules(t *testing.T) {
	tests := []struct {
		name              string
		text              string
		title             string
		outlet, byline    string
		dateline, pub     string
		inBody, notInBody []string
		qa                int
		captions          int
		wantNote          string
		opts              Options
	}{
		{
			name:      "wire prefix with region",
			text:      "Storm closes ports along the coast\n\nLISBON, Portugal (AP) — A winter storm closed three ports on Friday, officials said, as waves reached eight metres.\n\nFishing crews were told to stay ashore.\n",
			title:     "Storm closes ports along the coast",
			outlet:    "AP",
			dateline:  "Lisbon, Portugal",
			inBody:    []string{"A winter storm closed three ports on Friday"},
			notInBody: []string{"LISBON", "(AP)"},
		},
		{
			name:      "dash dateline without outlet",
			text:      "Court halts mine expansion\n\nSANTIAGO — A court halted the expansion of a copper mine on Monday, citing the risk to water supplies in the valley.\n",
			title:     "Court halts mine expansion",
			dateline:  "Santiago",
			notInBody: []string{"SANTIAGO"},
		},
		{
			name:      "byline with date after a separator",
			text:      "Council approves new tram line\nBy Clara Jensen | 2026-04-02\n\nThe city council approved a new tram line on Thursday after a three-hour debate about its cost.\n",
			title:     "Council approves new tram line",
			byline:    "Clara Jensen",
			pub:       "2026-04-02",
			notInBody: []string{"Clara Jensen", "By "},
		},
		{
			name:   "byline in capitals with role",
			text:   "Harbour reopens after repairs\n\nBY TOMAS VERHOEVEN, SENIOR CORRESPONDENT\n\nThe harbour reopened to cargo ships on Sunday after two months of repairs to its main quay.\n",
			title:  "Harbour reopens after repairs",
			byline: "Tomas Verhoeven",
		},
		{
			name:      "glued date is metadata",
			text:      " date 2026-01-20 The central bank held rates steady on Tuesday, as inflation eased for a fourth month.\n\nAnalysts had expected the decision.\n",
			pub:       "2026-01-20",
			inBody:    []string{"The central bank held rates steady on Tuesday"},
			notInBody: []string{"date 2026-01-20", "2026-01-20"},
		},
		{
			name:      "source footer",
			text:      "Island votes on new constitution\n\nVoters on the island went to the polls on Saturday to decide on a new constitution.\n\nSource: Mele Taufa\n",
			title:     "Island votes on new constitution",
			byline:    "Mele Taufa",
			notInBody: []string{"Source", "Mele Taufa"},
		},
		{
			name:      "credit with two reporters",
			text:      "Rail strike spreads to the north\n\nThe rail strike spread to three northern regions on Wednesday.\n\nMarek Novak reported from Prague, and Eva Horak from Brno.\n",
			title:     "Rail strike spreads to the north",
			byline:    "Marek Novak and Eva Horak",
			notInBody: []string{"reported from"},
		},
		{
			name:      "all-caps dateline line",
			text:      "Floods force thousands from homes\n\nDHAKA\n\nFloods forced thousands of families from their homes on Monday as rivers burst their banks.\n",
			title:     "Floods force thousands from homes",
			dateline:  "Dhaka",
			notInBody: []string{"DHAKA"},
		},
		{
			name:      "page title with outlet suffix",
			text:      "Orchestra cancels tour over funding cuts - The Evening Courier\n\nOrchestra cancels tour over funding cuts\n\nThe national orchestra cancelled its spring tour on Friday after losing a third of its funding.\n",
			title:     "Orchestra cancels tour over funding cuts",
			outlet:    "The Evening Courier",
			notInBody: []string{"Orchestra cancels tour", "Courier"},
		},
		{
			name:      "caption lines kept apart",
			text:      "Volcano erupts near village\nResidents watch the ash cloud from a hillside. (Photo: Ana Ruiz/Reuters)\n\nThe volcano erupted before dawn on Tuesday, covering the village in ash.\n\nGetty Images\n\nA second eruption followed at noon.\n",
			title:     "Volcano erupts near village",
			captions:  2,
			notInBody: []string{"Ana Ruiz", "Getty"},
			inBody:    []string{"A second eruption followed at noon."},
		},
		{
			name:   "hard-wrapped paragraphs are joined",
			text:   "Ferry service resumes\n\nThe ferry service between the two islands resumed on\nMonday after a three-week suspension caused by a dispute\nover crew pay, the operator said.\n\nPassengers welcomed the news.\n",
			title:  "Ferry service resumes",
			inBody: []string{"resumed on Monday after a three-week suspension caused by a dispute over crew pay, the operator said.\n\nPassengers"},
		},
		{
			name:   "faq section",
			text:   "Explainer: the new tax rules\n\nThe rules take effect in July.\n\nWho pays the new tax?\nCompanies with more than 50 staff.\nWhen does it start?\nIn July, after a grace period.\n",
			title:  "Explainer: the new tax rules",
			qa:     2,
			inBody: []string{"## Questions and answers\n\n### Who pays the new tax?\n\nCompanies with more than 50 staff.\n\n### When does it start?"},
		},
		{
			name: "interview markers are cut from questions and answers",
			text: "The housing levy explained\n\nParliament passed a revised housing levy on Tuesday.\n\n" +
				"Q: Who has to pay the levy?\nA: Every salaried worker, and employers match it.\n\nQ: What is the money for?\nA: Affordable homes.\n",
			title:     "The housing levy explained",
			qa:        2,
			inBody:    []string{"### Who has to pay the levy?\n\nEvery salaried worker, and employers match it.", "### What is the money for?\n\nAffordable homes."},
			notInBody: []string{"Q:", "A:"},
		},
		{
			name:      "one question is not an FAQ",
			text:      "Will the dam hold?\n\nEngineers say the dam is safe for now.\n\nWhat happens next is unclear?\nNobody knows.\n",
			title:     "Will the dam hold?",
			qa:        0,
			notInBody: []string{"## Questions and answers"},
		},
		{
			name:   "markdown characters are escaped",
			text:   "Budget row deepens\n\n1. This line is not a list, it is a sentence about item one.\n\nThe *draft* uses snake_case names and [brackets] and a <tag> and AT&amp;T.\n\n# not a heading, just text with a hash.\n",
			title:  "Budget row deepens",
			inBody: []string{"1\\. This line", "\\*draft\\*", "snake_case", "\\[brackets\\]", "\\<tag>", "AT\\&amp;T", "\\# not a heading"},
		},
		{
			name:  "options published overrides the text",
			text:  "Talks resume\n\nPublished: 2026-05-01\n\nNegotiators resumed talks on Friday in the capital after a week's pause.\n",
			title: "Talks resume",
			pub:   "2026-06-30",
			opts:  Options{Published: mustDate("2026-06-30")},
		},
		{
			name:     "inferred publication date is reported",
			text:     "Dockworkers strike at main port\nDockworkers picket the gates on March 5, 2026. (Photo: Lena Berg/Harbour Times)\n\nDockworkers began an open-ended strike on Thursday, halting cargo at the main port.\n",
			title:    "Dockworkers strike at main port",
			pub:      "2026-03-05",
			captions: 1,
			wantNote: "inferred",
		},
		{
			name: "masthead, tagline and kicker above a repeated headline",
			text: "Skip to main content\nThe Harbour Gazette\nNews | Sport | Opinion | Log in\nIndependent journalism for the coast since the old days\nLocal\n" +
				"Ferry fares to rise by a fifth from June\nFerry fares to rise by a fifth from June\n" +
				"By Ines Moreau (earlier) and Tom Price (now)\nLast modified on 2026-03-03 09.15 GMT\n\n" +
				"Ferry fares on the island routes will rise by a fifth from June, the operator said on Monday.\n\n" +
				"Read more:\nIsland council backs new harbour wall\nFishermen protest quota cuts\n\nThe operator blamed the cost of fuel.\n",
			title:     "Ferry fares to rise by a fifth from June",
			outlet:    "The Harbour Gazette",
			byline:    "Ines Moreau and Tom Price",
			pub:       "2026-03-03",
			wantNote:  "Updated",
			inBody:    []string{"Ferry fares on the island routes", "The operator blamed the cost of fuel."},
			notInBody: []string{"Gazette", "Independent journalism", "Local", "Log in", "Island council", "Fishermen", "Last modified", "Ines"},
		},
		{
			name:      "a Title Case headline over the date is not a byline",
			text:      "Ferry Fares Rise Again\nMay 5, 2026\n\nFerry fares on the island routes rose for the third time this year, the operator said on Tuesday.\n",
			title:     "Ferry Fares Rise Again",
			pub:       "2026-05-05",
			notInBody: []string{"Ferry Fares Rise Again"},
		},
		{
			name: "an About subhead of an explainer stays",
			text: "What the new fishing deal means\n\nThe deal sets catch limits for the next five years and was signed by both governments on Monday in the capital.\n\n" +
				"Fleets will have to report every landing within a day, and inspectors will board one vessel in ten at random.\n\n" +
				"About the Quotas\n\nQuotas fall by a tenth for cod and rise slightly for mackerel.\n",
			title:  "What the new fishing deal means",
			inBody: []string{"## About the Quotas\n\nQuotas fall by a tenth"},
		},
		{
			name:     "updated date used only as a last resort",
			text:     "Bridge reopens\nUpdated: 2026-07-09\n\nThe bridge reopened to traffic on Wednesday after repairs to its deck.\n",
			title:    "Bridge reopens",
			pub:      "2026-07-09",
			wantNote: "Updated",
		},
	}
	_, datesReady := dates.Parse("March 5, 2026")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract("in-memory.txt", []byte(tt.text), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" && r.Title != tt.title {
				t.Errorf("title = %q, want %q", r.Title, tt.title)
			}
			checkOpt(t, "outlet", r.Outlet, tt.outlet)
			checkOpt(t, "byline", r.Byline, tt.byline)
			checkOpt(t, "dateline", r.Dateline, tt.dateline)
			if tt.wantNote != "inferred" || datesReady {
				checkOpt(t, "published", r.Published, tt.pub)
				if tt.wantNote != "" && !strings.Contains(strings.Join(r.Report.Notes, "\n"), tt.wantNote) {
					t.Errorf("notes lack %q: %q", tt.wantNote, r.Report.Notes)
				}
			}
			if len(r.QA) != tt.qa {
				t.Errorf("qa = %+v, want %d pairs", r.QA, tt.qa)
			}
			if len(r.Captions) != tt.captions {
				t.Errorf("captions = %q, want %d", r.Captions, tt.captions)
			}
			body := unannotated(r.Body)
			for _, s := range tt.inBody {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q:\n%s", s, body)
				}
			}
			for _, s := range tt.notInBody {
				if strings.Contains(body, s) {
					t.Errorf("body still contains %q:\n%s", s, body)
				}
			}
		})
	}
}

func TestSummaryLength(t *testing.T) {
	long := strings.Repeat("The minister spoke about the plan at length in the hall. ", 12)
	got := summarize(strings.TrimSpace(long), 60)
	if n := wordCount(got); n > 60 || n < 30 || !strings.HasSuffix(got, ".") {
		t.Errorf("summary has %d words: %q", n, got)
	}
	if got := summarize("Gen. Ola Berg of the U.S. Army spoke. "+long, 8); got != "Gen. Ola Berg of the U.S. Army spoke." {
		t.Errorf("abbreviations split the sentence: %q", got)
	}
}

func TestThemes(t *testing.T) {
	themes := []Theme{
		{Slug: "water", Name: "Water", Keywords: []string{"drought", "water trucking"}},
		{Slug: "money", Name: "Money", Keywords: []string{"Budget", "12%"}},
		{Slug: "none", Name: "None", Keywords: []string{"rain"}}, // "rains" is not the word "rain"
		{Slug: "empty", Name: "Empty"},
	}
	text := "The budget grew 12% as the government fought the drought.\n\nWater trucking began.\n\nThe rains failed."
	got := themesOf(text, themes)
	if len(got) != 2 || got[0].Slug != "money" || got[1].Slug != "water" {
		t.Errorf("themes = %+v, want money then water", got)
	}
	// A percentage keyword is the whole number: not 25%, nor the 5 of 1.5.
	pct := []Theme{{Slug: "target", Name: "Target", Keywords: []string{"5%", "3.5%"}}}
	for text, want := range map[string]int{
		"Duties rose to 25% and growth fell 1.5 points; 3.5 billion was lost.": 0,
		"Allies agreed on 5%, of which 3.5% for core defence.":                 1,
	} {
		if got := themesOf(text, pct); len(got) != want {
			t.Errorf("themesOf(%q) = %+v, want %d theme(s)", text, got, want)
		}
	}
}

func mustDate(s string) (t time.Time) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// unannotated returns a body with each [[target|text]] or [[text]] replaced
// by its text, so tests can look for phrases whatever the entity finder
// annotated.
func unannotated(body string) string {
	var b strings.Builder
	for {
		i := strings.Index(body, "[[")
		if i < 0 {
			break
		}
		if i > 0 && body[i-1] == '\\' { // an escaped bracket, then maybe an annotation
			b.WriteString(body[:i+1])
			body = body[i+1:]
			continue
		}
		j := strings.Index(body[i:], "]]")
		if j < 0 {
			break
		}
		inner := body[i+2 : i+j]
		if _, shown, ok := strings.Cut(inner, "|"); ok {
			inner = shown
		}
		b.WriteString(body[:i])
		b.WriteString(inner)
		body = body[i+j+2:]
	}
	b.WriteString(body)
	return b.String()
}

func TestBylineForms(t *testing.T) {
	tests := []struct{ line, byline, outlet string }{
		{"By Jane Doe", "Jane Doe", ""},
		{"By JANE DOE and JOHN ROE", "Jane Doe and John Roe", ""},
		{"By Jane Doe, CNN", "Jane Doe", "CNN"},
		{"By Jane Doe and John Roe, The Associated Press", "Jane Doe and John Roe", "The Associated Press"},
		{"By Jane Doe | Reuters", "Jane Doe", "Reuters"},
		{"By Jane Doe, Senior Correspondent", "Jane Doe", ""},
		{"By Ines Moreau in Lisbon", "Ines Moreau", ""},
		{"By Jane Doe and John Roe in Brussels", "Jane Doe and John Roe", ""},
		{"By Friday, talks had collapsed", "", ""},
		{"By the time Jane Doe arrived in Lisbon, it was late", "", ""},
		{"By the time they met, it was late", "", ""},
	}
	for _, tt := range tests {
		m := metaLine(tt.line)
		switch {
		case tt.byline == "" && m != nil:
			t.Errorf("%q read as metadata: %+v", tt.line, m)
		case tt.byline != "" && (m == nil || m.byline != tt.byline || m.outlet != tt.outlet):
			t.Errorf("%q = %+v, want byline %q outlet %q", tt.line, m, tt.byline, tt.outlet)
		}
	}
}

// TestTrailingNavigation checks that a navigation block ends the article,
// but boilerplate between paragraphs does not cut what follows.
func TestTrailingNavigation(t *testing.T) {
	raw := "Mayor opens new library\n\nThe mayor opened the city's new library on Saturday after four years of building work.\n\n" +
		"Advertisement\n\nKey facts\n\n• 120,000 books\n• open every day\n\n" +
		"Share\n\nThe library cost 40 million, the council said in a statement on Friday.\n\n" +
		"Related Articles\nCity council approves budget\nNew bus routes announced\n\nFollow us on social media\n"
	r, err := Extract("library.txt", []byte(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := unannotated(r.Body)
	for _, want := range []string{"## Key facts\n\n- 120,000 books\n- open every day", "The library cost 40 million"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	for _, gone := range []string{"Advertisement", "Share", "Related", "City council approves", "New bus routes", "Follow us"} {
		if strings.Contains(body, gone) {
			t.Errorf("body still has %q:\n%s", gone, body)
		}
		found := false
		for _, l := range r.Report.Removed {
			found = found || strings.HasPrefix(l, gone)
		}
		if !found {
			t.Errorf("report does not list %q: %q", gone, r.Report.Removed)
		}
	}
}

func TestTitleFromSlug(t *testing.T) {
	text := "NATO ministers met. The ministerial meeting of NATO took questions. NATO said so."
	if got := titleFromSlug("nato-ministerial-meeting-questions-and-answers-in-antalya", text); got != "NATO ministerial meeting questions and answers in Antalya" {
		t.Errorf("title = %q", got)
	}
}

// TestSectionLabels checks that the site's section labels at the top of a
// story go, and that real subheads, also in Title Case, stay.
func TestSectionLabels(t *testing.T) {
	const head = "Port strike halts grain exports\n\n"
	const lead = "Dockworkers at the country's largest port walked out on Monday, halting grain exports for the first time in a decade, union leaders said.\n\n"
	const bullets = "• Grain exports stopped at the main port.\n• Union demands a 12% pay rise.\n• Talks resume on Wednesday.\n\n"
	const story = "The strike began at dawn as crews left the cranes idle and trucks queued for kilometres outside the gates of the terminal.\n\n"
	tests := []struct {
		name string
		text string
		kept []string // headings that must stay
		gone []string // labels that must go (and be reported)
	}{
		{
			name: "labels over summary bullets and over a second headline",
			text: head + lead + "At a Glance\n\n" + bullets + "In Depth\n\nDockworkers Walk Out as Pay Talks Collapse at the Main Port\n\n" + story +
				"What Happens Next\n\nMediators will meet both sides on Wednesday in the capital, the labour ministry said in a statement.\n",
			kept: []string{"## What Happens Next", "## Dockworkers Walk Out as Pay Talks Collapse at the Main Port"},
			gone: []string{"At a Glance", "In Depth"},
		},
		{
			name: "a subhead that heads paragraphs stays, in Title Case too",
			text: head + lead + story + "Why the Talks Matter\n\nGrain is the country's largest export, and the port handles most of it, according to the trade ministry.\n\n" +
				"Why the talks matter\n\nFarmers said their silos would be full within a week if the strike went on.\n",
			kept: []string{"## Why the Talks Matter", "## Why the talks matter"},
		},
		{
			name: "a label that uses the article's words stays",
			text: head + lead + "Strike Demands\n\n" + bullets + story,
			kept: []string{"## Strike Demands"},
		},
		{
			name: "a list heading in sentence case stays",
			text: head + lead + "Key facts\n\n" + bullets + story,
			kept: []string{"## Key facts"},
		},
		{
			name: "a list heading further down the story stays",
			text: head + lead + story + story + "Quick Guide\n\n" + bullets,
			kept: []string{"## Quick Guide"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Extract("labels.txt", []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			body := unannotated(r.Body)
			for _, h := range tt.kept {
				if !strings.Contains(body, h+"\n") {
					t.Errorf("body lacks heading %q:\n%s", h, body)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(body, g) {
					t.Errorf("body still has label %q:\n%s", g, body)
				}
				if !contains(r.Report.Removed, g) {
					t.Errorf("report does not list %q: %q", g, r.Report.Removed)
				}
			}
			if strings.Contains(tt.text, bullets) && !strings.Contains(body, "- Union demands a 12% pay rise.") {
				t.Errorf("summary bullets lost:\n%s", body)
			}
		})
	}
}

// TestFastPaths checks the shortcuts taken for speed against the slow
// forms they stand in for.
func TestFastPaths(t *testing.T) {
	for _, s := range []string{"jane-doe", "nato", "g7-summit", "jane--doe", "-x", "x-", "Jane-doe", "über", "", strings.Repeat("a", 81)} {
		if isSlug(s) && names.Slug(s) != s {
			t.Errorf("isSlug(%q) but names.Slug gives %q", s, names.Slug(s))
		}
	}
	weekdayTests := []struct {
		lead, word string
	}{
		{"Ministers met on Thursday in Antalya.", "Thursday"},
		{"Thursday’s talks ended early, and on Friday they resumed.", "Thursday"},
		{"The holiday ended on Mondays and a Sunday-league game, then on Tuesday.", "Tuesday"},
		{"They met today and will meet on friday.", ""},
	}
	for _, tt := range weekdayTests {
		if _, w, _ := leadWeekday(tt.lead); w != tt.word {
			t.Errorf("leadWeekday(%q) = %q, want %q", tt.lead, w, tt.word)
		}
	}
	for s, want := range map[string]bool{"May 15, 2025": true, "on 2026-03-05": true, "May 15": false, "12345 people": false, "": false} {
		if hasYear(s) != want {
			t.Errorf("hasYear(%q) = %v", s, !want)
		}
	}
	for _, s := range []string{"Share this with Email Facebook", "The (AP Photo/Jane Doe) shot", "Photo: Jane Doe", "No caption at all", "REUTERS/Jane Doe"} {
		want := false
		for _, m := range captionMarks {
			want = want || strings.Contains(s, m)
		}
		if hasCaptionMark(s) != want {
			t.Errorf("hasCaptionMark(%q) = %v, want %v", s, !want, want)
		}
	}
}

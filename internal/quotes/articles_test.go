package quotes

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/entities"
)

// actor is a hand-labelled actor of a test article: its name, kind, role
// and every surface form it appears under.
type actor struct {
	name, kind, role string
	surfaces         []string
}

// handEntities builds the entities of text from hand-labelled actors, so
// that the attribution rules are tested apart from entity discovery: every
// whole-word occurrence of a surface is a mention, longer surfaces first.
func handEntities(text string, actors []actor) []entities.Entity {
	taken := make([]bool, len(text))
	ents := make([]entities.Entity, len(actors))
	type cand struct{ ent, s, e int }
	var cands []cand
	for id, a := range actors {
		ents[id] = entities.Entity{Name: a.name, Slug: strings.ToLower(a.name), Kind: a.kind, Role: a.role}
		for _, sf := range a.surfaces {
			for i := 0; ; {
				k := strings.Index(text[i:], sf)
				if k < 0 {
					break
				}
				s, e := i+k, i+k+len(sf)
				if boundary(text, s, e) {
					cands = append(cands, cand{id, s, e})
				}
				i = e
			}
		}
	}
	// longer surfaces claim their bytes first
	for n := len(text); n > 0 && len(cands) > 0; n-- {
		for _, c := range cands {
			if c.e-c.s != n || taken[c.s] || taken[c.e-1] {
				continue
			}
			for i := c.s; i < c.e; i++ {
				taken[i] = true
			}
			ents[c.ent].Mentions = append(ents[c.ent].Mentions, entities.Mention{Start: c.s, End: c.e, Surface: text[c.s:c.e]})
		}
	}
	for id := range ents {
		ms := ents[id].Mentions
		for i := 1; i < len(ms); i++ {
			for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
				ms[j], ms[j-1] = ms[j-1], ms[j]
			}
		}
	}
	return ents
}

// boundary reports whether text[s:e] is a whole word run.
func boundary(text string, s, e int) bool {
	if s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// articleCase is a whole test article, written for these tests in the
// style of an outlet not in the gold set, with its actors and its
// hand-labelled quotations in order (speaker "" for none).
type articleCase struct {
	name   string
	text   string
	actors []actor
	quotes []want
}

var articleCases = []articleCase{
	{
		name: "sports: interrupted quotes, pronouns across paragraphs",
		text: `Valdés double keeps Sevilla's title hopes alive

SEVILLE, April 19 - Striker Tomás Valdés scored twice as Sevilla beat Real Betis 3-1 on Saturday, keeping his side four points behind the leaders with five games left.

"We knew the derby would decide our season," Valdés said after the match. "The fans pushed us for ninety minutes and we owed them a performance."

Coach Marta Iriarte, in her first season in charge, was more cautious. "One win does not make a title, and we still have to travel to Bilbao and Madrid," she told reporters.

She said the squad would rest on Sunday. "Some of the players are exhausted after three matches in eight days."

"I am proud of this group," Iriarte added, "because they never stopped believing in the plan we set in August."

"Nobody gave us a chance in the autumn," she said, "and look at us."

Betis defender Luka Perić blamed the referee for the second goal.

"It was a clear foul on our keeper and everyone in the stadium saw it," he said. "We will look at the images again on Monday."

A club official, who spoke on condition of anonymity, said the team would file a complaint: "We will send the video to the federation on Monday morning."
`,
		actors: []actor{
			{"Tomás Valdés", "person", "Striker", []string{"Tomás Valdés", "Valdés"}},
			{"Marta Iriarte", "person", "Coach", []string{"Marta Iriarte", "Iriarte"}},
			{"Luka Perić", "person", "Betis defender", []string{"Luka Perić"}},
			{"Sevilla", "organisation", "", []string{"Sevilla"}},
			{"Real Betis", "organisation", "", []string{"Real Betis", "Betis"}},
		},
		quotes: []want{
			{"We knew the derby would decide our season", "Tomás Valdés"},
			{"The fans pushed us for ninety minutes", "Tomás Valdés"},
			{"One win does not make a title", "Marta Iriarte"},
			{"Some of the players are exhausted", "Marta Iriarte"},
			{"I am proud of this group", "Marta Iriarte"},
			{"because they never stopped believing", "Marta Iriarte"},
			{"Nobody gave us a chance in the autumn and look at us", "Marta Iriarte"},
			{"It was a clear foul on our keeper", "Luka Perić"},
			{"We will look at the images again", "Luka Perić"},
			{"We will send the video to the federation", ""},
		},
	},
	{
		name: "business: organisations as speakers, role references to bodies",
		text: `Halden Energy shares slide as regulator opens price probe

OSLO (Nordic Markets Daily) — Shares in Halden Energy fell 9% on Wednesday after Norway's energy regulator NVE said it would investigate the company's winter tariffs.

"We have received a large number of complaints from households in the north," NVE said in a statement. "We will look at whether the tariffs were set fairly."

Halden Energy said it was "confident that its prices comply with every rule in force", and that it would cooperate fully.

Chief executive Ingrid Solberg told analysts on a call that the probe would not change the company's guidance. "Our numbers for the year stand, and so does our dividend," Solberg said.

Fitch Ratings, which rates the company's bonds, said the investigation was "unlikely to affect the credit profile in the near term".

"Investors were looking for an excuse to take profits after a very strong year," said Lars Vik, a fund manager at Fjord Kapital in Bergen. Vik said he had not sold any shares.

One trader, who asked not to be identified, said: "Nobody wants to hold a utility that is in a fight with its regulator."
`,
		actors: []actor{
			{"Halden Energy", "organisation", "", []string{"Halden Energy"}},
			{"NVE", "organisation", "", []string{"NVE"}},
			{"Norway", "country", "", []string{"Norway"}},
			{"Ingrid Solberg", "person", "Chief executive", []string{"Ingrid Solberg", "Solberg"}},
			{"Fitch Ratings", "organisation", "", []string{"Fitch Ratings"}},
			{"Lars Vik", "person", "fund manager at Fjord Kapital", []string{"Lars Vik", "Vik"}},
			{"Fjord Kapital", "organisation", "", []string{"Fjord Kapital"}},
		},
		quotes: []want{
			{"We have received a large number of complaints", "NVE"},
			{"We will look at whether the tariffs", "NVE"},
			{"confident that its prices comply", "Halden Energy"},
			{"Our numbers for the year stand", "Ingrid Solberg"},
			{"unlikely to affect the credit profile", "Fitch Ratings"},
			{"Investors were looking for an excuse", "Lars Vik"},
			{"Nobody wants to hold a utility", ""},
		},
	},
	{
		name: "court and parliament: role references",
		text: `Judge rejects bid to halt Lisbon metro strike

LISBON (Tagus Wire) — A Lisbon court on Thursday rejected an emergency request by the city's metro operator to block a 48-hour strike, clearing the way for the walkout to begin on Monday.

Judge Helena Barros Costa said the operator had failed to show that the strike would cause "irreparable harm to the public beyond the ordinary inconvenience of any strike".

"The right to strike is protected by the constitution, and this court will not set it aside on a forecast of traffic jams," the judge said in her ruling.

Metro chief executive Paulo Reis said the company would study the decision. "We will decide next week whether to appeal, and we will keep talking to the union," Reis said in a statement.

Union leader Rui Sampaio welcomed the ruling as "a victory for every worker who was told to stay quiet". He said members would picket four stations.

In parliament, Transport Minister Inês Valente told lawmakers the government would not intervene.

"This is a dispute between a company and its workers, and the courts have spoken," the minister told lawmakers.

Opposition deputy Carlos Mendes Pinto accused the minister of "hiding behind the judges while commuters pay the price".

One commuter at Rossio station, who did not want to be named, said: "I will walk, as I always do when they strike."

Sources close to the negotiations said a deal was "still possible before the weekend if both sides give a little".
`,
		actors: []actor{
			{"Helena Barros Costa", "person", "Judge", []string{"Helena Barros Costa"}},
			{"Paulo Reis", "person", "Metro chief executive", []string{"Paulo Reis", "Reis"}},
			{"Rui Sampaio", "person", "Union leader", []string{"Rui Sampaio"}},
			{"Inês Valente", "person", "Transport Minister", []string{"Inês Valente"}},
			{"Carlos Mendes Pinto", "person", "Opposition deputy", []string{"Carlos Mendes Pinto"}},
		},
		quotes: []want{
			{"irreparable harm to the public", "Helena Barros Costa"},
			{"The right to strike is protected", "Helena Barros Costa"},
			{"We will decide next week whether to appeal", "Paulo Reis"},
			{"a victory for every worker", "Rui Sampaio"},
			{"This is a dispute between a company", "Inês Valente"},
			{"hiding behind the judges", "Carlos Mendes Pinto"},
			{"I will walk, as I always do", ""},
			{"still possible before the weekend", ""},
		},
	},
	{
		name: "diplomacy: anonymous sources stay unattributed",
		text: `Mediators float new Sudan truce plan

CAIRO, June 3 — Mediators from Egypt and Saudi Arabia have put a new truce proposal to Sudan's warring parties, three people briefed on the talks said on Tuesday.

"The text is short, and that is deliberate: nobody wants another fifty-page agreement," one of the people said.

A Western diplomat in Cairo said the plan had "a better chance than anything we have seen this year", but cautioned that the army had not yet replied.

"If they say no this time, the mediators will walk away," said an Arab official, who spoke on condition of anonymity because he was not authorised to brief the media.

"There is fatigue on all sides now, and fatigue can be useful," a senior Egyptian diplomat told the Cairo Ledger.

Egypt's Foreign Minister Karim Fathy declined to comment on the details. "We are working quietly, and we will keep working quietly," he told a news conference in Cairo.

An aid worker in Port Sudan, who asked that her name be withheld for her safety, said: "People here have stopped believing in ceasefires. They believe in convoys."

The Saudi foreign ministry said in a statement that the kingdom "remains committed to a solution that preserves the unity of the country".
`,
		actors: []actor{
			{"Egypt", "country", "", []string{"Egypt"}},
			{"Saudi Arabia", "country", "", []string{"Saudi Arabia"}},
			{"Sudan", "country", "", []string{"Sudan"}},
			{"Karim Fathy", "person", "Egypt's Foreign Minister", []string{"Karim Fathy"}},
			{"Saudi Foreign Ministry", "organisation", "", []string{"Saudi foreign ministry"}},
		},
		quotes: []want{
			{"The text is short", ""},
			{"a better chance than anything", ""},
			{"If they say no this time", ""},
			{"There is fatigue on all sides", ""},
			{"We are working quietly", "Karim Fathy"},
			{"People here have stopped believing", ""},
			{"remains committed to a solution", "Saudi Foreign Ministry"},
		},
	},
	{
		name: "live blog: single quotes in entry headings, first-name-only people",
		text: `Polls close in Slovakia as turnout nears record

Valent: 'We will respect every vote counted tonight'

Prime Minister Juraj Valent spoke to supporters in Bratislava shortly after polls closed. "We will respect every vote counted tonight, whatever it says," he said.

Opposition leader hails ‘the end of an era of fear’

Zuzana Hrušková, who leads the opposition, told a rally that the result marked "the end of an era of fear and division" in the country.

The party's ‘open doors for every family in the east’ campaign drew large crowds.

Outside a polling station in Košice, a student who gave only his first name, Matej, said: "My grandparents voted for the first time in 1990, and tonight I understand why."

Eva, a 63-year-old pensioner, said: "Prices have doubled and nobody in the capital seems to notice."
`,
		actors: []actor{
			{"Juraj Valent", "person", "Prime Minister", []string{"Juraj Valent", "Valent"}},
			{"Zuzana Hrušková", "person", "Opposition leader", []string{"Zuzana Hrušková"}},
			{"Matej", "person", "", []string{"Matej"}},
			{"Eva", "person", "", []string{"Eva"}},
			{"Slovakia", "country", "", []string{"Slovakia"}},
		},
		quotes: []want{
			{"We will respect every vote counted tonight", "Juraj Valent"},
			{"We will respect every vote counted tonight, whatever it says", "Juraj Valent"},
			{"the end of an era of fear", "Zuzana Hrušková"},
			{"the end of an era of fear and division", "Zuzana Hrušková"},
			{"My grandparents voted for the first time", "Matej"},
			{"Prices have doubled", "Eva"},
		},
	},
	{
		name: "regional paper: single-quoted headline, abbreviations, curly marks",
		text: `Mayor Okafor: ‘We will not close a single clinic this winter’

ENUGU, Nov. 3 (Eastern Ledger) — Mayor Adaeze Okafor promised on Monday to keep every public clinic in the city open through the dry season, despite a budget gap of nearly a fifth.

“We will not close a single clinic this winter, whatever the state decides about our grant,” Okafor told a town hall meeting in the Ogui district.

Gov. Chukwudi Eze’s office said the state had “no plans to cut health transfers to any municipality this year,” but declined to say whether next year’s grant would shrink.

Dr. Ngozi Ani, who runs the clinic on Zik Avenue, said staff were already working double shifts. “Some nights we have two nurses for forty patients, and the generator fails twice a week.”

A spokesman for the U.S. aid agency that funds the vaccination programme said it was “watching the situation closely and talking to the city every week.”
`,
		actors: []actor{
			{"Adaeze Okafor", "person", "Mayor", []string{"Adaeze Okafor", "Okafor"}},
			{"Chukwudi Eze", "person", "Gov.", []string{"Chukwudi Eze"}},
			{"Ngozi Ani", "person", "Dr.", []string{"Ngozi Ani"}},
		},
		quotes: []want{
			{"We will not close a single clinic this winter", "Adaeze Okafor"},
			{"We will not close a single clinic this winter, whatever", "Adaeze Okafor"},
			{"no plans to cut health transfers", ""},
			{"Some nights we have two nurses", "Ngozi Ani"},
			{"watching the situation closely", ""},
		},
	},
}

// TestArticles runs Find on whole articles of other outlets' styles with
// hand-labelled actors, and checks every quotation and its speaker.
func TestArticles(t *testing.T) {
	for _, tc := range articleCases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, tc.text, handEntities(tc.text, tc.actors), tc.quotes)
		})
	}
}

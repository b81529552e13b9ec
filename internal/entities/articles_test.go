package entities

import (
	"reflect"
	"testing"
)

// Three articles written for these tests in other outlets' styles (a
// business wire, a politics report with vox pops, a diplomacy story full
// of spelling variants). Their people are fictional or stand in real
// roles; nothing in them is known to the code, and no known actors are
// passed: every actor is found by the general rules.

type articleCase struct {
	name      string
	text      string
	people    []string
	orgs      []string
	countries []string
	mentions  map[string][]string // an actor's surfaces, in order
	roles     map[string]string
}

var articleCases = []articleCase{
	{
		name: "business wire: companies, regulators, an acronym union",
		text: `Sibanye-Stillwater to cut 3,000 jobs as platinum slump bites

JOHANNESBURG, Oct 2 (Bloomberg) - Sibanye-Stillwater said on Thursday it would cut about 3,000 jobs at its platinum mines, as the miner struggles with prices that have fallen by a third since 2022.

The National Union of Mineworkers (NUM), the country's largest mining union, said it would fight the cuts. "We will not stand by while our members are thrown onto the street," NUM general secretary Thabo Mokoena told reporters in Rustenburg. The union AMCU said it was studying the plan.

Shares in Sibanye-Stillwater fell 4.1% in Johannesburg. Its rival Impala Platinum said last week it was reviewing two shafts. Analysts at Investec said the cuts were "overdue but not enough".

The Competition Commission, which must approve any sale of assets, declined to comment. The Commission has blocked two mining deals this year. Nedbank, the country's fourth-largest lender, said its exposure to the sector was small.

Mineral Resources Minister Gwede Nkosi said the government would meet the company on Monday. Nkosi said the Treasury was ready to help. "The Treasury has a role to play," he said.

S&P Global said earlier that it expected the rand to weaken. Moody's cut its outlook for the sector in August.

"This is a sad day for Marikana," said Lerato, a 41-year-old shop owner near the mine. Her neighbour, Sipho, said he had worked underground for 19 years.
`,
		people: []string{"Gwede Nkosi", "Lerato", "Sipho", "Thabo Mokoena"},
		orgs: []string{"AMCU", "Competition Commission", "Impala Platinum", "Investec", "Moody's", "National Union of Mineworkers",
			"Nedbank", "S&P Global", "Sibanye-Stillwater", "Treasury"},
		mentions: map[string][]string{
			"National Union of Mineworkers": {"National Union of Mineworkers", "NUM", "NUM"},
			"Competition Commission":        {"Competition Commission", "Commission"},
			"Moody's":                       {"Moody's"},
			"Treasury":                      {"Treasury", "Treasury"},
			"Sibanye-Stillwater":            {"Sibanye-Stillwater", "Sibanye-Stillwater", "Sibanye-Stillwater"},
		},
		roles: map[string]string{"Thabo Mokoena": "NUM general secretary"},
	},
	{
		name: "politics: parties, a parliament, first-name-only vox pops",
		text: `Spain's Socialists lose ground as Feijóo eyes snap vote

MADRID — Spain's conservative Popular Party (PP) took the lead in a new poll on Sunday, as Prime Minister Pedro Sánchez's Socialist party struggled to pass a budget through the Congress of Deputies.

The survey by the CIS, the state pollster, gave the PP 34% and the Socialists 28%. The far-right Vox party was third on 13%, while Sumar, a left-wing alliance, fell to 8%.

PP leader Alberto Núñez Feijóo said Sánchez had "run out of road". "Spaniards deserve to vote," he told a rally in Valencia. Feijóo's party has called for elections since the Catalan amnesty law passed last year.

Government spokeswoman Pilar Alegría said the coalition would present its budget to parliament in November. Sumar's leader, Yolanda Díaz, said her group would back it "if it protects renters". The Senate, where the PP holds a majority, is expected to veto the bill.

In Seville, voters were divided. "I voted Socialist all my life, but the rent is killing us," said Carmen, a 64-year-old pensioner. Javier, a student, said he would not vote at all. Another woman, Lucía, said: "They all promise the same."

Junts, the Catalan separatist party led by Carles Puigdemont, has said it will decide in October.
`,
		people: []string{"Alberto Núñez Feijóo", "Carles Puigdemont", "Carmen", "Javier", "Lucía", "Pedro Sánchez",
			"Pilar Alegría", "Yolanda Díaz"},
		orgs:      []string{"CIS", "Congress of Deputies", "Junts", "Popular Party", "Senate", "Socialist Party", "Sumar", "Vox"},
		countries: []string{"Spain"},
		mentions: map[string][]string{
			"Popular Party":        {"Popular Party", "PP", "PP", "PP", "PP"},
			"Socialist Party":      {"Socialist party"},
			"Sumar":                {"Sumar", "Sumar"},
			"Alberto Núñez Feijóo": {"Feijóo", "Alberto Núñez Feijóo", "Feijóo"},
		},
		roles: map[string]string{"Pedro Sánchez": "Prime Minister", "Alberto Núñez Feijóo": "PP leader"},
	},
	{
		name: "diplomacy: transliterations and diacritics",
		text: `Zelenskiy meets Erdoğan in Ankara as Black Sea talks resume

ANKARA, Türkiye (AP) — Ukrainian President Volodymyr Zelenskiy met Turkish President Recep Tayyip Erdoğan in Ankara on Wednesday to revive talks on shipping in the Black Sea.

Erdogan told reporters that Turkey was ready to host a new round. "Türkiye is the only country both sides trust," Erdoğan said. Zelensky's office said the two leaders also discussed prisoner exchanges.

Russian Foreign Minister Sergei Lavrov said Moscow had "seen no serious proposals". Lavrov's deputy, Mikhail Galuzin, said Russia would send a delegation only if Kyiv dropped its preconditions.

NATO Secretary General Mark Rutte welcomed the meeting. Rutte said Turkey's role was "indispensable". Earlier, Turkish Foreign Minister Hakan Fidan spoke with U.S. Secretary of State Marco Rubio. Fidan's ministry said the call lasted an hour.

The Turkish defence ministry said the navy would escort ships near the Bosphorus. Ahmet Yılmaz, an analyst at the Ankara-based think tank EDAM, said Erdogan wanted "a seat at every table". Yilmaz added that the economy needed the grain trade.
`,
		people: []string{"Ahmet Yılmaz", "Hakan Fidan", "Marco Rubio", "Mark Rutte", "Mikhail Galuzin", "Recep Tayyip Erdoğan",
			"Sergei Lavrov", "Volodymyr Zelenskiy"},
		orgs:      []string{"EDAM", "NATO", "Turkish Defence Ministry"},
		countries: []string{"Russia", "Türkiye", "United States"},
		mentions: map[string][]string{
			"Volodymyr Zelenskiy":  {"Zelenskiy", "Volodymyr Zelenskiy", "Zelensky"},
			"Recep Tayyip Erdoğan": {"Erdoğan", "Recep Tayyip Erdoğan", "Erdogan", "Erdoğan", "Erdogan"},
			"Türkiye":              {"Türkiye", "Turkey", "Türkiye", "Turkey"},
			"Ahmet Yılmaz":         {"Ahmet Yılmaz", "Yilmaz"},
			"Mark Rutte":           {"Mark Rutte", "Rutte"},
		},
		roles: map[string]string{"Mark Rutte": "NATO Secretary General", "Hakan Fidan": "Turkish Foreign Minister",
			"Sergei Lavrov": "Russian Foreign Minister"},
	},
	{
		name: "markets report: companies by their company words, short forms, a foreign bank",
		text: `Fitch cuts Chile's outlook as copper slump weighs on Banco Atlántico

SANTIAGO, May 14 (MarketWire) - Fitch Ratings said in a note on Tuesday that Chile's fiscal position had weakened, and cut its outlook on the country to negative.

Banco Atlántico, the country's third-largest lender, said profits fell 12% in the first quarter. Rival Andes Capital said it expected a better second half. Its chief executive, Rodrigo Salas Vidal, said the bank would not cut jobs.

Shares in Cordillera-Norte fell 3% after the miner warned on output. Cordillera said two of its pits were flooded. Lender Bancoestado said its exposure to the sector was small.

Fitch said the outlook could return to stable if the government passed its budget. The Chilean government said it would respond next week.

Mining Minister Aurora Williams said Halden Energy and Tarapacá Resources would build a new smelter in Antofagasta.
`,
		people:    []string{"Aurora Williams", "Rodrigo Salas Vidal"},
		orgs:      []string{"Andes Capital", "Banco Atlántico", "Bancoestado", "Cordillera-Norte", "Fitch Ratings", "Halden Energy", "Tarapacá Resources"},
		countries: []string{"Chile"},
		mentions: map[string][]string{
			"Fitch Ratings":    {"Fitch", "Fitch Ratings", "Fitch"},
			"Cordillera-Norte": {"Cordillera-Norte", "Cordillera"},
			"Banco Atlántico":  {"Banco Atlántico", "Banco Atlántico"},
		},
		roles: map[string]string{"Rodrigo Salas Vidal": "chief executive", "Aurora Williams": "Mining Minister"},
	},
	{
		name: "politics and sport: roles set off by commas, coordinated titles, opening descriptors",
		text: `Ottawa and Canberra sign minerals pact

OTTAWA (Northern Ledger) — Canada's prime minister, Daniel Okafor-Reid, has vowed to double exports of critical minerals to Australia, after talks with his Australian counterpart on Monday.

The Australian trade minister, Priya Nandakumar, said the pact would "open a door that has been shut for a decade". Canadian and Australian Foreign Ministers Leclerc and Hartigan will meet again in June.

Veteran senator Margaret Doyle said the deal was rushed. Embattled Northwind Resources said it would seek a partner for its nickel project.

In Toronto, striker Tomas Ferreira scored twice as the city's club won 2-1. Ferreira said the win was for the fans.
`,
		people:    []string{"Daniel Okafor-Reid", "Hartigan", "Leclerc", "Margaret Doyle", "Priya Nandakumar", "Tomas Ferreira"},
		orgs:      []string{"Northwind Resources"},
		countries: []string{"Australia", "Canada"},
		mentions: map[string][]string{
			"Tomas Ferreira": {"Tomas Ferreira", "Ferreira"},
		},
		roles: map[string]string{
			"Daniel Okafor-Reid": "Canada's prime minister",
			"Priya Nandakumar":   "Australian trade minister",
			"Leclerc":            "Canadian Foreign Minister",
			"Hartigan":           "Australian Foreign Minister",
			"Margaret Doyle":     "senator",
			"Tomas Ferreira":     "striker",
		},
	},
}

func TestArticles(t *testing.T) {
	for _, tt := range articleCases {
		t.Run(tt.name, func(t *testing.T) {
			ents := Find(tt.text, nil)
			checkMentions(t, tt.text, ents)
			for kind, want := range map[string][]string{"person": tt.people, "organisation": tt.orgs, "country": tt.countries} {
				if got := byKind(ents, kind); !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n got  %q\n want %q", kind, got, want)
				}
			}
			for name, want := range tt.mentions {
				e := find(ents, name)
				if e == nil {
					t.Errorf("%s not found", name)
				} else if got := surfaces(e); !reflect.DeepEqual(got, want) {
					t.Errorf("%s mentions = %q, want %q", name, got, want)
				}
			}
			for name, want := range tt.roles {
				if e := find(ents, name); e == nil || e.Role != want {
					t.Errorf("%s role: got %+v, want %q", name, e, want)
				}
			}
		})
	}
}

// TestContextOrgs checks the rules that find bodies by the structure
// around their names, and the cases that must not become bodies.
func TestContextOrgs(t *testing.T) {
	tests := []struct {
		text   string
		orgs   []string
		people []string
	}{
		{"The Liberal Democratic party (LDP) lost. The LDP will regroup.", []string{"Liberal Democratic Party"}, nil},
		{"Talks with the Komeito party began. Komeito wants more.", []string{"Komeito"}, nil},
		{"A European party and the Soviet bloc were mentioned.", nil, nil},
		{"The deal with the bloc Mercosur stalled.", []string{"Mercosur"}, nil},
		{"Ortiz, an economist at Capital Economics, said rates would rise.", []string{"Capital Economics"}, []string{"Ortiz"}},
		{"Lakshmi Rao, a party official, said it would be hard.", nil, []string{"Lakshmi Rao"}},
		{"Kestrel Mining said on Friday it would close two shafts.", []string{"Kestrel Mining"}, nil},
		{"Supporters say it will help. Opponents have warned it will not.", nil, nil},
		{"Told the broadcaster Canal Nueve about it, she left.", nil, nil},
		{"The European Commission proposed it; the Commission will vote.", []string{"European Commission"}, nil},
	}
	for _, tt := range tests {
		ents := Find(tt.text, nil)
		checkMentions(t, tt.text, ents)
		if got := byKind(ents, "organisation"); !reflect.DeepEqual(got, tt.orgs) {
			t.Errorf("Find(%q) organisations = %q, want %q", tt.text, got, tt.orgs)
		}
		if got := byKind(ents, "person"); !reflect.DeepEqual(got, tt.people) {
			t.Errorf("Find(%q) people = %q, want %q", tt.text, got, tt.people)
		}
	}
}

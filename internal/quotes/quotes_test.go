package quotes

import (
	"slices"
	"strings"
	"testing"

	"briefgen/internal/entities"
)

// speakerName is the name of q's speaker, or "" for none.
func speakerName(ents []entities.Entity, q Quote) string {
	if q.Speaker < 0 {
		return ""
	}
	return ents[q.Speaker].Name
}

// checkQuotes verifies the invariants of every result: offsets inside the
// text, Text the normalised words at those offsets, no quotation mark at
// either end, quotes in order, speakers in range.
func checkQuotes(t *testing.T, text string, ents []entities.Entity, qs []Quote) {
	t.Helper()
	prev := -1
	for _, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
			t.Fatalf("bad offsets %d..%d", q.Start, q.End)
		}
		if got := strings.Join(strings.Fields(text[q.Start:q.End]), " "); got != q.Text && !joinedFrom(q.Text, got) {
			t.Errorf("Text %q != text at offsets %q", q.Text, got)
		}
		if strings.ContainsAny(q.Text[:1], "\"“”") || strings.ContainsAny(q.Text[len(q.Text)-1:], "\"“”") {
			t.Errorf("Text %q keeps a quotation mark", q.Text)
		}
		if len(strings.Fields(q.Text)) < MinWords {
			t.Errorf("Text %q is under %d words", q.Text, MinWords)
		}
		if q.Start < prev {
			t.Errorf("quotes out of order")
		}
		prev = q.Start
		if q.Speaker < -1 || q.Speaker >= len(ents) {
			t.Errorf("speaker %d out of range", q.Speaker)
		}
	}
}

// joinedFrom reports whether text is an interrupted quotation's parts
// joined: a run of span's first words and a run of its last words.
func joinedFrom(text, span string) bool {
	bare := func(s string) []string {
		ws := strings.Fields(s)
		for i, w := range ws {
			ws[i] = strings.Trim(w, "\"“”,")
		}
		return ws
	}
	tw, sw := bare(text), bare(span)
	for i := 1; i < len(tw) && i < len(sw); i++ {
		rest := len(tw) - i
		if rest < len(sw)-i && slices.Equal(tw[:i], sw[:i]) && slices.Equal(tw[i:], sw[len(sw)-rest:]) {
			return true
		}
	}
	return false
}

type want struct{ text, speaker string }

func run(t *testing.T, text string, wants []want) {
	t.Helper()
	expect(t, text, entities.Find(text, nil), wants)
}

// expect checks that Find on text with ents gives the wanted quotations,
// in order: each starting as wanted, with the wanted speaker.
func expect(t *testing.T, text string, ents []entities.Entity, wants []want) {
	t.Helper()
	qs := Find(text, ents)
	checkQuotes(t, text, ents, qs)
	if len(qs) != len(wants) {
		var got []string
		for _, q := range qs {
			got = append(got, q.Text)
		}
		t.Fatalf("Find(%q) = %d quotes %q, want %d", text, len(qs), got, len(wants))
	}
	for k, w := range wants {
		if !strings.HasPrefix(qs[k].Text, w.text) {
			t.Errorf("quote %d = %q, want it to start %q", k, qs[k].Text, w.text)
		}
		if got := speakerName(ents, qs[k]); got != w.speaker {
			t.Errorf("quote %q: speaker %q, want %q", qs[k].Text, got, w.speaker)
		}
	}
}

func TestSpeakerAfter(t *testing.T) {
	run(t, `"We will not accept any deal that divides our country," Sandu said.`,
		[]want{{"We will not accept", "Sandu"}})
	run(t, `"We will not accept any deal that divides us," said Moldovan President Maia Sandu.`,
		[]want{{"We will not accept", "Maia Sandu"}})
	run(t, `“The region needs calm and patience now,” Kenya's Foreign Minister Musalia Mudavadi told reporters.`,
		[]want{{"The region needs", "Musalia Mudavadi"}})
	run(t, `“The ministry will not comment on the report,” the Foreign Ministry said in a statement.`,
		[]want{{"The ministry will not", "Foreign Ministry"}})
	run(t, `"There is no agreement on the border yet," Mudavadi's deputy, Anne Waiguru, told Reuters.`,
		[]want{{"There is no agreement", "Anne Waiguru"}})
	run(t, `Talks resumed in Nairobi and "our shared goal is a lasting peace," as spokesperson Okafor put it.`,
		[]want{{"our shared goal", "Okafor"}})
	// an unnamed speaker is not guessed
	run(t, `German Chancellor Olaf Scholz arrived. "Nobody expects a deal this week at all," a senior official said.`,
		[]want{{"Nobody expects", ""}})
	// a new sentence after the quotation is no attribution
	run(t, `Scholz said "the alliance is only as strong as its weakest link." Macron insisted that Paris would pay more than anyone.`,
		[]want{{"the alliance is only", "Scholz"}})
}

func TestSpeakerBeforeForms(t *testing.T) {
	tests := []struct {
		text, speaker string
	}{
		{`Mudavadi said, "We will see what is the best way forward."`, "Mudavadi"},
		{`Foreign Minister Musalia Mudavadi said “the region is only as stable as its weakest state.”`, "Musalia Mudavadi"},
		{`Maria Okafor appeared to endorse the plan, noting that “defense today also includes things like mobility.”`, "Maria Okafor"},
		{`Rivera warned the talks could fail "because nobody is ready to give anything up."`, "Rivera"},
		{`For transatlantic advocates such as Scott Harlan, talks must continue, “but just meeting for talks is not enough.”`, "Scott Harlan"},
		{`According to Maria Okafor, "the deal will be signed on Friday in the capital."`, "Maria Okafor"},
		{`The Kremlin said it would respond, while Maria Okafor called the plan "a serious step toward peace in the region."`, "Maria Okafor"},
	}
	for _, tt := range tests {
		ents := entities.Find(tt.text, nil)
		qs := Find(tt.text, ents)
		checkQuotes(t, tt.text, ents, qs)
		if len(qs) != 1 {
			t.Errorf("Find(%q) = %d quotes", tt.text, len(qs))
			continue
		}
		if got := speakerName(ents, qs[0]); got != tt.speaker {
			t.Errorf("Find(%q): speaker %q, want %q", tt.text, got, tt.speaker)
		}
	}
}

func TestPronouns(t *testing.T) {
	run(t, "German Chancellor Olaf Scholz met Emmanuel Macron in Paris.\n\n\"We have agreed on the main points of the plan,\" he said.",
		[]want{{"We have agreed", "Olaf Scholz"}})
	// the speaker of the quotation before outranks a person named after it
	run(t, "\"We are nowhere near a deal on anything yet,\" Scholz said, referring to Emmanuel Macron.\n\n\"So a lot of work remains for all of us,\" he added.",
		[]want{{"We are nowhere", "Scholz"}, {"So a lot of work", "Scholz"}})
	// "He" before the quotation, in a new sentence
	run(t, "Lithuanian Foreign Minister Gabrielius Landsbergis spoke first. He urged partners to move faster \"because we see the tempo of the threat.\"",
		[]want{{"because we see", "Gabrielius Landsbergis"}})
	// no person before: no guess
	run(t, "\"We are not going anywhere at all,\" he said.", []want{{"We are not going", ""}})
}

func TestContinuationAndMultiParagraph(t *testing.T) {
	run(t, "“After immense suffering, there is finally a window,” Mudavadi said in his opening remarks.\n\n“The talks in Nairobi may open a new chapter.”",
		[]want{{"After immense", "Mudavadi"}, {"The talks in Nairobi", "Mudavadi"}})
	// a quotation running to the end of its paragraph, with no closing mark
	run(t, "\"I'm still optimistic about the talks,\" Rivera said.\n\n\"Ukraine is ready to commit to a ceasefire. The ball is in their court.\n\nOther news followed.",
		[]want{{"I'm still", "Rivera"}, {"Ukraine is ready", "Rivera"}})
	// a multi-paragraph quotation attributed at its end
	run(t, "\"The first part of a long statement goes here,\n\n\"and the second part of it follows here,\" Rivera said.",
		[]want{{"The first part", "Rivera"}, {"and the second part", "Rivera"}})
	// someone else named in between breaks the chain
	run(t, "\"We are ready to talk to anyone at all,\" Rivera said. Musalia Mudavadi disagreed.\n\n\"Nothing has changed since the summit last year.\"",
		[]want{{"We are ready", "Rivera"}, {"Nothing has changed", ""}})
}

func TestRoles(t *testing.T) {
	run(t, "NATO Secretary General Jens Stoltenberg and German Chancellor Olaf Scholz met.\n\n\"We need to spend more on defence,\" the NATO chief said.\n\n\"Germany will pay its share in full,\" the Chancellor said.",
		[]want{{"We need to spend", "Jens Stoltenberg"}, {"Germany will pay", "Olaf Scholz"}})
}

func TestMarksAndSplits(t *testing.T) {
	// mixed marks, a scare quote, an interrupted quotation
	text := "Ana Rivera called the plan “impatient\" and \"360-degree”. \"We are ready to talk to anyone,\" she said, " +
		"\"but not at any price and not today.\" Rivera’s “open mind\n  and open heart for this region\" won praise."
	run(t, text, []want{
		{"We are ready to talk to anyone", "Ana Rivera"},
		{"but not at any price", "Ana Rivera"},
		{"open mind and open heart for this region", ""},
	})
	ents := entities.Find(text, nil)
	for _, q := range Find(text, ents) {
		if strings.HasSuffix(q.Text, ",") {
			t.Errorf("%q keeps the attribution's comma", q.Text)
		}
	}
}

func TestNoPanics(t *testing.T) {
	ents := []entities.Entity{{Name: "X", Kind: "person", Mentions: []entities.Mention{{Start: 0, End: 1000}}}}
	for _, s := range []string{"", "\"", "“", "”", "\"\"", "“”", "\"a b c d e", "x\"", "\n\"\n\"\n",
		"\xff\"\xfe", "“a b c d e f” he said", "\"a b c d e,\" he", "said \"", "as \"a b c d e\" put",
		strings.Repeat("\"a b c d e\" ", 300), strings.Repeat("“", 100)} {
		qs := Find(s, ents)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End {
				t.Fatalf("bad offsets in %q", s)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will not accept any deal at all," Sandu said. He added: “No.”`,
		"“A b c d e f\n\n\"g h i j k,\" the NATO chief said, \"l m n o p.”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ents := entities.Find(s, nil)
		qs := Find(s, ents)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End || q.Speaker < -1 || q.Speaker >= len(ents) {
				t.Fatalf("bad quote %+v", q)
			}
		}
	})
}

func TestSameParagraphContinuation(t *testing.T) {
	run(t, `"We are not leaving the talks today," Maria Okafor said. "The door remains open for all parties."`,
		[]want{{"We are not leaving", "Maria Okafor"}, {"The door remains open", "Maria Okafor"}})
	run(t, `"We are not leaving the talks today," Maria Okafor said. Musalia Mudavadi left. "The door remains open for all parties."`,
		[]want{{"We are not leaving", "Maria Okafor"}, {"The door remains open", ""}})
}

func TestHardWrappedText(t *testing.T) {
	text := "German Chancellor Olaf Scholz met Turkish Foreign Minister Hakan\n" +
		"Fidan before the session. \"We are ready to move forward on every\n" +
		"point of the plan,\" Scholz told reporters, adding that progress\n" +
		"was possible if both sides kept talking through the coming week.\n\n" +
		"\"Nobody should expect miracles from a single meeting in Geneva,\"\n" +
		"the Chancellor said later, as the talks in the Swiss city ended.\n"
	run(t, text, []want{{"We are ready to move forward on every point", "Olaf Scholz"}, {"Nobody should expect", "Olaf Scholz"}})
}

// TestAttributionRules checks each attribution rule on its own, with
// hand-labelled actors, so that entity discovery does not blur the rules.
func TestAttributionRules(t *testing.T) {
	people := []actor{
		{"Ana Rivera", "person", "Finance Minister", []string{"Ana Rivera", "Rivera"}},
		{"Tomas Berg", "person", "opposition leader", []string{"Tomas Berg", "Berg"}},
		{"Noor", "person", "", []string{"Noor"}},
		{"Fitch Ratings", "organisation", "", []string{"Fitch Ratings", "Fitch"}},
		{"International Monetary Fund", "organisation", "", []string{"International Monetary Fund", "IMF"}},
		{"European Union", "organisation", "", []string{"European Union", "EU"}},
		{"Finance Ministry", "organisation", "", []string{"Finance Ministry"}},
	}
	tests := []struct {
		name, text string
		quotes     []want
	}{
		{"anonymous after", `"Without Rome there is no blocking minority at all," one EU diplomat said.`,
			[]want{{"Without Rome", ""}}},
		{"anonymous after, inverted", `"If the vote fails, the whole budget goes back," said a senior Finance Ministry official, who asked not to be named.`,
			[]want{{"If the vote fails", ""}}},
		{"anonymous before", `Sources close to the talks said a deal was "still possible before the weekend if both sides move".`,
			[]want{{"still possible", ""}}},
		{"an aide is not the one named", `"She will not sign anything this week at all," one of Rivera's aides said.`,
			[]want{{"She will not sign", ""}}},
		{"a possessive subject is not the speaker", `Rivera's deputy said the plan was "the only way to keep the lenders on board".`,
			[]want{{"the only way", ""}}},
		{"appositive after an anonymous phrase", `"We have not received any request so far," said a spokesman, Tomas Berg.`,
			[]want{{"We have not received", "Tomas Berg"}}},
		{"organisation after", `"The programme is credit positive for the sovereign," Fitch said in a note.`,
			[]want{{"The programme is credit", "Fitch Ratings"}}},
		{"organisation with a relative clause", `Fitch, which cut the rating in May, said the plan needed "a credible path to a lower deficit".`,
			[]want{{"a credible path", "Fitch Ratings"}}},
		{"body by description", "The IMF sent a mission in March.\n\n\"We will look closely at the revenue measures,\" the fund said.",
			[]want{{"We will look closely", "International Monetary Fund"}}},
		{"body inverted, adverbial cut", `"Talks will resume once the data are in," said the Finance Ministry in a statement.`,
			[]want{{"Talks will resume", "Finance Ministry"}}},
		{"first-name-only speaker with an appositive", `Noor, a 41-year-old nurse, said: "Rent takes half of what I earn now."`,
			[]want{{"Rent takes half", "Noor"}}},
		{"first-name-only speaker introduced by a description", `A nurse who gave only her first name, Noor, said: "Rent takes half of what I earn now."`,
			[]want{{"Rent takes half", "Noor"}}},
		{"an adverbial before a role", `A day after the vote, the finance minister said the levy would stay: "We cannot afford to lose that revenue."`,
			[]want{{"We cannot afford", "Ana Rivera"}}},
		{"a description after the name", `Rivera, the finance minister, said the levy would stay: "We cannot afford to lose that revenue."`,
			[]want{{"We cannot afford", "Ana Rivera"}}},
		{"an organisation with a description", `Fitch, the ratings agency, said the plan needed "a credible path to a lower deficit".`,
			[]want{{"a credible path", "Fitch Ratings"}}},
		{"view verb", `Tomas Berg accused the ministry of "balancing the books on the backs of the poor" and said he would vote no.`,
			[]want{{"balancing the books", "Tomas Berg"}}},
		{"passive view verb", `Ana Rivera was accused of "balancing the books on the backs of the poor" by the unions.`,
			[]want{{"balancing the books", ""}}},
		{"role with a view verb", `Rivera spoke first. The opposition leader welcomed the plan as "a first step in the right direction".`,
			[]want{{"a first step", "Tomas Berg"}}},
		{"headline label", "Rivera: ‘We will not raise the fuel levy again’\n\nThe minister spoke in the capital.",
			[]want{{"We will not raise the fuel levy again", "Ana Rivera"}}},
		{"straight single quotes in a headline", "Berg says 'the budget is a blank cheque for the Treasury'\n\nThe vote is on Thursday.",
			[]want{{"the budget is a blank cheque", "Tomas Berg"}}},
		{"single quotes in a sentence are not marks", `Rivera’s ‘open doors for every family in the country’ plan won praise.`,
			nil},
		{"sentence before names the speaker", `Rivera said the talks would resume on Monday. "Nobody is leaving the table before a deal is done."`,
			[]want{{"Nobody is leaving", "Ana Rivera"}}},
		{"paragraph after a reported statement", "Rivera said the talks would resume on Monday.\n\n\"Nobody is leaving the table before a deal is done.\"",
			[]want{{"Nobody is leaving", "Ana Rivera"}}},
		{"a short part is joined", `"We were ready," Rivera said, "and we will be ready again next year."`,
			[]want{{"We were ready and we will be ready again next year.", "Ana Rivera"}}},
		{"two long parts stay apart", `"We were ready for every outcome," Rivera said. "We will be ready again next year."`,
			[]want{{"We were ready for every outcome", "Ana Rivera"}, {"We will be ready again", "Ana Rivera"}}},
		{"compound predicate", `Asked about a new vote, she smiled and said only: "Ask me again next year, please."`,
			[]want{{"Ask me again", ""}}},
		{"compound predicate with a named subject", "Rivera took the stage.\n\nAsked about a new vote, she smiled and said only: \"Ask me again next year, please.\"",
			[]want{{"Ask me again", "Ana Rivera"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expect(t, tt.text, handEntities(tt.text, people), tt.quotes)
		})
	}
}

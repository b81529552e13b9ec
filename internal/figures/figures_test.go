package figures

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func show(fs []Figure) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%q (about %q)", f.Text, f.About)
	}
	return b.String()
}

// checkTexts asserts that Find returns exactly the figures texts, in order,
// with valid offsets and a non-empty About.
func checkTexts(t *testing.T, text string, texts []string) []Figure {
	t.Helper()
	got := Find(text)
	ok := len(got) == len(texts)
	for i := 0; ok && i < len(texts); i++ {
		ok = got[i].Text == texts[i]
	}
	if !ok {
		t.Errorf("Find(%q):\ngot%s\nwant %q", text, show(got), texts)
	}
	for _, f := range got {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("offsets of %q give %q", f.Text, text[f.Start:f.End])
		}
		if f.About == "" {
			t.Errorf("%q: empty About in %q", f.Text, text)
		}
		if n := len(strings.Fields(f.About)); n > maxAboutWords {
			t.Errorf("%q: About %q has %d words", f.Text, f.About, n)
		}
	}
	return got
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// percentages
		{"percent sign", "The ruling party won 52% of the vote.", []string{"52%"}},
		{"percent word", "Turnout fell to 61.5 percent in the runoff.", []string{"61.5 percent"}},
		{"per cent", "Exports rose 3.5 per cent last year.", []string{"3.5 per cent"}},
		{"spaced sign", "Support stands at 40 % in the latest poll.", []string{"40 %"}},
		{"percentage points", "The central bank raised rates by 0.25 percentage points.", []string{"0.25 percentage points"}},
		{"range", "The plan brings a 3-5% cut in emissions.", []string{"3-5%"}},
		{"range in words", "Growth will slow to 1 to 2 percent.", []string{"1 to 2 percent"}},
		{"with a year", "Britain should reach 2.5% by 2027 and 3% by 2029.", []string{"2.5%", "3%"}},
		{"two in a row", "Rates may rise to 2% and then 3%.", []string{"2%", "3%"}},
		{"between range", "Rates may rise between 2% and 3%.", []string{"between 2% and 3%"}},
		{"range of", "The target range of 2% to 4% holds, as inflation fell from 4.2% to 3.1%.", []string{"2% to 4%", "4.2%", "3.1%"}},
		{"price", "Copper fell to $8,950 a tonne and oil to $80 per barrel.", []string{"$8,950 a tonne", "$80 per barrel"}},
		{"rate per year", "The levy will raise 62 billion shillings a year.", []string{"62 billion shillings a year"}},
		// shares of GDP
		{"of GDP", "Public debt reached 120% of GDP last year.", []string{"120% of GDP"}},
		{"of their GDP", "Members must invest 4% of their gross domestic product on health.", []string{"4% of their gross domestic product"}},
		{"with acronym", "Aid fell to 0.5% of gross national product (GNP) in 2024.", []string{"0.5% of gross national product (GNP)"}},
		{"of national income", "Aid stays at 0.7% of national income.", []string{"0.7% of national income"}},
		// money
		{"dollar trillion", "Exports reached $1.2 trillion in 2024.", []string{"$1.2 trillion"}},
		{"euro bn", "The EU pledged €20bn for climate finance.", []string{"€20bn"}},
		{"pound m", "The club paid £300m for new players.", []string{"£300m"}},
		{"code", "The bank lent USD 5 million to farmers.", []string{"USD 5 million"}},
		{"euros", "Pledges exceeded 20 billion euros in 2025 alone.", []string{"20 billion euros"}},
		{"US dollars", "The fund holds 5 million US dollars.", []string{"5 million US dollars"}},
		{"US$", "The startup raised US$5m from investors.", []string{"US$5m"}},
		{"money range", "Damage is put at $5-10 billion.", []string{"$5-10 billion"}},
		{"number word scale", "Organisers expect two billion euros in tourism revenue.", []string{"two billion euros"}},
		// counts
		{"of count", "So far, 22 of 32 members have done so.", []string{"22 of 32 members"}},
		{"of the count", "Nine of the 27 member states back the plan.", []string{"Nine of the 27 member states"}},
		{"possessive count", "Only 22 of NATO’s 32 members meet the goal.", []string{"22 of NATO’s 32 members"}},
		{"out of", "Some 9 out of 10 voters backed the deal.", []string{"9 out of 10 voters"}},
		{"troops", "The ministry sent 1,000 additional troops to the border.", []string{"1,000 additional troops"}},
		{"seats", "The coalition holds 300 seats in parliament.", []string{"300 seats"}},
		{"million people", "The floods displaced 1.5 million people.", []string{"1.5 million people"}},
		{"member countries", "The alliance has 32 member countries.", []string{"32 member countries"}},
		{"irregular plural", "About 4,500 police were deployed.", []string{"About 4,500 police"}},
		{"large number", "The city has a population of 3 million.", []string{"3 million"}},
		// measures and scores
		{"celsius glued", "Warming could reach 2.7C by 2100.", []string{"2.7C"}},
		{"degree sign", "Nations agreed to hold warming below 2°C.", []string{"2°C"}},
		{"degrees Celsius", "The 1.5 degrees Celsius goal is slipping away.", []string{"1.5 degrees Celsius"}},
		{"score", "Arsenal beat Chelsea 3-1 at home.", []string{"3-1"}},
		{"vote tally", "Councillors voted 31 to 9 to build the wall, after a vote of 52 to 48 last year.", []string{"31 to 9", "52 to 48"}},
		// not figures
		{"durations", "The 18-year stay, the 30-day ceasefire, three years of war and 90 minutes of play.", nil},
		{"compound", "Turkey pushed a 360-degree security plan.", nil},
		{"years", "In 2025 and since 2014, the 2024 elections and the 2032 target.", nil},
		{"dates", "Talks on May 15, 15 May, June 24-25 and from 14 to 16 May.", nil},
		{"times and ordinals", "At 10:41 AM in the 21st century, a 24/7 service.", nil},
		{"names", "The G7, COVID-19 and F-16 jets.", nil},
		{"ratings", "Average rating 0 / 5. Vote count: 0\n\nNo votes so far!", nil},
		{"bare numbers", "The two figures add up, three said, and one of them left.", nil},
		{"fractions", "Two-thirds of members and half the voters agreed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTexts(t, tt.text, tt.want)
		})
	}
}

func TestRepeated(t *testing.T) {
	text := "The target is 2%. Only nine members reach 2%. The rest are below 2% of GDP."
	checkTexts(t, text, []string{"2%", "2%", "2% of GDP"})
}

func TestAbout(t *testing.T) {
	tests := []struct{ text, fig, about string }{
		{"The ruling party won 52% of the vote.", "52%", "vote"},
		{"Turnout fell to 61.5 percent in the runoff.", "61.5 percent", "Turnout"},
		{"Members must invest 4% of their gross domestic product on health.", "4% of their gross domestic product", "health"},
		{"Countries agreed to spend 2% of GDP on national defense budgets.", "2% of GDP", "national defense budgets"},
		{"Only 22 of NATO’s 32 members meet the 2% defense target.", "22 of NATO’s 32 members", "members meet the 2% defense target"},
		{"Only 22 of NATO’s 32 members meet the 2% defense target.", "2%", "defense target"},
		{"Leaders want to raise health spending to 5% of GDP.", "5% of GDP", "health spending"},
		{"The U.S., at 3.38%, is near the top.", "3.38%", "U.S."},
		{"It includes pledges exceeding 20 billion euros.", "exceeding 20 billion euros", "pledges"},
		{"The plan sets 3.5% for direct military expenditures.", "3.5%", "direct military expenditures"},
		{"While the two figures add up to 5%, critics balk.", "5%", "two figures"},
		{"The ministry sent 1,000 additional troops to the border.", "1,000 additional troops", "additional troops"},
		{"Exports rose 3.5 per cent to $1.2 trillion in 2024.", "$1.2 trillion", "Exports"},
	}
	for _, tt := range tests {
		found := false
		for _, f := range Find(tt.text) {
			if f.Text == tt.fig {
				found = true
				if f.About != tt.about {
					t.Errorf("%q: About of %q = %q, want %q", tt.text, tt.fig, f.About, tt.about)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in%s", tt.text, tt.fig, show(Find(tt.text)))
		}
	}
}

var seeds = []struct {
	file  string
	want  []string
	about map[string]string // About of the first figure with that Text
}{
	{"nato-allies-debate-defense-spending-in-antalya.txt", []string{
		"5% of their gross domestic product", "at least 2% of gross domestic product",
		"22 of the 32 member countries", "3.5% of GDP", "1.5%", "5%", "3.5%", "2%", "2.5%", "3%",
	}, map[string]string{
		"5% of their gross domestic product":    "defense",
		"at least 2% of gross domestic product": "national defense budgets",
		"3.5% of GDP":                           "defense budgets",
		"22 of the 32 member countries":         "member countries have done",
	}},
	{"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt", []string{
		"5% of GDP", "5% of GDP", "22 of 32 NATO members", "2%", "3.5%", "1.5%", "5%",
		"5% of gross domestic product (GDP)", "2%", "22 of NATO’s 32 members", "2%", "3.38%",
		"5%", "5%", "5%", "3.5%", "1.5%", "5%",
	}, map[string]string{
		"5% of GDP":                          "defense spending",
		"5% of gross domestic product (GDP)": "defense spending",
		"22 of NATO’s 32 members":            "members currently meet the 2% goal",
		"3.38%":                              "U.S.",
	}},
	{"nato-ministerial-meeting-questions-and-answers.txt", []string{
		"2% of GDP", "exceeding 20 billion euros", "2% of GDP", "over 20 billion euros",
	}, map[string]string{
		"exceeding 20 billion euros": "pledges",
	}},
	{"nato-ministers-hopeful-for-progress-on-peace-talks.txt", nil, nil},
	{"trump-sending-rubio-to-turkey-for-informal-nato-talks.txt", nil, nil},
}

func readSeed(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "content", "sources", name))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	return string(b)
}

// checkArticle asserts the figures of an article and the About of the
// first figure with each Text in about.
func checkArticle(t *testing.T, text string, want []string, about map[string]string) {
	t.Helper()
	got := checkTexts(t, text, want)
	for fig, ab := range about {
		for _, f := range got {
			if f.Text == fig {
				if f.About != ab {
					t.Errorf("About of %q = %q, want %q", fig, f.About, ab)
				}
				break
			}
		}
	}
}

func TestSeeds(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			checkArticle(t, readSeed(t, s.file), s.want, s.about)
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"5%", "$1.2 trillion", "€20bn", "22 of NATO’s 32", "3-5%", "$5-", "of GDP", "1,000,",
		"US$", "0 / 5", "2°", "3-1 win", "two of the", "5 % of their gross domestic", "\xff9%",
		"1.5C", "12,345.678.9", "USD", "(GDP)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, g := range Find(text) {
			if g.Start < end || g.End <= g.Start || g.End > len(text) || text[g.Start:g.End] != g.Text {
				t.Fatalf("bad offsets %+v", g)
			}
			end = g.End
		}
	})
}

// benchText is a 5 KB article of synthetic sentences.
func benchText() string {
	parts := []string{
		"Trade ministers met Thursday in Geneva to prepare a summit on June 24-25, officials said.",
		"Members agreed to spend 2% of GDP on defense, but only 22 of the 32 member countries do.",
		"Voters went to the polls on Sunday, and turnout fell to 61.5% from 67% three years ago.",
		"The ruling party won 300 of the 450 seats and pledged €20bn for schools over five years.",
		"The ministry sent 1,000 additional troops and $1.2 billion in aid to the border region.",
		"“We will meet again next Monday,” the minister told reporters before Friday’s sessions.",
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range parts {
			b.WriteString(p)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

func BenchmarkFindSeed(b *testing.B) {
	text := readSeed(b, "nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

// articles are test articles written for this package in other outlets'
// styles: a wire story on a central bank with rates, basis points and an
// exchange rate, an election results page with counts and ranges, and a
// Swiss transport story whose words mix ASCII and other letters
// ("Zürich–Milan", "Brügger-Koç") next to lexicon words.
var articles = []struct {
	file  string
	want  []string
	about map[string]string // About of the first figure with that Text
}{
	{"central-bank-rates.txt", []string{
		"50 basis points", "50 basis points", "4.75%", "968.4 per dollar",
		"Eleven of the 14 economists", "25bps", "3.1%", "4.2%", "2% to 4%", "about 1.4%",
		"more than 6%", "$8,950 a tonne", "up to US$2.5 billion", "1.9% of GDP",
		"41.2% of gross domestic product", "between 2% and 2.5%", "5.3%", "8.7%",
		"220 trillion pesos", "about $1.1 billion",
	}, map[string]string{
		"4.75%":            "benchmark interest rate",
		"968.4 per dollar": "peso exchange rate",
		"4.2%":             "Annual inflation",
		"$8,950 a tonne":   "copper",
		"8.7%":             "unemployment",
		"1.9% of GDP":      "fiscal deficit",
	}},
	{"regional-election-results.txt", []string{
		"82 of the 203 seats", "102", "41 seats", "71.3%", "About 9.4 million people", "34.6%",
		"37%", "between 36% and 38%", "At least 3 of the 7 parties", "14%", "29 seats", "8.1%",
		"€48 million", "more than €12 million",
	}, map[string]string{
		"102":   "seats needed for a majority",
		"37%":   "CSU's share",
		"71.3%": "Turnout",
	}},
	{"swiss-rail-tunnel.txt", []string{
		"18%", "3.6 billion Swiss francs", "18%", "CHF 540 million", "5%", "7.2%",
		"14.8 million tonnes", "up to 260 trains", "Around 40%", "120 million francs",
		"€95 million", "11.5%",
	}, map[string]string{
		"CHF 540 million":  "contracts",
		"up to 260 trains": "trains",
	}},
}

func TestArticles(t *testing.T) {
	for _, a := range articles {
		t.Run(a.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", a.file))
			if err != nil {
				t.Fatalf("test article: %v", err)
			}
			checkArticle(t, string(b), a.want, a.about)
		})
	}
}

// TestConcurrentFind runs Find on the test articles from several
// goroutines at once: docs come from a pool, and no call may see another's
// tokens.
func TestConcurrentFind(t *testing.T) {
	var texts []string
	var want [][]Figure
	for _, a := range articles {
		b, err := os.ReadFile(filepath.Join("testdata", a.file))
		if err != nil {
			t.Fatalf("test article: %v", err)
		}
		texts = append(texts, string(b))
		want = append(want, Find(string(b)))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 20 {
				k := (g + n) % len(texts)
				if got := Find(texts[k]); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("concurrent Find of %s differs from a lone call", articles[k].file)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestCurrencies(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"zloty sign", "Farmers could lose up to zł1.1 billion ($280 million) a year.", []string{"up to zł1.1 billion", "$280 million"}},
		{"shilling prefix", "The Treasury will borrow KSh 1.2 trillion, and Sh62 billion was repaid.", []string{"KSh 1.2 trillion", "Sh62 billion"}},
		{"cedi sign", "Ghana repaid GH₵5 billion to bondholders.", []string{"GH₵5 billion"}},
		{"letter sign needs a scale", "South Africa spent R5bn on the R2 highway.", []string{"R5bn"}},
		{"against the dollar", "The rupee weakened to 83.4 against the dollar.", []string{"83.4 against the dollar"}},
		{"shillings per dollar", "The currency traded at 129.2 shillings per dollar.", []string{"129.2 shillings per dollar"}},
		{"basis points", "Yields fell 40 basis points and the bank cut by 25bps.", []string{"40 basis points", "25bps"}},
		{"elided count", "The party won 188 of the 465 seats, short of the 233 needed for a majority.", []string{"188 of the 465 seats", "233"}},
		{"qualifiers", "Exporters save about €4 billion a year; at least 55% agree, more than 90% of goods.", []string{"about €4 billion a year", "at least 55%", "more than 90%"}},
		{"add up to", "The two figures add up to 5%.", []string{"5%"}},
		{"to the dollar", "The yen held at 151.3 to the dollar.", []string{"151.3 to the dollar"}},
		{"not a rate", "The euro bought $1.0850, up from $1.07 a week earlier.", []string{"$1.0850", "$1.07"}},
		{"between numbers", "Turnout was between 60 and 65 percent.", []string{"between 60 and 65 percent"}},
		{"range from", "Inflation will range from 3% to 5% next year.", []string{"3% to 5%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTexts(t, tt.text, tt.want)
		})
	}
}

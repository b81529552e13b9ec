package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// want is one expected expression: its Text and Resolved.
type want struct{ text, res string }

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func show(es []Expr) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "\n\t%q → %q (event %q)", e.Text, e.Resolved, e.Event)
	}
	return b.String()
}

// checkAll asserts that Find returns exactly the wanted expressions, in
// order, with valid offsets and a non-empty event.
func checkAll(t *testing.T, text, pub string, ws []want) {
	t.Helper()
	got := Find(text, day(pub))
	ok := len(got) == len(ws)
	for i := 0; ok && i < len(ws); i++ {
		ok = got[i].Text == ws[i].text && got[i].Resolved == ws[i].res
	}
	if !ok {
		t.Errorf("Find(%q, %s):\ngot%s\nwant %v", text, pub, show(got), ws)
	}
	for _, e := range got {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("offsets of %q give %q", e.Text, text[e.Start:e.End])
		}
		if e.Event == "" {
			t.Errorf("%q: empty event in %q", e.Text, text)
		}
	}
}

type tcase struct {
	pub, text string
	want      []want
}

func run(t *testing.T, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		checkAll(t, c.text, c.pub, c.want)
	}
}

func TestWeekdays(t *testing.T) {
	run(t, []tcase{
		// published on a Thursday
		{"2025-05-15", "The trade summit opened Thursday in Geneva.", []want{{"Thursday", "2025-05-15"}}},
		{"2025-05-15", "Delegates will vote Friday on the final text.", []want{{"Friday", "2025-05-16"}}},
		{"2025-05-15", "The minister said Sunday that the talks had stalled.", []want{{"Sunday", "2025-05-11"}}},
		{"2025-05-15", "Negotiators are scheduled to meet on Monday, officials said.", []want{{"Monday", "2025-05-19"}}},
		{"2025-05-15", "The coach spoke to reporters on Tuesday.", []want{{"Tuesday", "2025-05-13"}}},
		{"2025-05-15", "He met the striker's agent this Monday.", []want{{"this Monday", "2025-05-12"}}},
		{"2025-05-15", "The vote is set for this Saturday.", []want{{"this Saturday", "2025-05-17"}}},
		{"2025-05-15", "Organisers met ahead of Thursday’s climate sessions.", []want{{"Thursday", "2025-05-15"}}},
		// published on a Monday
		{"2025-03-03", "Voters went to the polls on Sunday.", []want{{"Sunday", "2025-03-02"}}},
		{"2025-03-03", "Final results are expected Wednesday.", []want{{"Wednesday", "2025-03-05"}}},
		{"2025-03-03", "The commission will certify the count next Monday.", []want{{"next Monday", "2025-03-10"}}},
		{"2025-03-03", "Turnout last Friday was the lowest on record.", []want{{"last Friday", "2025-02-28"}}},
		{"2025-03-03", "The runoff takes place this Thursday.", []want{{"this Thursday", "2025-03-06"}}},
		// published on a Saturday
		{"2025-08-16", "The club signed the forward on Tuesday, and he is expected to debut Sunday.",
			[]want{{"Tuesday", "2025-08-12"}, {"Sunday", "2025-08-17"}}},
		{"2025-08-16", "Saturday’s derby sold out within minutes.", []want{{"Saturday", "2025-08-16"}}},
		// a year boundary
		{"2025-12-30", "The tariff truce will be extended next Friday.", []want{{"next Friday", "2026-01-02"}}},
		{"2025-12-30", "The new rules will take effect on Thursday.", []want{{"Thursday", "2026-01-01"}}},
		{"2025-12-30", "Parliament approved the budget last Monday.", []want{{"last Monday", "2025-12-29"}}},
		{"2026-01-01", "Leaders met Monday to review the climate pledges.", []want{{"Monday", "2025-12-29"}}},
		// a weekday with its date
		{"2025-05-15", "The photo was taken in Kyiv, Ukraine, Tuesday, May 13, 2025.",
			[]want{{"Tuesday, May 13, 2025", "2025-05-13"}}},
		{"2025-03-12", "The finals begin on Friday 14 March in Paris.", []want{{"Friday 14 March", "2025-03-14"}}},
		// the clause opens with the date; a reporting verb after a comma
		{"2025-05-14", "On Friday, ministers will sign the trade deal.", []want{{"Friday", "2025-05-16"}}},
		{"2025-05-14", "On Monday, ministers signed the trade deal.", []want{{"Monday", "2025-05-12"}}},
		{"2025-05-15", "The summit will open Monday, officials said.", []want{{"Monday", "2025-05-19"}}},
		{"2025-04-09", "Beijing raised tariffs to 84%, effective Thursday.", []want{{"Thursday", "2025-04-10"}}},
		{"2025-06-30", "The heatwave is expected to last until Wednesday.", []want{{"until Wednesday", "2025-07-02"}}},
		// parts of the day
		{"2025-04-09", "Protesters gathered on Tuesday night.", []want{{"Tuesday night", "2025-04-08"}}},
		{"2025-04-09", "The minister spoke this morning and leaves tomorrow afternoon; shelling continued last night.",
			[]want{{"this morning", "2025-04-09"}, {"tomorrow afternoon", "2025-04-10"}, {"last night", "2025-04-08"}}},
		// no publication date
		{"", "The ministers met on Thursday.", []want{{"Thursday", ""}}},
		// names, not dates
		{"2025-11-20", "Black Friday sales and Good Friday services drew crowds.", nil},
	})
}

func TestMonthDays(t *testing.T) {
	run(t, []tcase{
		{"2025-05-15", "The vote is due on May 15.", []want{{"May 15", "2025-05-15"}}},
		{"2025-05-15", "The vote is due on 15 May.", []want{{"15 May", "2025-05-15"}}},
		{"2025-01-10", "The election will be held on May 15, 2025.", []want{{"May 15, 2025", "2025-05-15"}}},
		{"2025-05-15", "Leaders gather in Seville on June 24-25.", []want{{"June 24-25", "2025-06-24/2025-06-25"}}},
		{"2025-05-15", "Leaders gather in Seville on June 24–25.", []want{{"June 24–25", "2025-06-24/2025-06-25"}}},
		{"2025-05-12", "The climate meeting is scheduled from 14 to 16 May.", []want{{"14 to 16 May", "2025-05-14/2025-05-16"}}},
		{"2025-05-12", "Trade talks run between 14 and 16 May in Geneva.", []want{{"between 14 and 16 May", "2025-05-14/2025-05-16"}}},
		{"2025-05-12", "The tournament runs 14-16 May.", []want{{"14-16 May", "2025-05-14/2025-05-16"}}},
		{"2025-05-12", "The festival runs May 30 – June 2 in Lisbon.", []want{{"May 30 – June 2", "2025-05-30/2025-06-02"}}},
		{"2025-05-12", "Delegates meet from 30 May to 2 June.", []want{{"30 May to 2 June", "2025-05-30/2025-06-02"}}},
		{"2025-02-01", "The markets reopen on the 3rd of March.", []want{{"3rd of March", "2025-03-03"}}},
		{"2025-09-01", "The league starts Sept. 9 with a derby.", []want{{"Sept. 9", "2025-09-09"}}},
		{"2025-09-01", "Polls closed at 8pm on August 31st.", []want{{"August 31st", "2025-08-31"}}},
		// a year boundary: the year follows the tense or the nearest date
		{"2025-12-30", "A vote is expected on January 5.", []want{{"January 5", "2026-01-05"}}},
		{"2025-12-30", "The deadline is January 5.", []want{{"January 5", "2026-01-05"}}},
		{"2025-01-10", "Parliament was dissolved on November 20.", []want{{"November 20", "2024-11-20"}}},
		{"2025-12-20", "The talks will resume on 12 January.", []want{{"12 January", "2026-01-12"}}},
		{"2025-12-30", "The truce runs December 28 – January 3.", []want{{"December 28 – January 3", "2025-12-28/2026-01-03"}}},
		{"2026-01-04", "Voters went to the polls on December 28.", []want{{"December 28", "2025-12-28"}}},
		// no publication date: no year to give
		{"", "The summit opens on June 24.", []want{{"June 24", ""}}},
		{"", "The summit opened on June 24, 2024.", []want{{"June 24, 2024", "2024-06-24"}}},
		// dates with a year and numeric dates
		{"2025-05-15", "The World Cup final was held on 18 December 2022.", []want{{"18 December 2022", "2022-12-18"}}},
		{"2025-05-15", "The filing is dated 2025-05-15 and signed 15.05.2025.",
			[]want{{"2025-05-15", "2025-05-15"}, {"15.05.2025", "2025-05-15"}}},
	})
}

func TestMonths(t *testing.T) {
	run(t, []tcase{
		{"2025-05-15", "The summit in June will decide.", []want{{"June", "2025-06"}}},
		{"2025-05-15", "The trade deal could be signed this June.", []want{{"this June", "2025-06"}}},
		{"2025-05-15", "Ahead of the June summit, ministers met.", []want{{"June", "2025-06"}}},
		{"2025-05-15", "The data will be released in mid-June.", []want{{"mid-June", "2025-06"}}},
		{"2025-05-15", "Elections are due next March.", []want{{"next March", "2026-03"}}},
		{"2025-05-15", "Turnout was higher last June.", []want{{"last June", "2024-06"}}},
		{"2025-10-01", "The new parliament will sit in February.", []want{{"February", "2026-02"}}},
		{"2025-05-15", "The results come in May, the commission said.", []want{{"May", "2025-05"}}},
		{"2025-05-15", "The central bank cut rates in March 2024.", []want{{"March 2024", "2024-03"}}},
		// "May" and "March" as words and names
		{"2025-05-15", "Voters may March on the capital, Theresa May said.", nil},
		{"", "The June summit was postponed.", []want{{"June", ""}}},
	})
}

func TestYears(t *testing.T) {
	run(t, []tcase{
		{"2025-07-20", "Emissions must halve by 2032.", []want{{"by 2032", "2032"}}},
		{"2025-07-20", "The accord was signed in 2015.", []want{{"2015", "2015"}}},
		{"2025-07-20", "Prices have doubled since 2014.", []want{{"since 2014", "2014"}}},
		{"2025-07-20", "The next election is planned for 2029.", []want{{"2029", "2029"}}},
		{"2025-07-20", "The cap stays until 2030.", []want{{"until 2030", "2030"}}},
		{"2025-07-20", "Countries must beat the 2035 target.", []want{{"2035", "2035"}}},
		{"2025-07-20", "Output should recover by mid-2026.", []want{{"by mid-2026", "2026"}}},
		{"2025-07-20", "The 2026 World Cup starts soon.", []want{{"2026", "2026"}}},
		// numbers that are not years
		{"2025-07-20", "Each family gets 2025 euros and 2,025 people signed.", nil},
		{"2025-07-20", "Some 2000 protesters gathered at 1900 GMT.", nil},
		{"2025-07-20", "The fine was $2030 and 1,000 troops left.", nil},
		{"", "The pledges reached 20 billion euros in 2025 alone.", []want{{"2025", "2025"}}},
	})
}

func TestRelative(t *testing.T) {
	run(t, []tcase{
		{"2025-01-03", "The deadline passed yesterday; the president speaks tonight and leaves tomorrow.",
			[]want{{"yesterday", "2025-01-02"}, {"tonight", "2025-01-03"}, {"tomorrow", "2025-01-04"}}},
		{"2025-05-14", "The tariff talks resume today.", []want{{"today", "2025-05-14"}}},
		{"2025-05-14", "The minister today signed the decree.", []want{{"today", "2025-05-14"}}},
		{"2025-05-14", "The bill today is expected to pass.", []want{{"today", "2025-05-14"}}},
		{"2025-05-14", "Parliament today meets in Lisbon.", []want{{"today", "2025-05-14"}}},
		{"2025-05-14", "The plant will be finished in three years, officials said.", []want{{"in three years", "2028"}}},
		{"2025-05-14", "Prices rose for the first time in two years in October.", []want{{"October", "2024-10"}}},
		{"2025-05-14", "He was arrested on Monday and will appear in court on Friday.",
			[]want{{"Monday", "2025-05-12"}, {"Friday", "2025-05-16"}}},
		{"2025-05-14", "The festival runs until Sunday.", []want{{"until Sunday", "2025-05-18"}}},
		{"2025-05-14", "Farmers have called a protest for Saturday.", []want{{"Saturday", "2025-05-17"}}},
		{"2025-05-14", "Meteorologists forecast more rain for the weekend.", []want{{"weekend", "2025-05-17/2025-05-18"}}},
		{"2025-05-14", "Talks continue this week.", []want{{"this week", "2025-05-12/2025-05-18"}}},
		{"2025-05-14", "Talks continue next week.", []want{{"next week", "2025-05-19/2025-05-25"}}},
		{"2025-05-14", "Talks stalled last week.", []want{{"last week", "2025-05-05/2025-05-11"}}},
		{"2025-05-15", "The minister said earlier this week that talks stalled.", []want{{"earlier this week", "2025-05-12/2025-05-14"}}},
		{"2025-05-15", "A ruling is due later this week.", []want{{"later this week", "2025-05-16/2025-05-18"}}},
		{"2025-05-15", "The party expects to win this year.", []want{{"this year", "2025"}}},
		{"2025-05-15", "The party lost last year and hopes to win next year.",
			[]want{{"last year", "2024"}, {"next year", "2026"}}},
		{"2025-01-15", "Inflation rose last month and eased this month.",
			[]want{{"last month", "2024-12"}, {"this month", "2025-01"}}},
		{"2025-02-10", "Earlier this month the bank cut rates.", []want{{"Earlier this month", "2025-02"}}},
		{"2025-05-15", "The war began three years ago.", []want{{"three years ago", "2022"}}},
		{"2025-05-15", "The law passed a decade ago.", []want{{"a decade ago", "2015"}}},
		{"2025-05-15", "The poll was taken two weeks ago.", []want{{"two weeks ago", "2025-05-01"}}},
		{"2025-05-15", "The plant will close in three years.", []want{{"in three years", "2028"}}},
		{"2025-05-15", "Results are due in two weeks, the commission said.", []want{{"in two weeks", "2025-05-29"}}},
		{"2025-05-12", "They discussed the weekend meeting in Kyiv.", []want{{"weekend", "2025-05-10/2025-05-11"}}},
		{"2025-05-14", "Fans will travel this weekend.", []want{{"this weekend", "2025-05-17/2025-05-18"}}},
		{"2025-07-20", "The champions drew last weekend and play next weekend.",
			[]want{{"last weekend", "2025-07-12/2025-07-13"}, {"next weekend", "2025-07-26/2025-07-27"}}},
		{"", "The talks resumed today, three years ago the war began.", []want{{"today", ""}, {"three years ago", ""}}},
	})
}

func TestDurationsAreNotDates(t *testing.T) {
	for _, s := range []string{
		"The three-year war has left the country devastated.",
		"Its 18-year stay in the region ended in chaos.",
		"Leaders called for a 30-day ceasefire.",
		"The seven-year timeline worries some members.",
		"Forces could be rebuilt within three years to five years.",
		"Rebels held the city for three years.",
		"The deal came after three years of conflict.",
		"Spending fell over the past decade.",
		"A breakthrough could come over the next couple of weeks.",
		"Talks continue in the coming days.",
		"Output grew during the last year.",
		"It may take two or three years.",
		// spans, not points ("within a year" is a duration)
		"A deal is possible within two years.",
		"The fund will invest over the next seven years.",
		"These are the first direct talks in three years.",
		"Inflation hit its lowest level in more than three years.",
		"Prices have not risen in two years.",
		"The factory could reopen in about three months.",
		// "today" meaning nowadays
		"Defense today also includes cyber and infrastructure.",
		"Young farmers today face higher costs than their parents.",
		"Children today spend more time online than ever.",
		"Even today the border is mined.",
		"The Europe of today is more divided.",
	} {
		if got := Find(s, day("2025-05-15")); len(got) != 0 {
			t.Errorf("Find(%q) = %s, want nothing", s, show(got))
		}
	}
}

func TestEvent(t *testing.T) {
	tests := []struct{ pub, text, expr, event string }{
		{"2025-05-15", "U.S. Secretary of State Marco Rubio joined alliance foreign ministers Thursday in Antalya, Turkey, to lay groundwork for a summit.",
			"Thursday", "Rubio joined alliance foreign ministers in Antalya"},
		{"2025-03-03", "On Sunday, the electoral commission published the final count.",
			"Sunday", "electoral commission published the final count"},
		{"2025-03-03", "“The count is fair,” the electoral commission said Sunday.",
			"Sunday", "electoral commission said"},
		{"2025-07-20", "The climate fund, launched in 2015, has paid out little.",
			"2015", "climate fund launched"},
		{"2025-08-16", "The striker, who joined from Lyon, is scheduled to debut Sunday against the champions in a sold-out stadium.",
			"Sunday", "striker is scheduled to debut against the champions in a sold-out stadium"},
		{"2025-05-15", "Prime Minister Keir Starmer will meet Chancellor Friedrich Merz on Friday.",
			"Friday", "Starmer will meet Friedrich Merz"},
	}
	for _, tt := range tests {
		var got *Expr
		es := Find(tt.text, day(tt.pub))
		for i := range es {
			if es[i].Text == tt.expr {
				got = &es[i]
			}
		}
		if got == nil {
			t.Errorf("%q: %q not found in%s", tt.text, tt.expr, show(es))
			continue
		}
		if got.Event != tt.event {
			t.Errorf("%q: event of %q = %q, want %q", tt.text, tt.expr, got.Event, tt.event)
		}
		if n := len(strings.Fields(got.Event)); n > maxEventWords {
			t.Errorf("event %q has %d words", got.Event, n)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"May 15, 2025", "2025-05-15"},
		{"15 May 2025", "2025-05-15"},
		{"2025-05-15", "2025-05-15"},
		{"Thursday, May 15, 2025 10:41 AM", "2025-05-15"},
		{"15.05.2025", "2025-05-15"},
		{"May 15 2025", "2025-05-15"},
		{"Published: May 15, 2025", "2025-05-15"},
		{"Updated Sept. 5, 2025, 3:02 p.m. ET", "2025-09-05"},
		{"Thu, 15 May 2025 10:41:00 +0000", "2025-05-15"},
		{"2025-05-15T10:41:00Z", "2025-05-15"},
		{"5th of May, 2025", "2025-05-05"},
		{"may 15, 2025", "2025-05-15"},
		{"05/15/2025", "2025-05-15"},
		{"15/05/2025", "2025-05-15"},
		{"15-May-2025", "2025-05-15"},
		{"By Jane Doe | March 3rd, 2024", "2024-03-03"},
		{"2024/03/20", "2024-03-20"},
		{"May 2025", ""},
		{"2025", ""},
		{"Feb 30, 2025", ""},
		{"", ""},
		{"no date here", ""},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		switch {
		case tt.want == "" && ok:
			t.Errorf("Parse(%q) = %v, want no date", tt.in, got)
		case tt.want != "" && (!ok || got.Format("2006-01-02") != tt.want):
			t.Errorf("Parse(%q) = %v, %v, want %s", tt.in, got, ok, tt.want)
		case ok && (got.Location() != time.UTC || got.Hour() != 0):
			t.Errorf("Parse(%q) = %v, want UTC midnight", tt.in, got)
		}
	}
}

// The seed articles: their publication dates come from the .yaml files
// beside them (the article without one has none).
var seeds = []struct {
	file, pub string
	want      []want
}{
	{"nato-allies-debate-defense-spending-in-antalya.txt", "2025-05-15", []want{
		{"2025-05-15", "2025-05-15"},
		{"June 24-25", "2025-06-24/2025-06-25"},
		{"Friday", "2025-05-16"},
		{"2023", "2023"},
		{"by 2032", "2032"},
		{"this year", "2025"},
		{"2032", "2032"},
		{"by 2027", "2027"},
		{"2029", "2029"},
		{"this year", "2025"},
		{"June", "2025-06"},
	}},
	{"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt", "2025-05-15", []want{
		{"Thursday", "2025-05-15"},
		{"Tuesday, May 13, 2025", "2025-05-13"},
		{"June", "2025-06"},
		{"Thursday", "2025-05-15"},
		{"by 2032", "2032"},
		{"Thursday", "2025-05-15"},
		{"June", "2025-06"},
		{"Friday", "2025-05-16"},
		{"Thursday", "2025-05-15"},
		{"2023", "2023"},
		{"earlier this week", "2025-05-12/2025-05-14"},
		{"by 2032", "2032"},
		{"June 25", "2025-06-25"},
	}},
	{"nato-ministerial-meeting-questions-and-answers.txt", "", []want{
		{"2025", "2025"},
		{"2025", "2025"},
	}},
	{"nato-ministers-hopeful-for-progress-on-peace-talks.txt", "2025-05-15", []want{
		{"May 15, 2025", "2025-05-15"},
		{"Thursday", "2025-05-15"},
		{"2022", "2022"},
		{"Thursday", "2025-05-15"},
		{"June", "2025-06"},
	}},
	{"trump-sending-rubio-to-turkey-for-informal-nato-talks.txt", "2025-05-12", []want{
		{"Wednesday", "2025-05-14"},
		{"this June", "2025-06"},
		{"Sunday", "2025-05-11"},
		{"14 to 16 May", "2025-05-14/2025-05-16"},
		{"today", "2025-05-12"},
		{"Sunday", "2025-05-11"},
		{"weekend", "2025-05-10/2025-05-11"},
		{"today", "2025-05-12"},
		{"this Thursday", "2025-05-15"},
	}},
}

func readSeed(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "content", "sources", name))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	return string(b)
}

func TestSeeds(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			checkAll(t, readSeed(t, s.file), s.pub, s.want)
		})
	}
	// a few events
	events := map[string][]string{
		"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt": {
			"Rubio joined alliance foreign ministers in Antalya",
			"Rubio is scheduled to participate in ceasefire talks in Istanbul",
		},
		"trump-sending-rubio-to-turkey-for-informal-nato-talks.txt": {
			"State Department said",
			"Rubio spoke with David Lammy and Friedrich Merz",
		},
	}
	for _, s := range seeds {
		for _, ev := range events[s.file] {
			found := false
			for _, e := range Find(readSeed(t, s.file), day(s.pub)) {
				found = found || e.Event == ev
			}
			if !found {
				t.Errorf("%s: no event %q", s.file, ev)
			}
		}
	}
}

var resolvedRE = regexp.MustCompile(`^(|\d{4}|\d{4}-\d\d|\d{4}-\d\d-\d\d|\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d)$`)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Thursday", "June 24-25", "from 14 to 16 May", "between 14 and", "May 30 –", "by 2032",
		"three years ago", "in 3", "over the next", "Tuesday, May 13, 2025.", "15.05.2025",
		"2025-13-45", "this past weekend", "earlier this", "mid-", "(", "“5%,”", "\xff\xfe",
		"May 31 – Feb 30, 2024", "the 3rd of", "Sept.", "a year ago", "— Monday —",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1747267200))
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		var pub time.Time
		if sec != 0 {
			pub = time.Unix(sec%(1<<34), 0).UTC()
		}
		end := 0
		for _, e := range Find(text, pub) {
			if e.Start < end || e.End < e.Start || e.End > len(text) || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad offsets %+v", e)
			}
			if !resolvedRE.MatchString(e.Resolved) {
				t.Fatalf("bad Resolved %q", e.Resolved)
			}
			end = e.End
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"May 15, 2025", "15.05.2025", "2025-05-15", "Thu, 15 May", "31/31/2025", "Feb 29, 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := Parse(s); ok && (tm.Hour() != 0 || tm.Location() != time.UTC) {
			t.Fatalf("Parse(%q) = %v", s, tm)
		}
	})
}

// benchText is a 5 KB article of synthetic sentences.
func benchText() string {
	parts := []string{
		"Trade ministers met Thursday in Geneva to prepare a summit on June 24-25, officials said.",
		"The talks, scheduled from 14 to 16 May, follow an accord signed in 2015 that expires by 2032.",
		"Voters went to the polls on Sunday, and results are expected later this week.",
		"Turnout fell to 61.5% from 67% three years ago, the lowest in more than a decade.",
		"The ruling party won 300 of the 450 seats and pledged €20bn for schools over the next five years.",
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
	pub := day("2025-05-15")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, pub)
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		Parse("Published: Thursday, May 15, 2025 10:41 AM")
	}
}

func BenchmarkFindSeed(b *testing.B) {
	text := readSeed(b, "nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom.txt")
	pub := day("2025-05-15")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, pub)
	}
}

// articles are test articles written for this package in other outlets'
// styles (a wire story full of relative dates in both tenses, a sports
// preview with ranges, a Brazilian city story whose names mix ASCII and
// other letters next to weekdays and months), with every date expression
// asserted. Their publication lines are left out: ingest removes them
// before Find.
var articles = []struct {
	file, pub string
	want      []want
}{
	{"lisbon-transport-strike.txt", "2026-11-18", []want{
		{"Monday", "2026-11-23"},
		{"today", "2026-11-18"},
		{"Tuesday night", "2026-11-17"},
		{"since September", "2026-09"},
		{"23 to 24 November", "2026-11-23/2026-11-24"},
		{"next month", "2026-12"},
		{"last week", "2026-11-09/2026-11-15"},
		{"Wednesday", "2026-11-18"},
		{"Friday", "2026-11-13"},
		{"weekend", "2026-11-14/2026-11-15"},
		{"earlier this week", "2026-11-16/2026-11-17"},
		{"Thursday", "2026-11-19"},
		{"2027", "2027"},
		{"early December", "2026-12"},
		{"Two years ago", "2024"},
		{"Saturday morning", "2026-11-21"},
		{"next Tuesday", "2026-11-24"},
		{"later this week", "2026-11-19/2026-11-22"},
		{"March 2025", "2025-03"},
		{"last year", "2025"},
		{"by 2028", "2028"},
	}},
	{"cycling-tour-preview.txt", "2027-03-05", []want{
		{"Sunday", "2027-03-07"},
		{"until March 13", "2027-03-13"},
		{"Tuesday", "2027-03-09"},
		{"between 10 and 12 March", "2027-03-10/2027-03-12"},
		{"three years ago", "2024"},
		{"Wednesday", "2027-03-03"},
		{"tomorrow", "2027-03-06"},
		{"Thursday", "2027-03-04"},
		{"March 11", "2027-03-11"},
		{"last month", "2027-02"},
		{"2025", "2025"},
		{"last May", "2026-05"},
		{"since October", "2026-10"},
		{"this weekend", "2027-03-06/2027-03-07"},
		{"21 March to 18 April", "2027-03-21/2027-04-18"},
		{"May", "2027-05"},
	}},
	{"sao-paulo-metro-expansion.txt", "2027-04-18", []want{
		{"Saturday", "2027-04-17"},
		{"by June 2027", "2027-06"},
		{"2016", "2016"},
		{"2020", "2020"},
		{"Sunday", "2027-04-18"},
		{"next month", "2027-05"},
		{"Friday", "2027-04-16"},
		{"Monday", "2027-04-19"},
		{"last March", "2027-03"},
		{"Wednesday", "2027-04-21"},
		{"early August", "2027-08"},
	}},
}

// TestConcurrentFind runs Find on the test articles from several
// goroutines at once: docs come from a pool, and no call may see another's
// tokens or clauses.
func TestConcurrentFind(t *testing.T) {
	var texts []string
	var wants [][]Expr
	for _, a := range articles {
		b, err := os.ReadFile(filepath.Join("testdata", a.file))
		if err != nil {
			t.Fatalf("test article: %v", err)
		}
		texts = append(texts, string(b))
		wants = append(wants, Find(string(b), day(a.pub)))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 20 {
				k := (g + n) % len(texts)
				if got := Find(texts[k], day(articles[k].pub)); !reflect.DeepEqual(got, wants[k]) {
					t.Errorf("concurrent Find of %s differs from a lone call", articles[k].file)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestArticles(t *testing.T) {
	for _, a := range articles {
		t.Run(a.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", a.file))
			if err != nil {
				t.Fatalf("test article: %v", err)
			}
			checkAll(t, string(b), a.pub, a.want)
		})
	}
}

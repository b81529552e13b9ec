// Package dates finds date expressions in a news text ("Thursday", "June
// 24-25", "from 14 to 16 May", "by 2032", "three years ago") and resolves
// each to a calendar date against the article's publication date.
//
// The text is split into tokens once; each expression is matched at its
// head word (a weekday, a month, a day number, a year, a unit such as
// "week") and extended backwards over its modifiers. Nothing is tuned to
// particular articles: every rule below is a general rule of English news
// writing.
//
// # What is found and how it resolves
//
//   - Weekdays ("Thursday", "on Thursday", "this Thursday", "last Friday",
//     "next Monday", "Thursday’s sessions"): a bare weekday is in the week of
//     publication — the publication day itself when it matches, otherwise
//     the most recent such day (within 6 days) or, when the clause is in the
//     future, the next one (within 6 days). "last X" is the latest X strictly
//     before publication, "next X" and "this coming X" the first X strictly
//     after it (1–7 days ahead; so "next Friday" said on a Tuesday is the
//     Friday of that week, as AP style reads it). "this X" is the coming X
//     unless X is the publication day, or the clause is clearly past ("met
//     this Monday"). A bare weekday in a clause with no tense cue is taken
//     as past: news reports what happened. "for Saturday" ("called a
//     protest for Saturday") is the coming one. A weekday followed by a
//     date ("Tuesday, May 13, 2025") resolves to the date.
//   - Tense comes from the nearest cue in the clause (up to 15 words back,
//     8 ahead; ties go to the cue before): will, would, could, may,
//     'll, shall, scheduled, expected, plans, set to, due to, is to, "is
//     heading" (be + -ing), "to meet" (to + a verb of scheduled action),
//     "effective/starting Thursday", upcoming, next → future; said, told,
//     met, spoke, was, were, ago, "last" before a time word, irregular
//     pasts and -ed verbs (not after be, a determiner or a hyphen) → past.
//     Present-tense schedule verbs ("meets", "travels") are weak future
//     cues used only when nothing stronger is found. Looking ahead stops at
//     a comma unless the expression opens the clause ("On Sunday, Rubio
//     spoke"), and at "and" or "but" when a cue was found before ("crashed
//     on Wednesday and will decide"); a reporting verb ahead ("...,
//     officials said") counts as three words farther than it is.
//   - A part of the day joins a weekday or relative day: "Tuesday night",
//     "tomorrow afternoon"; "this morning/afternoon/evening" is the
//     publication day and "last night" the day before.
//   - Month-day forms and ranges: "May 15", "15 May", "May 15th", "15th of
//     May", "May 15, 2025", "June 24-25", "June 24–25", "14 to 16 May",
//     "14-16 May", "between 14 and 16 May", "May 30 – June 2", "30 May to 2
//     June". A missing year is the publication year, unless the date then
//     contradicts the clause's tense by more than 45 days (past tense and
//     more than 45 days ahead → the year before; future and more than 45
//     days behind → the year after) or, with no tense cue, lies more than
//     240 days away (so "January 5" in an article of December 30 is next
//     January). A range that wraps a year end gets the next year for its end.
//   - A month alone ("in June", "this June", "the June summit", "mid-June",
//     "late March") → "YYYY-MM" in the publication year, the next year when
//     the month has passed and the clause is future ("next June" likewise),
//     the year before for "last June" when June has not come yet or for a
//     past clause at least two months ahead. "May", "March", "April",
//     "June" and "August" alone need a cue (a preceding "in", "this",
//     "since"..., or a following "summit", "elections"..., or a possessive),
//     because they are also words and names. "May 2025" → "2025-05".
//   - Dates with a year and numeric dates: "May 15, 2025", "15 May 2025",
//     "2025-05-15", "2025/05/15", "15.05.2025" (day first with dots and
//     hyphens), "05/15/2025" (month first with slashes, unless the first
//     number exceeds 12).
//   - Bare years 1900–2100 (1000–2199 after a preposition): "by 2032", "in
//     2023", "since 2014", "2029", "the 2032 target", "mid-2026". Not taken:
//     numbers inside larger numbers ("2,025", "12.2025"), after a currency
//     sign, before a unit or counted noun ("2025 euros", "2000 troops"),
//     before a time zone ("1900 GMT"), or after a quantity word ("some 2000").
//     A year range "2020-2025" gives two years.
//   - Relative expressions: today, tonight, this morning (→ publication day),
//     yesterday, last night, tomorrow; "this/next/last week" (→ Monday–Sunday
//     range), "earlier this week" (→ Monday..publication−1; the Monday alone
//     when published on a Monday), "later this week" (→ publication+1..
//     Sunday); "this/next/last month" and "earlier/later this month" (→
//     "YYYY-MM"); "this/next/last year", "earlier/later this year", "late
//     last year" (→ "YYYY"); "the weekend", "this weekend", "last weekend",
//     "next weekend", "weekend meeting" (→ Saturday/Sunday range: the last
//     weekend on or before publication, or the coming one in a future
//     clause or after "for"); "three years ago", "a week ago" (→ at the
//     unit's precision: days and weeks → a day, months → "YYYY-MM", years
//     and decades → "YYYY"); "in three years" in a future clause ("the
//     plant will close in three years" → publication + n at the unit's
//     precision).
//
// Without a publication date every form that needs one (weekdays,
// relative forms, month-days without a year, bare months) is still
// returned, with Resolved "".
//
// # Not dates
//
// Durations and spans are left out: "three-year war", "18-year stay",
// "30-day ceasefire", "seven-year timeline", "for three years", "three
// years of conflict", "within two years", "within three years to five
// years", "in two or three years", "over the next seven years", "in more
// than three years", "in three years" looking back ("the first direct
// talks in three years", "prices have not risen in two years"), "the past
// decade", "the past three years", "the last year", "the next week", "over
// the next couple of weeks", "in the coming days". So is "today" meaning
// nowadays: "the Europe of today", "even today", a subject, "today" and a
// present-tense verb that is no schedule ("defense today also includes",
// "young people today face"; but "parliament today meets" is the day). So are
// anchors relative to another event ("the next day", "a day earlier"),
// decades ("the 1990s"), centuries, seasons ("this summer"), holidays ("by
// Easter"), "within a week" (an article, not a number), a day alone ("the
// 6th") and clock times. A year that names an event ("Euro 2024", "Agenda
// 2030") is still a year.
//
// # Expr.Text
//
// Text is the expression with its meaning-bearing words: modifiers (this,
// next, last, earlier, early, mid, late, ago) and bounding prepositions
// (by, since, until, till, through, before, after, between: "by 2032",
// "between 14 and 16 May"), "in" of a relative point ("in three years").
// Positional prepositions (on, in, at, from, during, of, for) are left
// out: "on Thursday" → "Thursday", "from 14 to 16 May" → "14 to 16 May". A
// possessive is left out: "Thursday’s sessions" → "Thursday", and then no
// preposition is taken.
//
// # Expr.Event
//
// Event is the comma-delimited part of the clause that holds the expression
// (clauses end at sentence ends, semicolons, colons, dashes and brackets),
// without the expression and the preposition before it; a part with fewer
// than two words is joined to its neighbour, and a part that starts with a
// verb borrows a short subject from the start of the clause. Titles before
// a name are dropped ("U.S. Secretary of State Marco Rubio joined" → "Rubio
// joined"; "with Turkish Foreign Minister Hakan Fidan" → "with Hakan
// Fidan"), leading connectives go, and the phrase is cut to 12 words at a
// phrase boundary, with no trailing function words or punctuation.
package dates

import "time"

// Expr is one date expression.
type Expr struct {
	Text       string // as written
	Start, End int    // byte offsets in the text
	// Resolved is "YYYY-MM-DD", "YYYY-MM", "YYYY" or "YYYY-MM-DD/YYYY-MM-DD";
	// "" when it cannot be resolved (for example a weekday with no
	// publication date).
	Resolved string
	Event    string // the clause the expression dates, trimmed to a short phrase
}

// Find returns the date expressions in text, in order. published is the
// article's publication date, or the zero time when unknown.
func Find(text string, published time.Time) []Expr {
	d := newDoc(text, published)
	defer d.release()
	var out []Expr
	for i := 0; i < len(d.t); {
		m, ok := d.matchAt(i)
		if !ok || m.b <= i {
			i++
			continue
		}
		s, e := d.t[m.a].s, d.t[m.b-1].e
		out = append(out, Expr{
			Text:     text[s:e],
			Start:    s,
			End:      e,
			Resolved: m.res,
			Event:    d.event(m.a, m.b),
		})
		d.floor = m.b
		i = m.b
	}
	return out
}

// Parse reads an absolute date as news pages print it ("May 15, 2025",
// "15 May 2025", "2025-05-15", "Thursday, May 15, 2025 10:41 AM"), for
// finding a publication date.
//
// It takes the first complete date (day, month and year) in s, so labels
// ("Published:", "Updated") and trailing times are ignored. Month names may
// be abbreviated ("Sept. 5, 2025") and in any case. Numeric dates are read
// year first with any separator ("2025-05-15", "2025/05/15",
// "2025-05-15T10:41:00Z"), day first with dots or hyphens ("15.05.2025"),
// and month first with slashes ("05/15/2025") unless the first number
// exceeds 12. A month and year alone is not a date. The result is UTC
// midnight.
func Parse(s string) (time.Time, bool) {
	d := newDoc(s, time.Time{})
	defer d.release()
	for i := range d.t {
		if y, m, dd, _, ok := d.numeric(i); ok {
			return date(y, m, dd), true
		}
		f, ok := d.monthDay(i, true)
		if !ok || f.y == 0 {
			f, ok = d.dayMonth(i, true)
		}
		if ok && f.y > 0 && valid(f.y, f.m1, f.d1) {
			return date(f.y, f.m1, f.d1), true
		}
	}
	return time.Time{}, false
}

package gold

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/ingest"
	"briefgen/internal/names"
)

// The rows of a score table, in order.
const (
	FieldTitle      = "title"
	FieldOutlet     = "outlet"
	FieldByline     = "byline"
	FieldDateline   = "dateline"
	FieldPublished  = "published"
	FieldPeople     = "people"
	FieldOrgs       = "organisations+countries"
	FieldQuotes     = "quotes found"
	FieldSpeaker    = "quote speaker"
	FieldDates      = "dates found"
	FieldResolution = "date resolution"
	FieldFigures    = "figures"
	FieldQA         = "qa"
	FieldNoise      = "noise lines left"
)

var fields = []string{
	FieldTitle, FieldOutlet, FieldByline, FieldDateline, FieldPublished,
	FieldPeople, FieldOrgs, FieldQuotes, FieldSpeaker, FieldDates,
	FieldResolution, FieldFigures, FieldQA, FieldNoise,
}

// Scores is one row per field, in the order of the constants above.
type Scores struct{ Rows []Row }

// Row is the count of one field over all cases. For "quote speaker" and
// "date resolution", TP counts the matched items that are right and FP and
// FN both count those that are wrong, so precision = recall = accuracy over
// the items found. For "noise lines left", TP counts noise removed, FN noise
// left in the body, and FP is always 0.
//
// A ratio whose denominator is 0 is 1 (nothing to find, or nothing
// predicted); Table shows it as "-".
type Row struct {
	Field                 string
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

// Row returns the row for field, or a zero Row.
func (s Scores) Row(field string) Row {
	for _, r := range s.Rows {
		if r.Field == field {
			return r
		}
	}
	return Row{Field: field}
}

func newRow(field string, c counts) Row {
	r := Row{Field: field, TP: c.tp, FP: c.fp, FN: c.fn, Precision: 1, Recall: 1}
	if c.tp+c.fp > 0 {
		r.Precision = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r.Recall = float64(c.tp) / float64(c.tp+c.fn)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// Table returns the scores as an aligned text table.
func (s Scores) Table() string {
	width := len("field")
	for _, r := range s.Rows {
		width = max(width, utf8.RuneCountInString(r.Field))
	}
	ratio := func(v float64, den int) string {
		if den == 0 {
			return "-"
		}
		return fmt.Sprintf("%.3f", v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %5s %5s %5s %9s %7s %7s\n", width, "field", "TP", "FP", "FN", "precision", "recall", "F1")
	for _, r := range s.Rows {
		pad := width - utf8.RuneCountInString(r.Field) + len(r.Field)
		fmt.Fprintf(&b, "%-*s %5d %5d %5d %9s %7s %7s\n", pad, r.Field, r.TP, r.FP, r.FN,
			ratio(r.Precision, r.TP+r.FP), ratio(r.Recall, r.TP+r.FN), ratio(r.F1, r.TP+r.FP+r.FN))
	}
	b.WriteString("(quote speaker, date resolution: TP right, FP = FN wrong, among the items found; noise lines left: TP removed, FN left)\n")
	return b.String()
}

// A Bar is a minimum the extraction must reach on one field.
type Bar struct {
	Field  string
	Metric string // "precision", "recall", "f1" or "left" (FN must be at most Min)
	Min    float64
}

// Bars are the quality bars of ingest on the gold set.
var Bars = []Bar{
	{FieldPeople, "precision", 0.95},
	{FieldPeople, "recall", 0.95},
	{FieldOrgs, "f1", 0.90},
	{FieldQuotes, "recall", 0.95},
	{FieldSpeaker, "recall", 0.95},
	{FieldDates, "recall", 0.90},
	{FieldResolution, "recall", 0.95},
	{FieldFigures, "recall", 0.90},
	{FieldNoise, "left", 0},
}

// Failures returns one line for every bar the scores do not reach.
func (s Scores) Failures() []string {
	var out []string
	for _, b := range Bars {
		r := s.Row(b.Field)
		switch b.Metric {
		case "left":
			if float64(r.FN) > b.Min {
				out = append(out, fmt.Sprintf("%s: %d left, want at most %g", b.Field, r.FN, b.Min))
			}
			continue
		}
		var v float64
		switch b.Metric {
		case "precision":
			v = r.Precision
		case "recall":
			v = r.Recall
		default:
			v = r.F1
		}
		if v < b.Min {
			out = append(out, fmt.Sprintf("%s %s %.3f < %.2f (TP %d, FP %d, FN %d)", b.Field, b.Metric, v, b.Min, r.TP, r.FP, r.FN))
		}
	}
	return out
}

type counts struct{ tp, fp, fn int }

// scorer accumulates counts and misses over the cases.
type scorer struct {
	c      map[string]*counts
	misses []string
	name   string // the current case
}

func (s *scorer) add(field string, tp, fp, fn int) {
	c := s.c[field]
	c.tp += tp
	c.fp += fp
	c.fn += fn
}

func (s *scorer) miss(field, format string, args ...any) {
	s.misses = append(s.misses, s.name+": "+field+": "+fmt.Sprintf(format, args...))
}

// Score runs extract on every case and counts what it got right against the
// gold labels. The second result lists every item missed, extra or wrong,
// one per line, for debugging. An extraction that fails or panics is scored
// as an empty result (everything missed) and reported in the error, which
// joins every such failure; the scores are complete either way.
func Score(cases []Case, extract func(path string, raw []byte) (*ingest.Result, error)) (Scores, []string, error) {
	s := &scorer{c: map[string]*counts{}}
	for _, f := range fields {
		s.c[f] = &counts{}
	}
	var errs []error
	for _, c := range cases {
		s.name = c.Name
		pred, body, err := run(extract, c)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.Name, err))
			s.miss("extract", "%v", err)
		}
		s.scoreCase(c.Gold, pred, body)
	}
	out := Scores{}
	for _, f := range fields {
		out.Rows = append(out.Rows, newRow(f, *s.c[f]))
	}
	return out, s.misses, errors.Join(errs...)
}

// run calls extract and turns its result into a Label by its JSON form (so
// the scorer depends only on the JSON schema) plus the body.
func run(extract func(string, []byte) (*ingest.Result, error), c Case) (l Label, body string, err error) {
	defer func() {
		if p := recover(); p != nil {
			l, body, err = Label{}, "", fmt.Errorf("panic: %v", p)
		}
	}()
	r, err := extract(c.Path, c.Raw)
	if err != nil {
		return Label{}, "", err
	}
	if r == nil {
		return Label{}, "", errors.New("nil result")
	}
	data, err := json.Marshal(r)
	if err != nil {
		return Label{}, "", err
	}
	if err := json.Unmarshal(data, &l); err != nil {
		return Label{}, "", err
	}
	return l, r.Body, nil
}

func (s *scorer) scoreCase(g, p Label, body string) {
	s.meta(FieldTitle, g.Title, p.Title)
	s.meta(FieldOutlet, g.Outlet, p.Outlet)
	s.meta(FieldByline, g.Byline, p.Byline)
	s.meta(FieldDateline, g.Dateline, p.Dateline)
	s.meta(FieldPublished, g.Published, p.Published)
	s.entities(FieldPeople, g.Actors, p.Actors)
	s.entities(FieldOrgs, g.Actors, p.Actors)
	s.quotes(g, p)
	s.dates(g.Dates, p.Dates)
	s.figures(g.Figures, p.Figures)
	s.qa(g.QA, p.QA)
	s.noise(g.Noise, body)
}

// str returns *p trimmed, "" for nil.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

// meta scores one metadata value: equal after names.Fold is a TP; a
// predicted value that is wrong or not in the gold is a FP; a gold value
// not predicted or predicted wrong is a FN. Both unknown counts nothing.
func (s *scorer) meta(field string, g, p *string) {
	gs, ps := str(g), str(p)
	switch {
	case gs == "" && ps == "":
	case gs != "" && ps != "" && names.Fold(gs) == names.Fold(ps):
		s.add(field, 1, 0, 0)
	default:
		fp, fn := 0, 0
		if ps != "" {
			fp = 1
		}
		if gs != "" {
			fn = 1
		}
		s.add(field, 0, fp, fn)
		s.miss(field, "got %s, want %s", quoteOrNull(ps), quoteOrNull(gs))
	}
}

func quoteOrNull(s string) string {
	if s == "" {
		return "null"
	}
	return fmt.Sprintf("%q", s)
}

func isPerson(a Actor) bool { return a.Kind == "person" }

// entities scores people (field FieldPeople) or organisations and countries
// (FieldOrgs; every predicted actor whose kind is not "person" competes).
//
// A gold actor is found by a predicted one of the same group that matches
// it: for people, by the name (names.Loose), the slug, the gold's longest
// mention as name, or, when the gold name is one word (a surname), the last
// word of the predicted name; for organisations and countries, by the name
// or any mention on either side. Each predicted actor is used at most once.
// A found actor is a TP only when the predicted actor's mentions cover the
// gold mentions (names.Loose); otherwise it was split or half-found, and is
// a FN. Predicted actors left unused (the other half of a split among them)
// are FPs.
func (s *scorer) entities(field string, gold, pred []Actor) {
	person := field == FieldPeople
	var gs, ps []Actor
	for _, a := range gold {
		if isPerson(a) == person {
			gs = append(gs, a)
		}
	}
	for _, a := range pred {
		if isPerson(a) == person {
			ps = append(ps, a)
		}
	}
	used := make([]bool, len(ps))
	for _, g := range gs {
		best, bestName, bestCover := -1, false, -1
		for i, p := range ps {
			if used[i] {
				continue
			}
			ok, byName := entityMatch(g, p, person)
			if !ok {
				continue
			}
			cover := covered(g, p)
			if best < 0 || byName && !bestName || byName == bestName && cover > bestCover {
				best, bestName, bestCover = i, byName, cover
			}
		}
		if best < 0 {
			s.add(field, 0, 0, 1)
			s.miss(field, "missing %s", g.Name)
			continue
		}
		used[best] = true
		if bestCover == len(g.Mentions) {
			s.add(field, 1, 0, 0)
			continue
		}
		s.add(field, 0, 0, 1)
		s.miss(field, "%s found as %q but its mentions %q do not cover %q (split or missed)",
			g.Name, ps[best].Name, ps[best].Mentions, missingMentions(g, ps[best]))
	}
	for i, p := range ps {
		if !used[i] {
			s.add(field, 0, 1, 0)
			s.miss(field, "extra %s %q %q", orDash(p.Kind), p.Name, p.Mentions)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// entityMatch says whether predicted p matches gold g, and whether it does
// so by name rather than by a mention.
func entityMatch(g, p Actor, person bool) (ok, byName bool) {
	pn := names.Loose(p.Name)
	if person {
		if pn == names.Loose(g.Name) || p.Slug != "" && p.Slug == goldSlug(g) || names.Slug(p.Name) == goldSlug(g) {
			return true, true
		}
		if l := longest(g.Mentions); l != "" && pn == names.Loose(l) {
			return true, true
		}
		if w := strings.Fields(names.Loose(g.Name)); len(w) == 1 {
			if pw := strings.Fields(pn); len(pw) > 1 && pw[len(pw)-1] == w[0] {
				return true, true
			}
		}
		return false, false
	}
	keys := map[string]bool{names.Loose(g.Name): true}
	for _, m := range g.Mentions {
		keys[names.Loose(m)] = true
	}
	if keys[pn] {
		return true, true
	}
	for _, m := range p.Mentions {
		if keys[names.Loose(m)] {
			return true, false
		}
	}
	return false, false
}

func goldSlug(g Actor) string {
	if g.Slug != "" {
		return g.Slug
	}
	return names.Slug(g.Name)
}

// longest returns the mention with the most words (the first of equals).
func longest(ms []string) string {
	best, n := "", 0
	for _, m := range ms {
		if k := len(strings.Fields(names.Loose(m))); k > n {
			best, n = m, k
		}
	}
	return best
}

// covered counts the gold mentions found among p's mentions.
func covered(g, p Actor) int {
	have := map[string]bool{}
	for _, m := range p.Mentions {
		have[names.Loose(m)] = true
	}
	n := 0
	for _, m := range g.Mentions {
		if have[names.Loose(m)] {
			n++
		}
	}
	return n
}

func missingMentions(g, p Actor) []string {
	have := map[string]bool{}
	for _, m := range p.Mentions {
		have[names.Loose(m)] = true
	}
	var out []string
	for _, m := range g.Mentions {
		if !have[names.Loose(m)] {
			out = append(out, m)
		}
	}
	return out
}

// tokens returns the names.Fold words of s.
func tokens(s string) []string { return strings.Fields(names.Fold(s)) }

// overlap is the number of tokens a and b share (as multisets) over the
// length of the longer, so that a span too short or too long both lose.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := map[string]int{}
	for _, t := range a {
		n[t]++
	}
	common := 0
	for _, t := range b {
		if n[t] > 0 {
			n[t]--
			common++
		}
	}
	return float64(common) / float64(max(len(a), len(b)))
}

// QuoteOverlap is the least token overlap for a predicted quote to match.
const QuoteOverlap = 0.6

// pair is a candidate match of gold item g and predicted item p; higher
// rank is better.
type pair struct {
	g, p int
	rank float64
}

// assign matches gold and predicted items one to one, best pairs first.
func assign(pairs []pair, ng, np int) (gp []int) {
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].rank > pairs[j].rank })
	gp = make([]int, ng)
	for i := range gp {
		gp[i] = -1
	}
	usedP := make([]bool, np)
	for _, x := range pairs {
		if gp[x.g] >= 0 || usedP[x.p] {
			continue
		}
		gp[x.g], usedP[x.p] = x.p, true
	}
	return gp
}

// unmatched returns the predicted items that match no gold item at all.
// A predicted item that matches a gold item another one already took is a
// repeat (the same figure or date said twice), not a false positive.
func unmatched(pairs []pair, np int) []int {
	hit := make([]bool, np)
	for _, x := range pairs {
		hit[x.p] = true
	}
	var out []int
	for i, a := range hit {
		if !a {
			out = append(out, i)
		}
	}
	return out
}

// quotes scores quotes found (token overlap ≥ QuoteOverlap, one to one)
// and, among them, the speaker: equal by names.Loose, or the predicted
// speaker is a name or mention of the gold speaker's actor; both nil is
// right. Here and for dates, figures and QA, a FP is a predicted item that
// matches no gold item (see unmatched).
func (s *scorer) quotes(g, p Label) {
	var pairs []pair
	for i, gq := range g.Quotes {
		gt := tokens(gq.Text)
		for j, pq := range p.Quotes {
			if o := overlap(gt, tokens(pq.Text)); o >= QuoteOverlap {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	gp := assign(pairs, len(g.Quotes), len(p.Quotes))
	for i, j := range gp {
		gq := g.Quotes[i]
		if j < 0 {
			s.add(FieldQuotes, 0, 0, 1)
			s.miss(FieldQuotes, "missing %q (%s)", clip(gq.Text, 70), quoteOrNull(str(gq.Speaker)))
			continue
		}
		s.add(FieldQuotes, 1, 0, 0)
		ps := str(p.Quotes[j].Speaker)
		if speakerRight(g.Actors, str(gq.Speaker), ps) {
			s.add(FieldSpeaker, 1, 0, 0)
		} else {
			s.add(FieldSpeaker, 0, 1, 1)
			s.miss(FieldSpeaker, "%q: got %s, want %s", clip(gq.Text, 50), quoteOrNull(ps), quoteOrNull(str(gq.Speaker)))
		}
	}
	for _, j := range unmatched(pairs, len(p.Quotes)) {
		s.add(FieldQuotes, 0, 1, 0)
		s.miss(FieldQuotes, "extra %q", clip(p.Quotes[j].Text, 70))
	}
}

func speakerRight(actors []Actor, gold, pred string) bool {
	if gold == "" || pred == "" {
		return gold == pred
	}
	pl, gl := speakerKey(pred), speakerKey(gold)
	if pl == gl {
		return true
	}
	for _, a := range actors {
		if speakerKey(a.Name) != gl {
			continue
		}
		for _, m := range a.Mentions {
			if speakerKey(m) == pl {
				return true
			}
		}
	}
	return false
}

// speakerKey is names.Loose without a leading "the" ("the State
// Department" is the State Department).
func speakerKey(s string) string { return strings.TrimPrefix(names.Loose(s), "the ") }

// dateKey is names.Fold with each word's possessive "'s" cut, so that
// "Thursday’s" is "Thursday".
func dateKey(s string) string {
	w := strings.Fields(names.Fold(s))
	for i := range w {
		w[i] = strings.TrimSuffix(w[i], "'s")
	}
	return strings.Join(w, " ")
}

// containsWords says whether the words of a occur in b as a run.
func containsWords(b, a string) bool {
	if a == "" {
		return false
	}
	return strings.Contains(" "+b+" ", " "+a+" ")
}

// dates scores dates found (the folded text of one contains the other's,
// whole words, possessives cut; one to one, preferring equal resolutions)
// and, among them, the resolution (equal strings; both nil is right).
func (s *scorer) dates(gold, pred []Date) {
	var pairs []pair
	for i, g := range gold {
		gf := dateKey(g.Text)
		for j, p := range pred {
			pf := dateKey(p.Text)
			if !containsWords(pf, gf) && !containsWords(gf, pf) {
				continue
			}
			rank := 1 / float64(1+abs(len(pf)-len(gf)))
			if str(g.Resolved) == str(p.Resolved) {
				rank += 2
			}
			pairs = append(pairs, pair{i, j, rank})
		}
	}
	gp := assign(pairs, len(gold), len(pred))
	for i, j := range gp {
		g := gold[i]
		if j < 0 {
			s.add(FieldDates, 0, 0, 1)
			s.miss(FieldDates, "missing %q (%s)", g.Text, quoteOrNull(str(g.Resolved)))
			continue
		}
		s.add(FieldDates, 1, 0, 0)
		if gr, pr := str(g.Resolved), str(pred[j].Resolved); gr == pr {
			s.add(FieldResolution, 1, 0, 0)
		} else {
			s.add(FieldResolution, 0, 1, 1)
			s.miss(FieldResolution, "%q (as %q): got %s, want %s", g.Text, pred[j].Text, quoteOrNull(pr), quoteOrNull(gr))
		}
	}
	for _, j := range unmatched(pairs, len(pred)) {
		s.add(FieldDates, 0, 1, 0)
		s.miss(FieldDates, "extra %q (%s)", pred[j].Text, quoteOrNull(str(pred[j].Resolved)))
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// scaleWords are the words kept in a figure's key after a number, and
// scaleSuffixes the same glued to it ("$280m", "£3.2bn", "5pc").
var (
	scaleWords = map[string]string{
		"thousand": "thousand", "million": "million", "mn": "million", "billion": "billion",
		"bn": "billion", "trillion": "trillion", "tn": "trillion", "percent": "%", "pct": "%",
	}
	scaleSuffixes = map[string]string{
		"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion",
		"tn": "trillion", "pc": "%", "pct": "%",
	}
)

// FigureKey returns the numeric token sequence of a figure: each number
// (currency signs and thousands separators dropped, "%" kept) and the scale
// word after it ("billion", "bn" and "b" are one), so that "22 of the 32
// member countries" gives [22 32], "$1.5 billion" gives [1.5 billion] and
// "5 per cent" gives [5%]. Text without a digit gives its folded words.
func FigureKey(s string) []string {
	s = strings.ReplaceAll(names.ASCII(s), "per cent", "percent")
	words := strings.Fields(s)
	var key []string
	for i := 0; i < len(words); i++ {
		w := strings.TrimFunc(words[i], func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%'
		})
		start := strings.IndexFunc(w, unicode.IsDigit)
		if start < 0 {
			if len(key) > 0 {
				if k, ok := scaleWords[strings.ToLower(w)]; ok && isNumber(key[len(key)-1]) {
					if k == "%" {
						key[len(key)-1] += "%"
					} else {
						key = append(key, k)
					}
				}
			}
			continue
		}
		w = w[start:] // drop a currency prefix: "$1.5", "zł1.1", "US$3"
		end := len(w)
		for end > 0 && !(w[end-1] >= '0' && w[end-1] <= '9') && w[end-1] != '%' {
			end--
		}
		num, suffix := w[:end], strings.ToLower(w[end:])
		num = strings.ReplaceAll(num, ",", "")
		key = append(key, num)
		if k, ok := scaleSuffixes[suffix]; ok {
			if k == "%" {
				key[len(key)-1] += "%"
			} else {
				key = append(key, k)
			}
		}
	}
	if len(key) == 0 {
		return tokens(s)
	}
	return key
}

func isNumber(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9' && !strings.HasSuffix(s, "%")
}

// containsSeq says whether b holds a as a contiguous run.
func containsSeq(b, a []string) bool {
	if len(a) == 0 {
		return false
	}
outer:
	for i := 0; i+len(a) <= len(b); i++ {
		for k := range a {
			if b[i+k] != a[k] {
				continue outer
			}
		}
		return true
	}
	return false
}

// figures scores figures: a gold figure is found by a predicted one whose
// FigureKey contains the gold's as a run.
func (s *scorer) figures(gold, pred []Figure) {
	var pairs []pair
	for i, g := range gold {
		gk := FigureKey(g.Text)
		for j, p := range pred {
			pk := FigureKey(p.Text)
			if containsSeq(pk, gk) {
				pairs = append(pairs, pair{i, j, 1 / float64(1+len(pk)-len(gk))})
			}
		}
	}
	gp := assign(pairs, len(gold), len(pred))
	for i, j := range gp {
		if j < 0 {
			s.add(FieldFigures, 0, 0, 1)
			s.miss(FieldFigures, "missing %q (%s)", gold[i].Text, str(gold[i].About))
		} else {
			s.add(FieldFigures, 1, 0, 0)
		}
	}
	for _, j := range unmatched(pairs, len(pred)) {
		s.add(FieldFigures, 0, 1, 0)
		s.miss(FieldFigures, "extra %q", pred[j].Text)
	}
}

// QAQuestionOverlap and QAAnswerOverlap are the least token overlaps for a
// predicted question and answer to match a gold pair.
const (
	QAQuestionOverlap = 0.8
	QAAnswerOverlap   = 0.6
)

// qa scores question-and-answer pairs.
func (s *scorer) qa(gold, pred []QA) {
	var pairs []pair
	for i, g := range gold {
		gq, ga := tokens(g.Question), tokens(g.Answer)
		for j, p := range pred {
			oq, oa := overlap(gq, tokens(p.Question)), overlap(ga, tokens(p.Answer))
			if oq >= QAQuestionOverlap && oa >= QAAnswerOverlap {
				pairs = append(pairs, pair{i, j, oq + oa})
			}
		}
	}
	gp := assign(pairs, len(gold), len(pred))
	for i, j := range gp {
		if j < 0 {
			s.add(FieldQA, 0, 0, 1)
			s.miss(FieldQA, "missing %q", gold[i].Question)
		} else {
			s.add(FieldQA, 1, 0, 0)
		}
	}
	for _, j := range unmatched(pairs, len(pred)) {
		s.add(FieldQA, 0, 1, 0)
		s.miss(FieldQA, "extra %q", pred[j].Question)
	}
}

var (
	annotation = regexp.MustCompile(`\[\[([^\[\]\n|]*)(?:\|([^\[\]\n]*))?\]\]`)
	mdEscape   = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// PlainBody returns a markdown body as text: each [[target|shown]]
// annotation replaced by what it shows, backslash escapes removed and runs
// of white space made one space.
func PlainBody(body string) string {
	body = annotation.ReplaceAllStringFunc(body, func(m string) string {
		sub := annotation.FindStringSubmatch(m)
		if strings.Contains(m, "|") {
			return sub[2]
		}
		t := sub[1]
		for _, k := range []string{"actor:", "theme:", "timeline:", "brief:"} {
			t = strings.TrimPrefix(t, k)
		}
		return t
	})
	body = mdEscape.ReplaceAllString(body, "$1")
	return strings.Join(strings.Fields(body), " ")
}

// ContainsNoise says whether the plain text holds the noise text (its
// spaces normalised), not as part of a longer word.
func ContainsNoise(plain, noise string) bool {
	n := strings.Join(strings.Fields(noise), " ")
	if n == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(plain[from:], n)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(n)
		before, _ := utf8.DecodeLastRuneInString(plain[:i])
		after, _ := utf8.DecodeRuneInString(plain[j:])
		first, _ := utf8.DecodeRuneInString(n)
		last, _ := utf8.DecodeLastRuneInString(n)
		okBefore := i == 0 || !isWordRune(first) || !isWordRune(before)
		okAfter := j == len(plain) || !isWordRune(last) || !isWordRune(after)
		if okBefore && okAfter {
			return true
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// noise counts the gold noise texts left in the body. An empty body cannot
// show that the noise was removed, so it counts every noise text as left.
func (s *scorer) noise(noise []string, body string) {
	if len(noise) == 0 {
		return
	}
	plain := PlainBody(body)
	if plain == "" {
		s.add(FieldNoise, 0, 0, len(noise))
		s.miss(FieldNoise, "body is empty: %d noise texts not checked", len(noise))
		return
	}
	for _, n := range noise {
		if ContainsNoise(plain, n) {
			s.add(FieldNoise, 0, 0, 1)
			s.miss(FieldNoise, "left %q", clip(n, 70))
		} else {
			s.add(FieldNoise, 1, 0, 0)
		}
	}
}

// clip shortens s to about n runes.
func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

package quotes

import (
	"strings"
	"unicode/utf8"

	"briefgen/internal/entities"
	"briefgen/internal/names"
)

var pronouns = map[string]bool{"he": true, "she": true}

// words that may stand between a speaker and the verb ("Berg also said").
var adverbs = map[string]bool{"also": true, "later": true, "then": true, "previously": true,
	"earlier": true, "again": true, "further": true, "recently": true, "separately": true,
	"has": true, "had": true, "have": true, "will": true, "would": true, "once": true,
	"meanwhile": true, "however": true, "reportedly": true, "publicly": true, "privately": true,
	"repeatedly": true, "flatly": true, "quickly": true, "bluntly": true, "simply": true, "only": true}

// prepositions before a name make it the object of a sentence, not its
// subject.
var prepositions = map[string]bool{"with": true, "to": true, "by": true, "from": true, "for": true,
	"about": true, "of": true, "against": true, "on": true, "at": true, "between": true, "and": true,
	"toward": true, "towards": true, "including": true, "than": true}

// generic role heads say only that someone leads something: "the NATO
// chief" needs "NATO" to find its person.
var genericHeads = map[string]bool{"chief": true, "boss": true, "head": true, "leader": true,
	"official": true, "top": true}

func (f *finder) sayVerb(w word) bool { return !w.cap && entities.SayVerb(w.low) }

// introVerbs introduce a quotation that characterises something: 'X
// called the plan "…"', 'X described it as "…"'.
var introVerbs = map[string]bool{"called": true, "calling": true, "calls": true, "described": true,
	"describing": true, "describes": true, "dubbed": true, "branded": true, "termed": true}

// attribute returns the speaker of quotation k, and whether the text gives
// an attribution for it at all (a speaker that could not be resolved is -1).
func (f *finder) attribute(k int) (int, bool) {
	if sp, ok := f.after(k); ok {
		return sp, true
	}
	if sp, ok := f.before(k); ok {
		return sp, true
	}
	if sp := f.continuation(k); sp >= 0 {
		return sp, false
	}
	return f.prevSayer(k), false
}

// prevSayer gives a quotation that opens its sentence, with no attribution
// of its own, the subject of a verb of saying in the sentence right before
// it, in its paragraph or ending the one before, when that sentence holds
// no quotation: 'She said the squad would rest. "Some are exhausted."'.
func (f *finder) prevSayer(k int) int {
	q := &f.qs[k]
	ss, _ := f.sentence(q.open)
	if ss != q.open {
		return -1
	}
	last := ss - 1 // a byte of the sentence before
	if strings.TrimSpace(f.text[f.lines[q.line][0]:q.open]) == "" {
		if q.line == 0 {
			return -1
		}
		last = f.lines[q.line-1][1] - 1
	}
	if last < 0 {
		return -1
	}
	ps, _ := f.sentence(last)
	if k > 0 && f.qs[k-1].open >= ps || last-ps > 600 {
		return -1 // a quotation there, or a run-on text
	}
	ws := f.words(ps, last+1)
	for v, w := range ws {
		if f.sayVerb(w) {
			return f.sayer(ws, v, ps, q.open, k)
		}
	}
	return -1
}

// lineEnd returns the end of the line holding the quotation.
func (f *finder) lineEnd(k int) int { return f.lines[f.qs[k].endLine][1] }

// after reads an attribution written after the closing mark: '…," Berg
// said', '…," said Berg', '…," as spokesperson Dorn put it'.
func (f *finder) after(k int) (int, bool) {
	q := &f.qs[k]
	if q.close < 0 {
		return -1, false
	}
	_, n := decode(f.text, q.close)
	start := q.close + n
	end := f.lineEnd(k)
	first := start
	for first < end && strings.ContainsRune(" \t,;—–-", rune(f.text[first])) {
		first++
	}
	if first >= end {
		return -1, false
	}
	ss, se := f.sentence(first)
	newSentence := ss == first
	if se > end {
		se = end
	}
	if nq := f.nextQuoteOpen(k, se); nq < se {
		se = nq // stop at the next quotation
	}
	ws := f.wordsN(f.scratch[:0], first, se, 16)
	f.scratch = ws[:0]
	if len(ws) == 0 {
		return -1, false
	}
	lim := min(len(ws), 12)
	// "as spokesperson Dorn put it", "as Berg said"
	if ws[0].low == "as" && !newSentence {
		for v := 1; v < lim; v++ {
			if ws[v].low == "put" && v+1 < len(ws) && ws[v+1].low == "it" || f.sayVerb(ws[v]) {
				return f.resolveNP(ws[1:v], q.close, k), true
			}
		}
	}
	// "according to the ministry"
	if len(ws) > 2 && ws[0].low == "according" && ws[1].low == "to" && !newSentence {
		np := f.phrase(ws[2:], 8)
		return f.resolveNP(np, q.close, k), true
	}
	// "said Berg", "said U.S. Secretary of State Anna Berg", "said the
	// ministry in a statement", "said a spokesman, Jan Berg"
	if f.sayVerb(ws[0]) && !newSentence {
		if np := f.phrase(ws[1:], 10); len(np) > 0 {
			np = cutAtPreposition(np)
			sp := f.resolveNP(np, q.close, k)
			if sp < 0 {
				sp = f.appositive(np[len(np)-1].e, se)
			}
			return sp, true
		}
	}
	// "Berg said", "the Foreign Ministry said", "he told reporters"; but
	// not '… of "…" and said …', where the verb is the subject's before
	for v := 1; v < lim && !conjunctions[ws[0].low]; v++ {
		if !f.sayVerb(ws[v]) {
			if ws[v].low == "that" {
				break
			}
			continue
		}
		if newSentence {
			// a new sentence attributes the quotation only if it is short:
			// '"…." Berg said.' — not '"…." He insisted that …'
			rest := ws[v+1:]
			if len(rest) > 6 {
				break
			}
			for _, w := range rest {
				if w.low == "that" {
					return -1, false
				}
			}
		}
		if f.gapHas(ws[0].s, ws[v].s, ".!?") {
			break
		}
		return f.resolveNP(ws[:v], q.close, k), true
	}
	return -1, false
}

// heads reports whether the mention m heads the phrase np: nothing follows
// it but an appositive ("Berg, the foreign minister"), so that it is not a
// modifier ("Berg's aide", "a friend of Berg's family").
func (f *finder) heads(m mention, np []word) bool {
	for _, w := range np {
		if w.s >= m.e {
			return f.gapHas(m.e, w.s, ",")
		}
	}
	return !possessive(f.text, m.e)
}

// modifiesTitle reports whether the mention m stands before a title word,
// as a qualifier of someone else's role ("Betis defender Luka Perić").
func (f *finder) modifiesTitle(m mention) bool {
	i := m.e
	for i < len(f.text) && f.text[i] == ' ' {
		i++
	}
	if i == m.e {
		return false
	}
	ws := f.wordsN(f.scratch[:0], i, min(len(f.text), i+40), 1)
	f.scratch = ws[:0]
	return len(ws) == 1 && ws[0].s == i && entities.TitleWord(ws[0].low)
}

// possessive reports whether a possessive ending follows the name ending at
// e ("Berg's", "Berg’s", "Jonas'").
func possessive(t string, e int) bool {
	return strings.HasPrefix(t[e:], "'s") || strings.HasPrefix(t[e:], "’s") ||
		strings.HasPrefix(t[e:], "' ") || strings.HasPrefix(t[e:], "’ ")
}

// cutAtPreposition ends a noun phrase before a lower-case preposition
// that opens an adverbial ("the ministry in a statement"); "of" stays, as
// in "Secretary of State".
func cutAtPreposition(np []word) []word {
	for i := 1; i < len(np); i++ {
		if w := np[i]; !w.cap && w.low != "of" && leadWords[w.low] {
			return np[:i]
		}
	}
	return np
}

// appositive returns the person named right after a comma at pos ("a
// spokesman, Jan Berg"), before end, or -1.
func (f *finder) appositive(pos, end int) int {
	i := pos
	for i < end && (f.text[i] == ' ' || f.text[i] == ',') {
		i++
	}
	if i == pos || !strings.Contains(f.text[pos:i], ",") {
		return -1
	}
	for _, m := range f.mentionsIn(i, end) {
		if m.s == i && m.person {
			return m.ent
		}
		break
	}
	return -1
}

// conjunctions join a second predicate to the subject before a quotation.
var conjunctions = wordSet(`and but or while then`)

// nextQuoteOpen returns where the next quotation after k opens, or limit.
func (f *finder) nextQuoteOpen(k, limit int) int {
	if k+1 < len(f.qs) && f.qs[k+1].open < limit {
		return f.qs[k+1].open
	}
	return limit
}

// phrase returns the first words of ws up to punctuation, at most n.
func (f *finder) phrase(ws []word, n int) []word {
	for i := range ws {
		if i >= n || i > 0 && f.gapHas(ws[i-1].e, ws[i].s, ",.;:()—–") {
			return ws[:i]
		}
	}
	return ws
}

func (f *finder) gapHas(s, e int, chars string) bool {
	if s >= e {
		return false
	}
	return strings.ContainsAny(f.text[s:e], chars)
}

// before reads an attribution earlier in the quotation's sentence: 'Berg
// said, "…"', 'He insisted that … "…"', 'X appeared to endorse it, noting
// that "…"', 'X accused the minister of "…"', a label 'Berg: "…"', or a
// framing 'For X, …' / 'According to X, …'.
func (f *finder) before(k int) (int, bool) {
	q := &f.qs[k]
	ss, _ := f.sentence(q.open)
	// a speaker is named near the quotation: look back at most 600 bytes,
	// so that a run-on paragraph of quotations stays linear
	from := max(ss, q.open-600)
	for from > ss && from < len(f.text) && !utf8.RuneStart(f.text[from]) {
		from--
	}
	ws := f.words(from, q.open)
	if len(ws) == 0 {
		return -1, false
	}
	if v := f.lastVerb(ws); v >= 0 {
		// "A," he said, "B": the second part has the first part's speaker
		if k > 0 {
			if p := &f.qs[k-1]; p.long && p.attributed && p.close >= ss && p.close < ws[v].s {
				return p.speaker, true
			}
		}
		return f.sayer(ws, v, from, q.open, k), true
	}
	if from > ss {
		return -1, false
	}
	if sp, ok := f.label(ws, q.open, k); ok {
		return sp, true
	}
	// "For transatlantic advocates such as X, …", "According to X, …"
	if ws[0].low == "for" || len(ws) > 1 && ws[0].low == "according" && ws[1].low == "to" {
		comma := strings.IndexByte(f.text[ss:q.open], ',')
		if comma > 0 {
			for _, m := range f.mentionsIn(ss, ss+comma) {
				if m.person {
					return m.ent, true
				}
			}
		}
	}
	return -1, false
}

// lastVerb returns the index of the last word of ws that attributes what
// follows to its subject: a verb of saying, a verb that characterises
// ("called"), or one that voices a view ("accused", "welcomed") when it is
// not passive ("was accused"). It is -1 when there is none.
func (f *finder) lastVerb(ws []word) int {
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		if f.sayVerb(w) || !w.cap && introVerbs[w.low] {
			return i
		}
		if !w.cap && viewVerbs[w.low] && (i == 0 || !passiveAux[ws[i-1].low]) {
			return i
		}
	}
	return -1
}

// viewVerbs voice their subject's view of what the quotation names: 'X
// accused the Treasury of "…"', 'X welcomed the ruling as "…"'.
var viewVerbs = wordSet(`accused accuses accuse accusing blamed blames blaming
	welcomed welcomes welcoming hailed hails hailing praised praises praising
	criticised criticises criticising criticized criticizes criticizing
	condemned condemns condemning dismissed dismisses dismissing rejected rejects
	slammed slams decried decries derided derides labelled labels labeled
	lauded lauds defended defends defending likened likens compared compares
	mocked mocks ridiculed ridicules attacked attacks chided chides scolded
	lambasted lambasts blasted blasts rebuked rebukes applauded applauds
	celebrated celebrates characterised characterized portrayed portrays`)

// passiveAux before a verb makes it passive: its subject is not the one
// who spoke.
var passiveAux = wordSet(`was were is are be been being get got gets`)

// wordSet makes a set of the blank-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sayer returns the subject of the attributing verb ws[v]: a pronoun, the
// person named right before it, a role ("the judge said"), the first person
// of the clause, or the body that heads it ("Moody's, which …, said", "the
// ministry said"). An indefinite subject ("one EU diplomat", "a senior
// Treasury official", "sources close to the talks") names no one: -1.
func (f *finder) sayer(ws []word, v, from, pos, k int) int {
	j := v - 1
	for j >= 0 && adverbs[ws[j].low] {
		j--
	}
	if j >= 2 && ws[j].low == "and" && !ws[j-1].cap && pronouns[ws[j-2].low] {
		j -= 2 // "he smiled and said"
	}
	if j >= 0 && pronouns[ws[j].low] {
		return f.pronoun(ws[j].s, k)
	}
	ms := f.mentionsIn(from, ws[v].s)
	// a speaker written right before the verb
	for i := len(ms) - 1; i >= 0; i-- {
		if !ms[i].person {
			continue
		}
		direct := true
		for _, w := range f.words(ms[i].e, ws[v].s) {
			direct = direct && adverbs[w.low]
		}
		if direct {
			return ms[i].ent
		}
		break
	}
	subj := f.subjectPhrase(ws[:v])
	if f.anonymous(subj) {
		return -1
	}
	// a role right before the verb: "The minister said"
	if j >= 0 {
		lo := max(0, j-3)
		for i := lo; i <= j; i++ {
			if entities.TitleWord(ws[i].low) {
				if sp := f.resolveRole(ws[lo:j+1], pos); sp >= 0 {
					return sp
				}
			}
		}
	}
	// else the sentence's subject: its first person not after a preposition
	if sp := f.subject(ms); sp >= 0 {
		return sp
	}
	return f.body(subj, pos)
}

// subjectPhrase returns the words of a clause's subject from the words
// before its verb: the last comma-separated segment ("In Washington, the
// State Department"), or the one before it when that is a relative clause
// or a description set after a name ("Moody's, which cut …, said", "Eva, a
// pensioner, said").
func (f *finder) subjectPhrase(ws []word) []word {
	end := len(ws)
	for end > 0 {
		start := end - 1
		for start > 0 && !f.gapHas(ws[start-1].e, ws[start].s, ",;:(—–") {
			start--
		}
		seg := ws[start:end]
		if start == 0 || !relatives[seg[0].low] && !(determiners[seg[0].low] && f.endsWithName(ws[start-1])) {
			return seg
		}
		end = start
	}
	return nil
}

// relatives open a relative clause.
var relatives = wordSet(`who whom whose which where`)

// determiners open a description ("a pensioner", "the ratings agency").
var determiners = wordSet(`a an the its his her their one another`)

// endsWithName reports whether the word w ends with a mention, or with one
// and a possessive ending.
func (f *finder) endsWithName(w word) bool {
	for _, m := range f.mentionsIn(w.s, w.e) {
		if m.e == w.e || possessive(f.text, m.e) {
			return true
		}
	}
	return false
}

// leadWords are prepositions and participles that open an adverbial.
var leadWords = wordSet(`in at on outside inside after before during from speaking
	asked writing addressing earlier later separately meanwhile elsewhere back
	with under for by since while when as near`)

// anonymous reports whether a subject phrase is indefinite: it names no
// one ("one EU diplomat", "a senior official", "an aide", "sources close
// to the talks", "people familiar with the matter").
func (f *finder) anonymous(subj []word) bool {
	if len(subj) == 0 {
		return false
	}
	w := subj[0].low
	return indefinite[w] || sourceNouns[w] && (len(subj) == 1 || !subj[1].cap)
}

// indefinite determiners open a phrase that does not name its referent.
var indefinite = wordSet(`a an one another some several two three four five many
	other few various numerous`)

// sourceNouns are the bare plurals that stand for unnamed speakers.
var sourceNouns = wordSet(`sources officials diplomats people analysts residents
	witnesses observers critics experts economists traders lawmakers insiders
	aides activists investors officers executives bankers protesters voters
	supporters opponents`)

// body returns the organisation or country that heads a subject phrase:
// one whose mention ends the phrase ("the Foreign Ministry", "Moody's"),
// or a definite description whose noun is a word of its name ("the
// ministry", "the fund"), the one mentioned last before pos. Else -1.
func (f *finder) body(subj []word, pos int) int {
	if len(subj) == 0 {
		return -1
	}
	last := subj[len(subj)-1]
	for _, m := range f.mentionsIn(subj[0].s, last.e) {
		if !m.person && m.e >= last.e {
			return m.ent
		}
	}
	if subj[0].low != "the" || len(subj) > 3 || last.cap {
		return -1
	}
	return f.describedBody(names.Fold(last.low), pos)
}

// describedBody returns the organisation whose name holds the word noun
// ("fund" for the International Monetary Fund), the one mentioned last
// before pos, or -1.
func (f *finder) describedBody(noun string, pos int) int {
	if len(noun) < 3 || entities.TitleWord(noun) {
		return -1
	}
	best, bestPos := -1, -1
	for id, e := range f.ents {
		if e.Kind != "organisation" || !hasWord(names.Fold(e.Name), noun) {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < pos && m.Start > bestPos {
				best, bestPos = id, m.Start
			}
		}
	}
	return best
}

// hasWord reports whether the folded name holds w as a whole word.
func hasWord(name, w string) bool {
	for _, x := range strings.Fields(name) {
		if x == w {
			return true
		}
	}
	return false
}

// label reads a headline's attribution by a colon, the quotation right
// after it: 'Berg: "We will not give in"', 'Opposition leader: ‘…’'.
func (f *finder) label(ws []word, open, k int) (int, bool) {
	if len(ws) > 6 || strings.TrimSpace(f.text[ws[len(ws)-1].e:open]) != ":" {
		return -1, false
	}
	sp := f.resolveNP(ws, open, k)
	return sp, sp >= 0
}

// subject returns the first person of ms not written after a preposition,
// or failing that the first person, or -1.
func (f *finder) subject(ms []mention) int {
	first := -1
	for _, m := range ms {
		if !m.person {
			continue
		}
		if possessive(f.text, m.e) || f.modifiesTitle(m) {
			continue // "Berg's aide said", "Betis defender Perić": not the subject
		}
		if first < 0 {
			first = m.ent
		}
		ws := f.words(max(0, m.s-20), m.s)
		if len(ws) == 0 || !prepositions[ws[len(ws)-1].low] || f.gapHas(ws[len(ws)-1].e, m.s, ".,;:") {
			return m.ent
		}
	}
	return first
}

// resolveNP resolves the subject phrase of an attribution: a named person
// (the last one: "France's Jean-Yves Le Drian"), a role ("the NATO chief"),
// the body that heads it ("the Foreign Ministry", "the fund"), or a
// pronoun. An indefinite phrase ("one EU diplomat") resolves to no one.
func (f *finder) resolveNP(np []word, pos, k int) int {
	for len(np) > 0 && adverbs[np[len(np)-1].low] {
		np = np[:len(np)-1]
	}
	if len(np) == 0 {
		return -1
	}
	ms := f.mentionsIn(np[0].s, np[len(np)-1].e)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].person && f.heads(ms[i], np) {
			return ms[i].ent
		}
	}
	if f.anonymous(np) {
		return -1
	}
	for _, w := range np {
		if entities.TitleWord(w.low) {
			if sp := f.resolveRole(np, pos); sp >= 0 {
				return sp
			}
			break
		}
	}
	if sp := f.body(np, pos); sp >= 0 {
		return sp
	}
	if len(np) <= 2 && pronouns[np[len(np)-1].low] {
		return f.pronoun(np[len(np)-1].s, k)
	}
	return -1
}

// resolveRole finds the person whose role matches a phrase such as "the
// NATO chief" or "the minister": the role holds the head word, or for a
// generic head ("chief") the qualifier; among several, the one mentioned
// last before pos.
func (f *finder) resolveRole(np []word, pos int) int {
	var heads, quals []string
	for _, w := range np {
		switch {
		case entities.TitleWord(w.low):
			heads = append(heads, names.Fold(w.low))
		case w.cap || strings.ToUpper(w.low) == w.low && len(w.low) > 1:
			if w.low != "the" && w.low != "a" {
				quals = append(quals, names.Fold(w.low))
			}
		}
	}
	if len(heads) == 0 {
		return -1
	}
	best, bestScore, bestPos := -1, 0, -1
	for id, e := range f.ents {
		role := f.roles[id]
		if role == "" {
			continue
		}
		score := 0
		generic := true
		for _, h := range heads {
			if !genericHeads[h] {
				generic = false
			}
			if strings.Contains(role, " "+h+" ") || strings.Contains(role, " "+strings.TrimSuffix(h, "s")+" ") {
				score += 2
			}
		}
		for _, q := range quals {
			if strings.Contains(role, " "+q+" ") {
				score++
			}
		}
		if score == 0 || !generic && score < 2 {
			continue
		}
		last := -1
		for _, m := range e.Mentions {
			if m.Start < pos && m.Start > last {
				last = m.Start
			}
		}
		if score > bestScore || score == bestScore && last > bestPos {
			best, bestScore, bestPos = id, score, last
		}
	}
	return best
}

// pronoun resolves "he" or "she" at pos: the speaker of a quotation in the
// nearest sentence before it, or that sentence's first person.
func (f *finder) pronoun(pos, k int) int {
	line := f.lineOf(pos)
	end := pos
	for back := 0; back < 8 && end > 0; back++ {
		ss, _ := f.sentence(end - 1)
		if back == 0 {
			ss, _ = f.sentence(pos)
		}
		if f.lineOf(ss) < line-2 {
			break
		}
		if ss < end {
			for qi := k - 1; qi >= 0; qi-- {
				p := &f.qs[qi]
				if p.open < ss {
					break
				}
				if p.open < end && p.long && p.speaker >= 0 {
					return p.speaker
				}
			}
			if sp := f.subject(f.mentionsIn(max(ss, end-600), end)); sp >= 0 {
				return sp
			}
		}
		end = ss
	}
	return -1
}

// continuation gives a quotation with no attribution the speaker of the
// quotation right before it, when it opens its paragraph (or follows that
// quotation directly) and no other person is named between them.
func (f *finder) continuation(k int) int {
	if k == 0 {
		return -1
	}
	q := &f.qs[k]
	p := &f.qs[k-1]
	if !p.long || p.speaker < 0 || q.line-p.endLine > 1 {
		return -1
	}
	pend := p.close
	if pend < 0 {
		pend = p.e
	}
	// a new paragraph must open with the quotation; in the same paragraph
	// it may follow the attribution ('"A," he said. "B."')
	opensLine := strings.TrimSpace(f.text[f.lines[q.line][0]:q.open]) == ""
	if ss, _ := f.sentence(q.open); !opensLine && (q.line != p.endLine || ss != q.open) {
		return -1
	}
	for _, m := range f.mentionsIn(pend, q.open) {
		if m.person && m.ent != p.speaker {
			return -1
		}
	}
	return p.speaker
}

// propagate gives a quotation left open at a paragraph's end, and not
// attributed, the speaker of the quotation that continues it in the next
// paragraph.
func (f *finder) propagate() {
	for k := len(f.qs) - 2; k >= 0; k-- {
		q, n := &f.qs[k], &f.qs[k+1]
		if !q.long || q.close >= 0 || q.speaker >= 0 || q.attributed || !n.long || n.speaker < 0 {
			continue
		}
		if n.line == q.endLine+1 && strings.TrimSpace(f.text[f.lines[n.line][0]:n.open]) == "" {
			q.speaker = n.speaker
		}
	}
}

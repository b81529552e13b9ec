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
	return f.continuation(k), false
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
	// "said Berg", "said U.S. Secretary of State Anna Berg"
	if f.sayVerb(ws[0]) && !newSentence {
		if np := f.phrase(ws[1:], 10); len(np) > 0 {
			return f.resolveNP(np, q.close, k), true
		}
	}
	// "Berg said", "the Foreign Ministry said", "he told reporters"
	for v := 1; v < lim; v++ {
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
// that "…"', or a framing 'For X, …' / 'According to X, …'.
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
	v := -1
	for i := len(ws) - 1; i >= 0; i-- {
		if f.sayVerb(ws[i]) || !ws[i].cap && introVerbs[ws[i].low] {
			v = i
			break
		}
	}
	if v >= 0 {
		// "A," he said, "B": the second part has the first part's speaker
		if k > 0 {
			if p := &f.qs[k-1]; p.long && p.attributed && p.close >= ss && p.close < ws[v].s {
				return p.speaker, true
			}
		}
		j := v - 1
		for j >= 0 && adverbs[ws[j].low] {
			j--
		}
		if j >= 0 && pronouns[ws[j].low] {
			return f.pronoun(ws[j].s, k), true
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
				return ms[i].ent, true
			}
			break
		}
		// a role right before the verb: "The minister said"
		if j >= 0 {
			lo := max(0, j-3)
			for i := lo; i <= j; i++ {
				if entities.TitleWord(ws[i].low) {
					if sp := f.resolveRole(ws[lo:j+1], q.open); sp >= 0 {
						return sp, true
					}
				}
			}
		}
		// else the sentence's subject: its first person not after a preposition
		if sp := f.subject(ms); sp >= 0 {
			return sp, true
		}
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].kind == "organisation" {
				return ms[i].ent, true
			}
		}
		return -1, true
	}
	// "For transatlantic advocates such as X, …", "According to X, …"
	if from > ss {
		return -1, false
	}
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

// subject returns the first person of ms not written after a preposition,
// or failing that the first person, or -1.
func (f *finder) subject(ms []mention) int {
	first := -1
	for _, m := range ms {
		if !m.person {
			continue
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
// a body or a country, or a pronoun.
func (f *finder) resolveNP(np []word, pos, k int) int {
	if len(np) == 0 {
		return -1
	}
	ms := f.mentionsIn(np[0].s, np[len(np)-1].e)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].person {
			return ms[i].ent
		}
	}
	for _, w := range np {
		if entities.TitleWord(w.low) {
			if sp := f.resolveRole(np, pos); sp >= 0 {
				return sp
			}
			break
		}
	}
	for _, kind := range []string{"organisation", "country"} {
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].kind == kind {
				return ms[i].ent
			}
		}
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

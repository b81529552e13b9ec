package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lineKind is what a line of the raw text turned out to be.
type lineKind int

const (
	lBlank    lineKind = iota
	lContent           // body text
	lNoise             // boilerplate: removed and reported
	lMeta              // byline, date, credit: consumed into metadata
	lCaption           // photo caption: kept apart
	lHeadline          // the headline itself
	lDateline          // an all-capitals dateline line
)

// blockKind is the kind of a block of the cleaned body.
type blockKind int

const (
	bPara     blockKind = iota
	bHeading            // "## …"
	bQuestion           // "### …" in a Q&A section
	bBullet             // "- …"
	bNumbered           // "1. …"
)

// block is one paragraph, heading or list item of the cleaned body, as
// plain text.
type block struct {
	kind blockKind
	text string
}

// doc is an article as parse understands it.
type doc struct {
	title, outlet, byline, dateline string
	published                       time.Time
	updated                         time.Time // an "Updated" stamp, the last resort for published
	captions, removed, notes        []string

	blocks   []block
	qa       []QA
	masthead string // the site's name printed above the headline
	lead     string // the first paragraph, without any wire dateline
	wireDate string // the date a wire dateline gives, without a year
	summary  string
	plain    string // the blocks' text joined by blank lines
	starts   []int  // offset of each block's text in plain
}

// firstParagraphs returns the text of up to n leading paragraphs.
func (d *doc) firstParagraphs(n int) []string {
	var out []string
	for _, b := range d.blocks {
		if b.kind == bPara && len(out) < n {
			out = append(out, b.text)
		}
	}
	return out
}

// lines holds the raw lines of an article while parse classifies them.
type lines struct {
	text     []string
	kind     []lineKind
	strength []noise
	meta     []*meta
}

// parse cleans and structures a raw article.
func parse(raw []byte) *doc {
	d := &doc{}
	ls := splitLines(normalize(raw))
	n := len(ls)
	l := &lines{text: ls, kind: make([]lineKind, n), strength: make([]noise, n), meta: make([]*meta, n)}
	for i, s := range ls {
		l.kind[i] = classify(l, i, s)
	}

	markCredits(l)
	dropRoleLines(l)
	run, runIdx := findRunOn(l)
	h := d.findHeadline(l, run, runIdx)
	d.dropRepeats(l, h)
	bylineOverDate(l, h)
	dropNavTitles(l)
	b := bodyStart(l, h, runIdx)
	d.header(l, h, b)
	cut := trailingCut(l, b)
	for i := 0; i < n; i++ {
		if l.kind[i] == lNoise || i >= cut && (l.kind[i] == lContent || l.kind[i] == lCaption) {
			d.removed = append(d.removed, ls[i])
		}
		if l.kind[i] == lCaption && i < cut && !contains(d.captions, ls[i]) {
			d.captions = append(d.captions, ls[i])
		}
	}
	d.applyMeta(l, run, cut)
	units := joinLines(l, cut)
	d.structure(units)
	d.finishLead()
	d.settlePublished()
	return d
}

// classify looks at one line on its own.
func classify(l *lines, i int, s string) lineKind {
	if s == "" {
		return lBlank
	}
	if nz := lineNoise(s); nz != notNoise {
		l.strength[i] = nz
		return lNoise
	}
	if m := metaLine(s); m != nil {
		l.meta[i] = m
		if m.rest != "" {
			l.text[i] = m.rest // a date glued to the first paragraph
			return lContent
		}
		return lMeta
	}
	if wordCount(s) <= 8 && dateKey.MatchString(s) {
		return lNoise // "Updated 2 hours ago"
	}
	if isCaption(s) {
		return lCaption
	}
	return lContent
}

// unit is one line, or several hard-wrapped lines, of body text.
type unit struct {
	text  string
	group int // units of one group had no blank line between them
}

// joinLines returns the body lines before cut as units, joining lines that
// were hard-wrapped.
func joinLines(l *lines, cut int) []unit {
	var out []unit
	group := 0
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if wrapped(cur) {
			out = append(out, unit{strings.Join(cur, " "), group})
		} else {
			for j := 0; j < len(cur); j++ {
				s := cur[j]
				for j+1 < len(cur) && continues(s, cur[j+1]) {
					j++
					s += " " + cur[j]
				}
				out = append(out, unit{s, group})
			}
		}
		cur = cur[:0]
		group++
	}
	for i := 0; i < cut; i++ {
		if l.kind[i] != lContent {
			flush()
			continue
		}
		cur = append(cur, l.text[i])
	}
	flush()
	return out
}

// wrapped reports whether a group of lines is one hard-wrapped paragraph:
// several lines of modest width, the last ending a sentence.
func wrapped(group []string) bool {
	if len(group) < 2 || !endsSentence(group[len(group)-1]) {
		return false
	}
	for i, s := range group {
		if len(s) > 100 || listMarker(s) != "" {
			return false
		}
		if i < len(group)-1 && (len(s) < 45 || strings.HasSuffix(s, "?")) {
			return false
		}
	}
	return true
}

// continues reports whether next continues the sentence of s.
func continues(s, next string) bool {
	if endsSentence(s) || listMarker(next) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// listMarker returns the marker of a list item ("•", "-", "1.") or "".
func listMarker(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("•·▪◦●‣∙■□➢►", r) {
		return s[:size]
	}
	if strings.ContainsRune("-*–+", r) && len(s) > size+1 && s[size] == ' ' {
		return s[:size]
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s)-1 && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return s[:i+1]
	}
	return ""
}

// structure turns units into blocks: list items, headings, a Q&A section
// and paragraphs.
func (d *doc) structure(units []unit) {
	blocks := make([]block, 0, len(units))
	for i, u := range units {
		m := listMarker(u.text)
		text := strings.TrimSpace(u.text[len(m):])
		switch {
		case text == "":
			continue
		case m != "" && isDigit(m[0]):
			if numberedNeighbour(units, i) {
				blocks = append(blocks, block{bNumbered, text})
				continue
			}
			blocks = append(blocks, block{bPara, u.text})
		case m != "":
			blocks = append(blocks, block{bBullet, text})
		default:
			blocks = append(blocks, block{bPara, u.text})
		}
	}
	for i := range blocks {
		// A long first line without a full stop is a standfirst, not a
		// heading.
		if blocks[i].kind == bPara && i < len(blocks)-1 && headingText(blocks[i].text) && (i > 0 || wordCount(blocks[i].text) < 8) {
			blocks[i].kind = bHeading
		}
	}
	blocks = d.dropFurniture(blocks)
	d.blocks = d.questions(blocks)
}

// dropFurniture removes the site's section labels printed at the top of an
// article ("Key Points", "In Depth"): short Title Case lines that head a
// summary list or stand above a second headline, before the story's
// running text has got going, and that share no word with the article.
// A real subhead ("What Happens Next", "Why the talks matter") heads
// paragraphs, sits further down or uses the article's own words.
func (d *doc) dropFurniture(blocks []block) []block {
	out := blocks[:0]
	paras := 0
	for i, b := range blocks {
		if b.kind == bPara && substantialPara(b.text) {
			paras++
		}
		if b.kind != bHeading || paras > 1 || i+1 >= len(blocks) || !labelShaped(b.text) {
			out = append(out, b)
			continue
		}
		if next := blocks[i+1].kind; next != bBullet && next != bNumbered && next != bHeading {
			out = append(out, b)
			continue
		}
		if sharesWord(b.text, blocks) {
			out = append(out, b)
			continue
		}
		d.removed = append(d.removed, b.text)
	}
	return out
}

// labelShaped reports whether s looks like a site's label rather than a
// subhead: one to three words, each capitalised (connectives aside), no
// digits and no punctuation but a hyphen or an apostrophe.
func labelShaped(s string) bool {
	words := strings.Fields(s)
	if len(words) > 3 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && (i == 0 || !smallWords[w]) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return len(words) > 0
}

// sharesWord reports whether a content word of label (three letters or
// more, singular or plural, in lower case or capitalised) occurs as a
// word in the article's paragraphs or list items.
func sharesWord(label string, blocks []block) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 3 || smallWords[w] {
			continue
		}
		forms := []string{w, w + "s"}
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			forms = append(forms, w[:len(w)-1])
		}
		for _, f := range forms {
			r, n := utf8.DecodeRuneInString(f)
			title := string(unicode.ToUpper(r)) + f[n:]
			for _, b := range blocks {
				if b.kind != bHeading && (hasWord(b.text, f, true) || hasWord(b.text, title, true)) {
					return true
				}
			}
		}
	}
	return false
}

// hasWord reports whether w occurs in text with no letter before it and,
// when whole, none after it.
func hasWord(text, w string, whole bool) bool {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if (i == 0 || !unicode.IsLetter(before)) && (!whole || i+len(w) == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		off = i + len(w)
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberedNeighbour reports whether the unit before or after i is also a
// numbered item, so that a lone "1. …" line is text, not a list.
func numberedNeighbour(units []unit, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(units) {
			if m := listMarker(units[j].text); m != "" && isDigit(m[0]) {
				return true
			}
		}
	}
	return false
}

// headingText reports whether s reads as a section heading: a short line
// that starts with a capital and ends without punctuation.
func headingText(s string) bool {
	if wordCount(s) > 20 || len(s) > 150 || endsClosed(s) || !hasLetter(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// questionText reports whether s is a question line of an FAQ: one short
// sentence ending in "?", not a quotation.
func questionText(s string) bool {
	if !strings.HasSuffix(s, "?") || wordCount(s) > 30 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	inner := s[:len(s)-1]
	for _, stop := range []string{". ", "! ", "? "} {
		if strings.Contains(inner, stop) {
			return false
		}
	}
	return !strings.ContainsAny(s, "\"“”")
}

// cutMarker removes the "Q:" or "Question:" (short or long) that an
// interview prints before a question or an answer.
func cutMarker(s, short, long string) string {
	for _, m := range []string{short, long} {
		if rest, ok := strings.CutPrefix(s, m); ok && len(rest) > 2 && (rest[0] == ':' || rest[0] == '.') && rest[1] == ' ' {
			return strings.TrimSpace(rest[2:])
		}
	}
	return s
}

// questions finds runs of two or more question lines each followed by an
// answer, records them as Q&A pairs and marks them up as a Q&A section.
func (d *doc) questions(blocks []block) []block {
	var out []block
	for i := 0; i < len(blocks); {
		var pairs []QA
		var section []block
		j := i
		for j < len(blocks) && blocks[j].kind == bPara && questionText(blocks[j].text) {
			k := j + 1
			var answer []string
			for k < len(blocks) && blocks[k].kind == bPara && !questionText(blocks[k].text) {
				answer = append(answer, blocks[k].text)
				k++
			}
			if len(answer) == 0 {
				break
			}
			q := cutMarker(blocks[j].text, "Q", "Question")
			answer[0] = cutMarker(answer[0], "A", "Answer")
			pairs = append(pairs, QA{Question: q, Answer: strings.Join(answer, " ")})
			section = append(section, block{bQuestion, q})
			for _, a := range answer {
				section = append(section, block{bPara, a})
			}
			j = k
		}
		if len(pairs) < 2 {
			out = append(out, blocks[i])
			i++
			continue
		}
		if len(out) == 0 || out[len(out)-1].kind != bHeading {
			out = append(out, block{bHeading, "Questions and answers"})
		}
		out = append(out, section...)
		d.qa = append(d.qa, pairs...)
		i = j
	}
	return out
}

// finishLead cuts a wire dateline from the first paragraph (or from the
// second, after a standfirst without a full stop), takes the summary from
// the lead and lays out the plain text.
func (d *doc) finishLead() {
	lead := -1
	for i := range d.blocks {
		if d.blocks[i].kind != bPara {
			continue
		}
		if lead >= 0 && endsSentence(d.blocks[lead].text) {
			break
		}
		if lead < 0 {
			lead = i
		}
		// The dateline opens the lead, which may follow a standfirst.
		if city, outlet, date, rest, ok := wireDateline(d.blocks[i].text); ok {
			d.blocks[i].text = rest
			d.dateline = or(d.dateline, city)
			d.outlet = or(outlet, d.outlet)
			d.wireDate = date
			lead = i
			break
		}
		if i != lead {
			break
		}
	}
	if lead >= 0 {
		d.lead = d.blocks[lead].text
		d.summary = summarize(d.lead, 60)
		if strings.HasSuffix(d.lead, "reports.") || strings.HasSuffix(d.lead, "reported.") {
			// The credit is the lead's last clause: search only its tail.
			if m := ownCorrespondent.FindStringSubmatch(d.lead[max(0, len(d.lead)-300):]); m != nil {
				d.outlet = or(d.outlet, m[1])
			}
		}
	}
	var b strings.Builder
	size := 0
	for _, bl := range d.blocks {
		size += len(bl.text) + 2
	}
	b.Grow(size)
	d.starts = make([]int, len(d.blocks))
	for i, bl := range d.blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		d.starts[i] = b.Len()
		b.WriteString(bl.text)
	}
	d.plain = b.String()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

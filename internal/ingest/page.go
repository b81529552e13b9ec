package ingest

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/names"
)

// findRunOn finds a run-on header line and puts its body text in its place.
func findRunOn(l *lines) (*runOn, int) {
	for i, s := range l.text {
		if l.kind[i] != lContent {
			continue
		}
		if r := parseRunOn(s); r != nil {
			l.text[i] = r.body
			return r, i
		}
	}
	return nil, -1
}

// findHeadline sets the title from the line the page prints twice near the
// top, else from the first substantial line, and drops the mastheads,
// taglines and labels above it (remembering a masthead as the outlet); it
// returns the headline's line, or -1.
func (d *doc) findHeadline(l *lines, run *runOn, runIdx int) int {
	first := repeatedLine(l, runIdx)
	for i, s := range l.text {
		if first >= 0 && i >= first {
			break
		}
		if l.kind[i] != lContent {
			continue
		}
		if first < 0 && (i == runIdx || wordCount(s) >= 4 || wordCount(s) >= 2 && letters(s) >= 8 && !kicker(l, i)) {
			first = i
			break
		}
		// A masthead, tagline, kicker or section label above the headline.
		if d.masthead == "" && masthead(l, i) {
			d.masthead = s
		}
		l.kind[i] = lNoise
	}
	if first >= 0 && first != runIdx && headlineLike(l.text[first]) && !wrappedAt(l, first) {
		d.title = l.text[first]
		// A page title: "Headline | Outlet".
		if i := strings.LastIndex(d.title, " | "); i > 0 && wordCount(d.title[:i]) >= 3 && wordCount(d.title[i+3:]) <= 5 {
			d.title, d.outlet = strings.TrimSpace(d.title[:i]), strings.TrimSpace(d.title[i+3:])
		}
		l.kind[first] = lHeadline
		return first
	}
	if run != nil {
		d.title = run.title
	}
	return -1
}

// repeatedLine returns the first headline-like line near the top that the
// page prints again a few lines further down, as pasted pages do with
// their headline, or -1.
func repeatedLine(l *lines, runIdx int) int {
	for i, s := range l.text {
		if i == runIdx || runIdx >= 0 && i > runIdx || substantialPara(s) && l.kind[i] == lContent {
			return -1 // the body has begun
		}
		if l.kind[i] != lContent || wordCount(s) < 3 || !headlineLike(s) {
			continue
		}
		fs := names.Fold(s)
		for j := i + 1; j < len(l.text) && j <= i+12; j++ {
			if l.kind[j] == lContent && abs(len(l.text[j])-len(s)) <= len(s)/10+2 && nearEqual(names.Fold(l.text[j]), fs) {
				return i
			}
		}
	}
	return -1
}

// masthead reports whether the line i above the headline is the site's
// name: a short capitalised line next to the page's menus.
func masthead(l *lines, i int) bool {
	s := l.text[i]
	if wordCount(s) > 4 || letters(s) < 3 || endsClosed(s) || !unicode.IsUpper([]rune(s)[0]) {
		return false
	}
	for _, w := range strings.Fields(s) {
		if r := []rune(w)[0]; !unicode.IsUpper(r) && !lowerSmall[strings.ToLower(w)] {
			return false
		}
	}
	j := nextNonBlank(l, i)
	return j == i+1 && l.kind[j] == lNoise
}

// kicker reports whether the short line i is a label above the headline
// (a section name, a menu item, a kicker): the first longer line below it,
// past menus and other short lines, is itself a headline rather than the
// article's text.
func kicker(l *lines, i int) bool {
	for j := i + 1; j < len(l.text) && j <= i+20; j++ {
		if l.kind[j] != lContent || wordCount(l.text[j]) < 4 {
			continue
		}
		return headlineLike(l.text[j]) && !endsSentence(l.text[j]) && !wrappedAt(l, j)
	}
	return false
}

// wrappedAt reports whether line i begins or continues a hard-wrapped
// paragraph, so that it is not a line of its own.
func wrappedAt(l *lines, i int) bool {
	if i+1 >= len(l.text) || l.kind[i+1] != lContent {
		return false
	}
	if continues(l.text[i], l.text[i+1]) {
		return true
	}
	end := i + 1
	for end < len(l.text) && l.kind[end] == lContent {
		end++
	}
	return wrapped(l.text[i:end])
}

// headlineLike reports whether s can be a headline rather than a paragraph.
func headlineLike(s string) bool {
	w := wordCount(s)
	if w > 30 || len(s) > 250 || w > 16 && endsSentence(s) {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(s, `"'”’)`), ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return !strings.ContainsRune("\"“‘'«(-•*", r)
}

// dropRepeats marks every other line that repeats the headline as noise;
// a repeat with an outlet after a separator ("Title | Outlet") gives the
// outlet.
func (d *doc) dropRepeats(l *lines, h int) {
	if d.title == "" {
		return
	}
	ft := names.Fold(d.title)
	first, _, _ := strings.Cut(d.title, " ")
	for i, s := range l.text {
		if i == h || l.kind[i] != lContent || len(s) > 2*len(d.title)+60 || len(s) < len(d.title)/2 || wordCount(s) > wordCount(d.title)+8 {
			continue
		}
		if w, _, _ := strings.Cut(s, " "); !strings.EqualFold(w, first) {
			continue // a repeat starts with the headline's first word
		}
		fs := names.Fold(s)
		if nearEqual(fs, ft) {
			l.kind[i] = lNoise
			continue
		}
		// The headline line was "Headline - Outlet"; this is the bare headline.
		if len(s) < len(d.title) && strings.HasPrefix(d.title, s) && wordCount(s) >= 3 {
			if rest := d.title[len(s):]; strings.HasPrefix(rest, " - ") || strings.HasPrefix(rest, " – ") || strings.HasPrefix(rest, " — ") {
				if outlet := strings.TrimSpace(strings.TrimLeft(rest, " -–—")); wordCount(outlet) <= 5 {
					d.title, d.outlet = s, or(d.outlet, outlet)
					ft = names.Fold(s)
					l.kind[i] = lNoise
					continue
				}
			}
		}
		if strings.HasPrefix(fs, ft) {
			if rest := strings.TrimLeft(s[min(len(s), len(d.title)):], " |-–—:"); len(s) > len(d.title) && wordCount(rest) <= 5 && strings.ContainsAny(s[len(d.title):min(len(s), len(d.title)+4)], "|-–—") {
				l.kind[i] = lNoise
				if d.outlet == "" && rest != "" {
					d.outlet = rest
				}
			}
		}
	}
}

// nearEqual reports whether two folded lines are the same up to a few
// characters (a typo, a dropped word of punctuation).
func nearEqual(a, b string) bool {
	if a == b {
		return true
	}
	limit := max(len(b)/25, 1)
	if len(b) < 20 || abs(len(a)-len(b)) > limit {
		return false
	}
	return boundedDistance(a, b, limit) <= limit
}

// boundedDistance is the edit distance between a and b in bytes, or
// limit+1 once it exceeds limit.
func boundedDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dropNavTitles marks as noise the headline that follows "Previous
// Article" or "Next Article", and the list of headlines under a "Read
// more:" or "Related stories" label.
func dropNavTitles(l *lines) {
	for i, s := range l.text {
		if l.kind[i] != lNoise {
			continue
		}
		if k := noiseKey(s); linkLabel(k) {
			dropTeasers(l, i)
			continue
		} else if !navLabel(k) {
			continue
		}
		for j := i + 1; j < len(l.text); j++ {
			if l.kind[j] == lBlank {
				continue
			}
			if l.kind[j] == lContent && wordCount(l.text[j]) <= 20 && !strings.HasSuffix(l.text[j], ".") {
				l.kind[j] = lNoise
			}
			break
		}
	}
}

// dropTeasers marks the short headline lines after the label at i as
// noise, up to the first blank line or line of running text after them.
func dropTeasers(l *lines, i int) {
	seen := false
	for j := i + 1; j < len(l.text); j++ {
		s := l.text[j]
		switch {
		case l.kind[j] == lBlank && !seen:
			continue
		case l.kind[j] == lContent && wordCount(s) <= 15 && !endsSentence(s):
			l.kind[j], seen = lNoise, true
			continue
		}
		return
	}
}

// linkLabel reports whether k labels a list of links to other articles.
func linkLabel(k string) bool {
	switch k {
	case "read more", "read also", "also read", "see also", "related", "related stories", "related articles",
		"related coverage", "related content", "related news", "more on this story", "recommended",
		"you may also like", "you might also like", "more stories", "most read", "more from", "read next":
		return true
	}
	return false
}

func navLabel(k string) bool {
	switch k {
	case "previous article", "next article", "previous post", "next post", "previous story", "next story", "previous", "next", "prev", "read next", "up next":
		return true
	}
	return false
}

// bodyStart returns the first line of running text after the headline.
func bodyStart(l *lines, h, runIdx int) int {
	for i := h + 1; i < len(l.text); i++ {
		if l.kind[i] != lContent {
			continue
		}
		if i == runIdx || wordCount(l.text[i]) >= 8 || endsSentence(l.text[i]) {
			return i
		}
	}
	return len(l.text)
}

// header sorts out the lines between the headline and the body: a dateline,
// captions under the headline, date stamps, labels that head a list, and
// other short lines (kickers, bylines without "By"), which are dropped.
func (d *doc) header(l *lines, h, b int) {
	for i := h + 1; i < b; i++ {
		if l.kind[i] != lContent {
			continue
		}
		s := l.text[i]
		if city, ok := capsDateline(s); ok && d.dateline == "" {
			l.kind[i] = lDateline
			d.dateline = city
			continue
		}
		if endsWithCredit(s) {
			l.kind[i] = lCaption
			continue
		}
		if t, _, ok := parseDatePrefix(s); ok {
			l.kind[i], l.meta[i] = lMeta, &meta{kind: metaDate, published: t} // "May 15, 2025 11:23 AM GMT+2Updated 2 hours ago"
			continue
		}
		if name := nameList(s); name != "" && wordCount(s) <= 5 && i+1 < b && roleLine(l.text[i+1]) {
			l.kind[i], l.meta[i] = lMeta, &meta{kind: metaByline, byline: name} // "Jane Doe" over "Business correspondent"
			l.kind[i+1] = lNoise
			i++
			continue
		}
		// A label in the header heads a list that follows; anything else
		// there (kickers, bylines without "By") is dropped and reported.
		if next := nextNonBlank(l, i); next < 0 || l.kind[next] != lContent || listMarker(l.text[next]) == "" {
			l.kind[i] = lNoise
		}
	}
}

// roleLine reports whether s is a reporter's job title printed under the
// name ("Business correspondent, NBS Scotland", "Local Democracy
// Reporter").
func roleLine(s string) bool {
	return s != "" && wordCount(s) <= 8 && !endsSentence(s) && roleWords.MatchString(s)
}

// bylineOverDate finds, between the headline h and the story, a byline
// printed without "By" just over the date line: "Jane Doe in Lisbon", then
// "Sun 12 Jul 2026".
func bylineOverDate(l *lines, h int) {
	for i := h + 1; i < len(l.text); i++ {
		s := l.text[i]
		if l.kind[i] == lContent && substantialPara(s) {
			return // the story has begun
		}
		if l.kind[i] != lContent || wordCount(s) > 8 || roleLine(s) {
			continue
		}
		j := nextNonBlank(l, i)
		if j < 0 || l.kind[j] != lMeta || l.meta[j] == nil || l.meta[j].kind != metaDate {
			continue
		}
		if name := creditNames(s); name != "" {
			l.kind[i], l.meta[i] = lMeta, &meta{kind: metaByline, byline: name}
		}
	}
}

// dropRoleLines marks as noise the job title printed under a byline.
func dropRoleLines(l *lines) {
	for i := 1; i < len(l.text); i++ {
		if m := l.meta[i-1]; m != nil && m.kind == metaByline && l.kind[i] == lContent && roleLine(l.text[i]) {
			l.kind[i] = lNoise
		}
	}
}

// markCredits finds photo credits printed on a line of their own just
// above the caption ("Getty Images", then "Rescuers search the rubble"):
// the credit is noise and the line below it a caption.
func markCredits(l *lines) {
	for i := 0; i+1 < len(l.text); i++ {
		s := l.text[i]
		if i > 0 && l.kind[i-1] != lBlank || l.kind[i+1] != lContent || wordCount(s) > 4 {
			continue
		}
		photo := l.kind[i] == lCaption
		if !photo && (l.kind[i] != lContent || !outletLike(s)) {
			continue
		}
		c := l.text[i+1]
		if w := wordCount(c); w < 3 || w > 40 || !photo && endsSentence(c) || listMarker(c) != "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(c); !unicode.IsUpper(r) {
			continue
		}
		l.kind[i], l.kind[i+1] = lNoise, lCaption
		i++
	}
}

func nextNonBlank(l *lines, i int) int {
	for j := i + 1; j < len(l.text); j++ {
		if l.kind[j] != lBlank {
			return j
		}
	}
	return -1
}

// trailingCut returns the line from which the rest of the text is page
// navigation: an end marker (previous/next article, ratings, related
// stories) with less running text after it than before, or any
// boilerplate line followed only by boilerplate and short teaser lines.
func trailingCut(l *lines, b int) int {
	n := len(l.text)
	tailOK := make([]bool, n+1)
	after := make([]int, n+1) // substantial paragraphs from line i on
	tailOK[n] = true
	for i := n - 1; i >= 0; i-- {
		s := l.text[i]
		teaser := l.kind[i] != lContent || wordCount(s) <= 15 && !endsSentence(s) && listMarker(s) == ""
		tailOK[i] = teaser && tailOK[i+1]
		after[i] = after[i+1]
		if l.kind[i] == lContent && substantialPara(s) {
			after[i]++
		}
	}
	for i := b + 1; i < n; i++ {
		before := after[b] - after[i]
		if l.kind[i] == lContent && aboutLine(l, i) && after[i] < before {
			return i // "About Acme Corp": a press release's boilerplate
		}
		if l.kind[i] != lNoise {
			continue
		}
		if l.strength[i] == endNoise && after[i] < before || tailOK[i+1] {
			return i
		}
	}
	return n
}

// aboutLine reports whether line i heads an organisation's boilerplate,
// as press releases end: "About" and a capitalised name, and a paragraph
// that begins with the name ("About Acme", then "Acme is a …").
func aboutLine(l *lines, i int) bool {
	rest, ok := strings.CutPrefix(l.text[i], "About ")
	if !ok || wordCount(rest) > 7 || endsClosed(rest) {
		return false
	}
	j := nextNonBlank(l, i)
	if j < 0 || !strings.HasPrefix(strings.TrimPrefix(l.text[j], "The "), strings.TrimPrefix(rest, "The ")) {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) && !lowerSmall[w] && !nameConnectors[w] {
			return false
		}
	}
	return true
}

func substantialPara(s string) bool { return wordCount(s) >= 15 && endsSentence(s) }

// applyMeta settles byline, outlet, dateline and publication date from the
// metadata lines before the cut (and credits after it), the run-on header,
// in that order of trust.
func (d *doc) applyMeta(l *lines, run *runOn, cut int) {
	var by, credit, source, copy string
	var pub, upd time.Time
	for i, m := range l.meta {
		if m == nil || i >= cut && m.kind != metaSource && m.kind != metaCredit && m.kind != metaCopyright {
			continue
		}
		switch m.kind {
		case metaByline:
			by = or(by, m.byline)
			copy = or(copy, m.outlet)
		case metaCredit:
			credit = or(credit, m.byline)
			if m.byline == "" {
				d.notes = append(d.notes, "removed a credit line: "+clip(l.text[i], 60))
			}
		case metaSource:
			source = or(source, m.byline)
			copy = or(copy, m.outlet)
		case metaCopyright:
			copy = or(copy, m.outlet)
		}
		if !m.published.IsZero() {
			if m.updated && upd.IsZero() {
				upd = m.published
			} else if !m.updated && pub.IsZero() {
				pub = m.published
			}
		}
	}
	if run != nil {
		d.outlet = or(run.outlet, d.outlet)
		d.dateline = or(run.city, d.dateline)
		by = or(by, run.byline)
		if pub.IsZero() {
			pub = run.published
		}
	}
	d.byline = or(by, or(credit, source))
	d.outlet = or(d.outlet, or(copy, d.masthead))
	d.published, d.updated = pub, upd
}

// settlePublished falls back, when no line gave the publication date, on
// a wire dateline that prints the year, and then on an "Updated" stamp.
func (d *doc) settlePublished() {
	if !d.published.IsZero() {
		return
	}
	if d.wireDate != "" && strings.ContainsAny(d.wireDate, "0123456789") && longestDigits(d.wireDate) == 4 {
		if t, ok := parseDate(d.wireDate); ok {
			d.published = t
			return
		}
	}
	if !d.updated.IsZero() {
		d.published = d.updated
		d.notes = append(d.notes, "publication date taken from an \"Updated\" line: the article may be older")
	}
}

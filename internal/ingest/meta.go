package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// metaKind is the kind of metadata a line gives.
type metaKind int

const (
	metaByline    metaKind = iota + 1 // "By Jane Doe"
	metaSource                        // "Source: Jane Doe" footer
	metaDate                          // "Published: …", "date 2025-05-15", a date alone
	metaCredit                        // "X reported from A", "Reporting by", "contributed to this report"
	metaCopyright                     // "© 2025 Outlet"
)

// meta is what one metadata line says.
type meta struct {
	kind      metaKind
	byline    string
	outlet    string
	published time.Time
	updated   bool   // the date is an "Updated" date
	rest      string // body text glued after a date
}

var (
	dateKey      = regexp.MustCompile(`^(?i:(first\s+)?(published|updated|last\s+updated|last\s+modified|posted|modified|dated|date))\b(?i:\s+on)?\s*[:\-–—]?\s*`)
	byKey        = regexp.MustCompile(`^(?i:by)[:\s]\s*`)
	sourceKey    = regexp.MustCompile(`^(?i:source|sources|text|written by|author|words)\s*:\s*`)
	reportingBy  = regexp.MustCompile(`^\(?(?i:reporting|additional reporting|writing|reported|compiled) by\s+`)
	contributed  = regexp.MustCompile(`(?i)\bcontributed(?: (?:to this (?:report|story|article)|reporting|additional reporting)\b| from [\p{Lu}][^.]*\.?$|\.?$)`)
	copyright    = regexp.MustCompile(`^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.*?)\.?\s*(?i:all rights reserved\.?)?$`)
	placesOnly   = regexp.MustCompile(`^(?:the )?[\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*)*(?:, (?:the )?[\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*)*)*(?:,? and [\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*){0,3} (?:reported )?from (?:the )?[\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*)*(?:, [\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*)*)*)*\.?$`)
	alsoFrom     = regexp.MustCompile(`(?:,\s*)?\band ([\p{Lu}][\p{L}'’.\-]*(?: [\p{Lu}][\p{L}'’.\-]*){0,3}) (?:reported )?from\b`)
	trailingYear = regexp.MustCompile(`[\s,]+\d{4}(?:\s*[-–]\s*\d{4})?\.?$`)
	parenNote    = regexp.MustCompile(`\s*\([^()]*\)`)
	inPlace      = regexp.MustCompile(`\s+in\s+[\p{Lu}].*$`)
	roleWords    = regexp.MustCompile(`(?i)\b(?:writer|reporter|correspondent|editor|contributor|staff|bureau|chief|columnist|journalist|analyst|producer|news desk|desk)\b`)
)

// metaLine says what a line gives as metadata, or nil if it is not such a
// line.
func metaLine(s string) *meta {
	words := wordCount(s)
	if !metaStart(s) {
		return creditOrDate(s, words)
	}
	if words > 40 {
		if m := dateKey.FindStringIndex(s); m != nil {
			return gluedDate(s, m[1])
		}
		return nil
	}
	if m := byKey.FindStringIndex(s); m != nil && words <= 16 {
		return bylineLine(s[m[1]:])
	}
	if m := dateKey.FindStringIndex(s); m != nil {
		return gluedDate(s, m[1])
	}
	if m := sourceKey.FindStringIndex(s); m != nil && words <= 8 {
		if v := strings.TrimRight(strings.TrimSpace(s[m[1]:]), "."); acronym(v) {
			return &meta{kind: metaSource, outlet: v} // "Source: AFP" names an outlet
		}
		if name := nameList(s[m[1]:]); name != "" {
			return &meta{kind: metaSource, byline: name}
		}
	}
	if m := reportingBy.FindStringIndex(s); m != nil {
		rest := s[m[1]:]
		if i := strings.IndexAny(rest, ";)"); i >= 0 {
			rest = rest[:i]
		}
		return &meta{kind: metaCredit, byline: creditNames(rest)}
	}
	return creditOrDate(s, words)
}

// creditOrDate reads the metadata lines that do not start with a keyword:
// reporting credits and a date alone.
func creditOrDate(s string, words int) *meta {
	if i := strings.Index(s, " reported from "); i > 0 && words <= 30 && placesOnly.MatchString(s[i+len(" reported from "):]) {
		if first := nameList(s[:i]); first != "" {
			byline := first
			for _, m := range alsoFrom.FindAllStringSubmatch(s[i:], -1) {
				byline += " and " + m[1]
			}
			return &meta{kind: metaCredit, byline: byline}
		}
	}
	if words <= 40 && strings.Contains(s, "contributed") && contributed.MatchString(s) && (strings.Contains(s, "contributed to") || strings.Contains(s, "contributed reporting") || strings.Contains(s, "contributed additional") || roleWords.MatchString(s)) {
		return &meta{kind: metaCredit}
	}
	if strings.HasPrefix(s, "©") || strings.HasPrefix(s, "(c)") || strings.HasPrefix(s, "(C)") || len(s) >= 9 && equalLower(s[:9], "copyright") {
		if words > 12 {
			// "Copyright 2026 Outlet. All rights reserved. Outlet is not
			// responsible for …": the notice is the first sentence.
			if i := strings.Index(s, ". "); i > 0 {
				s = s[:i+1]
				words = wordCount(s)
			}
		}
		if m := copyright.FindStringSubmatch(s); m != nil && words <= 12 {
			out := strings.TrimRight(strings.TrimSpace(trailingYear.ReplaceAllString(m[1], "")), ".,")
			if wordCount(out) > 6 {
				out = ""
			}
			return &meta{kind: metaCopyright, outlet: out}
		}
	}
	if words <= 10 && strings.ContainsAny(s, "0123456789") {
		if t, rest, ok := parseDatePrefix(s); ok && rest == "" {
			return &meta{kind: metaDate, published: t}
		}
	}
	return nil
}

// outletWords and agencies mark a name as a news outlet's.
var (
	outletWords = regexp.MustCompile(`\b(?:News|Press|Times|Post|Agency|Journal|Herald|Tribune|Telegraph|Gazette|Guardian|Network|Media|Radio|Television|TV|Daily|Wire|Broadcasting|Chronicle|Observer|Courier|Ledger|Review|Monitor)\b`)
	agencies    = setOf("reuters", "afp", "ap", "bloomberg", "xinhua", "anadolu", "efe", "ansa", "dpa", "kyodo", "tass", "yonhap", "pti", "upi", "ians")
)

// outletLike reports whether s, a short capitalised phrase, names a news
// outlet: an agency, an acronym, or a name with a newspaper word in it.
func outletLike(s string) bool {
	if s == "" || wordCount(s) > 5 || !unicode.IsUpper([]rune(s)[0]) {
		return false
	}
	return acronym(s) || agencies[strings.ToLower(s)] || outletWords.MatchString(s)
}

// acronym reports whether s is a short all-capitals name such as an
// agency's ("AFP", "CNN").
func acronym(s string) bool {
	return wordCount(s) == 1 && isAllCaps(s) && letters(s) >= 2 && letters(s) <= 6
}

// metaStarts are the lower-case beginnings of metadata lines.
var metaStarts = []string{"by", "date", "published", "updated", "last updated", "first published", "posted", "modified",
	"last modified", "source", "text", "written by", "author", "words", "reporting", "additional reporting", "writing", "reported",
	"compiled", "(reporting", "(additional", "(writing", "©", "(c)", "copyright"}

// metaStart reports whether s begins like a metadata line, a cheap test
// before the patterns.
func metaStart(s string) bool {
	return metaStartSet.matchFold(s)
}

var metaStartSet = newPrefixSet(metaStarts)

// gluedDate reads a date line whose keyword ends at off; the date may be
// followed by body text pasted onto the same line.
func gluedDate(s string, off int) *meta {
	t, rest, ok := parseDatePrefix(s[off:])
	if !ok {
		return nil
	}
	key := strings.ToLower(s[:off])
	m := &meta{kind: metaDate, published: t, updated: strings.Contains(key, "updated") || strings.Contains(key, "modified")}
	if wordCount(rest) >= 4 {
		m.rest = rest
	}
	return m
}

// bylineLine reads what follows "By": names, and maybe a date or role
// after a separator ("By Jane Doe | May 15, 2025", "By Jane Doe, Staff
// Writer").
func bylineLine(s string) *meta {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '•' || r == '·' || r == '—' || r == '–' })
	if len(parts) == 0 {
		return nil
	}
	m := &meta{kind: metaByline}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if i == 0 {
			names, outlet := dropRoles(parenNote.ReplaceAllString(p, ""))
			if m.byline = nameList(inPlace.ReplaceAllString(names, "")); m.byline == "" { // "Jane Doe in Lisbon"
				return nil
			}
			m.outlet = outlet
			continue
		}
		if k := dateKey.FindStringIndex(p); k != nil {
			if d := gluedDate(p, k[1]); d != nil && m.published.IsZero() {
				m.published, m.updated = d.published, d.updated
			}
		} else if t, ok := parseDate(p); ok && m.published.IsZero() {
			m.published = t
		} else if outletLike(p) && m.outlet == "" {
			m.outlet = p // "By Jane Doe | Reuters"
		}
	}
	return m
}

// dropRoles removes comma-separated parts that describe a role ("Staff
// Writer") from a list of names, and returns an agency named after a
// comma ("Jane Doe, CNN") apart.
func dropRoles(s string) (names, outlet string) {
	parts := strings.Split(s, ",")
	keep := parts[:0]
	for i, p := range parts {
		switch {
		case i > 0 && outletLike(strings.TrimSpace(p)):
			outlet = strings.TrimSpace(p)
		case !roleWords.MatchString(p):
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ","), outlet
}

// creditNames reads "Jane Doe in Brussels and John Roe in Ankara" as
// "Jane Doe and John Roe".
func creditNames(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, " and ", ", "), ",") {
		if n := nameList(inPlace.ReplaceAllString(strings.TrimSpace(p), "")); n != "" {
			out = append(out, n)
		}
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// nameConnectors may appear in lower case inside a list of names.
var nameConnectors = setOf("and", "&", "de", "da", "di", "du", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "y", "dos", "das", "del", "ter")

// nameList returns s when it is one or more personal names ("Jane Doe",
// "Jane Doe and John Roe", "JANE DOE"), tidied; otherwise "".
func nameList(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;:"))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 {
		return ""
	}
	caps, shouting := 0, true
	for _, w := range words {
		r := []rune(w)
		switch {
		case unicode.IsUpper(r[0]):
			caps++
			shouting = shouting && isAllCaps(w)
		case nameConnectors[strings.ToLower(strings.Trim(w, ","))]:
		default:
			return ""
		}
		if strings.ContainsAny(w, "0123456789@/:;!?\"“”()") {
			return ""
		}
	}
	if caps == 0 || nameConnectors[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	if shouting {
		s = titleCase(s)
	}
	return s
}

var (
	// wirePrefix is a wire-service dateline opening a story: "ANKARA
	// (Reuters) —", "BRUSSELS, May 15 (AP) —", "KYIV, Ukraine (AP) —".
	// A press release puts its wire between slashes and dates the line in
	// full: "SANTIAGO, Chile, June 2, 2026 /PRNewswire/ --".
	wirePrefix = regexp.MustCompile(`^((?:[\p{Lu}][\p{Lu}'’.\-]*)(?: [\p{Lu}][\p{Lu}'’.\-]*){0,3})((?:, [\p{Lu}][\p{L}.'’\-]*(?: [\p{Lu}][\p{L}.'’\-]*){0,2})?)((?:, |\s)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(?:,? \d{4})?)?\s*(\([^()]{2,40}\)|/[^/\s][^/]{1,39}/)?\s*(?:—|–|--|-|:)\s+`)
	// capsLine is a dateline on a line of its own: "ANTALYA", "NEW YORK".
	capsLine = regexp.MustCompile(`^[\p{Lu}][\p{Lu}'’.\- ]{2,40}(?:, [\p{Lu}][\p{L}'’.\- ]{1,30})?$`)
)

// wireDateline cuts a wire dateline from the start of a lead paragraph and
// returns the city (with any region), the outlet in parentheses, the date
// as written, and the rest of the paragraph.
func wireDateline(s string) (city, outlet, date, rest string, ok bool) {
	if !capitalsStart(s) {
		return "", "", "", s, false
	}
	m := wirePrefix.FindStringSubmatchIndex(s)
	if m == nil {
		return "", "", "", s, false
	}
	capital := s[m[2]:m[3]]
	if letters(capital) < 3 || !isAllCaps(capital) {
		return "", "", "", s, false
	}
	city = titleCase(capital) + s[m[4]:m[5]]
	if m[6] >= 0 {
		date = strings.TrimLeft(s[m[6]:m[7]], ", ")
	}
	if m[8] >= 0 {
		outlet = strings.Trim(s[m[8]:m[9]], "()/ ")
	}
	rest = s[m[1]:]
	if rest == "" {
		return "", "", "", s, false
	}
	return city, outlet, date, rest, true
}

// capitalsStart reports whether s begins with two capital letters, as a
// wire dateline does: a cheap test before the pattern.
func capitalsStart(s string) bool {
	r1, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r1) && unicode.IsUpper(r2)
}

// capsDateline returns the city of an all-capitals dateline line.
func capsDateline(s string) (string, bool) {
	if wordCount(s) > 4 || letters(s) < 3 || !capsLine.MatchString(s) {
		return "", false
	}
	city, region, _ := strings.Cut(s, ", ")
	out := titleCase(city)
	if region != "" {
		out += ", " + region
	}
	return out, true
}

// runOn is a "Title \ Outlet \ City \ Author \ Edition \ First sentence"
// line, as some sites print their article header.
type runOn struct {
	title, outlet, city, byline string
	published                   time.Time
	body                        string
}

var edition = regexp.MustCompile(`(?i)\b(?:edition|morning|evening|afternoon|weekend|late|early|print|online|digital|daily|weekly|international|national|update)\b`)

// parseRunOn reads a run-on header line, or returns nil.
func parseRunOn(s string) *runOn {
	sep := ""
	for _, c := range []string{"\\", "|"} {
		if strings.Count(s, c) >= 2 {
			sep = c
			break
		}
	}
	if sep == "" {
		return nil
	}
	var fields []string
	for _, f := range strings.Split(s, sep) {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	if len(fields) < 3 || wordCount(fields[0]) < 3 {
		return nil
	}
	body := -1
	for i := 1; i < len(fields); i++ {
		if wordCount(fields[i]) >= 8 || endsSentence(fields[i]) && wordCount(fields[i]) >= 4 {
			body = i
			break
		}
	}
	if body < 2 {
		return nil
	}
	r := &runOn{title: fields[0], body: strings.Join(fields[body:], " "+sep+" ")}
	slot := 0 // outlet, city, then author, for fields that do not say what they are
	for _, f := range fields[1:body] {
		if t, ok := parseDate(f); ok {
			r.published = t
			continue
		}
		if m := byKey.FindStringIndex(f); m != nil {
			r.byline = nameList(f[m[1]:])
			continue
		}
		if wordCount(f) <= 3 && edition.MatchString(f) {
			continue
		}
		switch slot {
		case 0:
			r.outlet = f
		case 1:
			r.city = f
			if isAllCaps(f) {
				r.city = titleCase(f)
			}
		case 2:
			if r.byline == "" {
				r.byline = nameList(f)
			}
		}
		slot++
	}
	return r
}

// ownCorrespondent is a lead that credits the outlet's own reporter:
// "…, The Ledger’s Nairobi correspondent reports."
var ownCorrespondent = regexp.MustCompile(`\b((?:[\p{Lu}][\p{L}.&-]*\s){0,3}[\p{Lu}][\p{L}.&-]*)['’]s (?:[\p{Lu}]?[\p{L}-]+ ){0,3}(?:correspondent|reporter|bureau chief|bureau|staff writer|team)\b[^.]{0,80}\breport(?:s|ed)\.$`)

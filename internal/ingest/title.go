package ingest

import (
	"strings"
	"unicode"

	"briefgen/internal/names"
)

// titleFromSlug makes a title from a file's slug for an article without a
// headline, spelling each word as the text mostly does ("nato" → "NATO").
func titleFromSlug(slug, text string) string {
	words := strings.Split(slug, "-")
	forms := map[string]map[string]int{}
	want := map[string]bool{}
	var lengths [128]bool
	for _, w := range words {
		want[w] = true
		lengths[min(len(w), 127)] = true
	}
	start := true
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '.' && r != '?' && r != '!'
	}) {
		clean := strings.TrimRight(tok, ".?!")
		if !lengths[min(len(clean), 127)] && isASCII(clean) {
			start = clean != tok && !isAbbrev(clean)
			continue
		}
		key := strings.ToLower(clean)
		if !isASCII(key) || strings.ContainsAny(key, "'’") {
			key = names.Slug(clean)
		}
		if want[key] && !start {
			if forms[key] == nil {
				forms[key] = map[string]int{}
			}
			forms[key][clean]++
		}
		start = clean != tok && !isAbbrev(clean)
	}
	out := make([]string, 0, len(words))
	for i, w := range words {
		best, n := w, 0
		if forms[w] == nil && (i == 0 || !smallWords[w] && !englishEnding(w)) {
			best = strings.ToUpper(w[:min(1, len(w))]) + w[min(1, len(w)):] // not in the text: likely a name
		}
		for f, c := range forms[w] {
			if c > n || c == n && f < best {
				best, n = f, c
			}
		}
		out = append(out, best)
	}
	t := strings.Join(out, " ")
	if r := []rune(t); len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
		t = string(r)
	}
	return t
}

// englishEnding reports whether w ends like an inflected English word
// ("questions", "talks", "meeting"), which a title keeps in lower case.
func englishEnding(w string) bool {
	for _, e := range []string{"s", "ing", "ed", "ly", "tion", "ment", "ness", "ity", "ers", "ive", "al", "ful", "less", "able"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	return false
}

// smallWords stay in lower case in a title made from a slug.
var smallWords = setOf("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
	"from", "by", "as", "is", "are", "was", "were", "be", "over", "after", "before", "amid", "into", "about",
	"vs", "via", "per", "up", "out", "off", "than", "that", "its", "it", "new")

// isAllCaps reports whether s has letters and none in lower case.
func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// lowerSmall are words kept in lower case when title-casing a place.
var lowerSmall = setOf("of", "de", "du", "da", "di", "la", "le", "el", "al", "on", "am", "an", "and", "upon", "the")

// titleCase turns "NEW YORK" into "New York", keeping short abbreviations
// such as "DC" and "U.S." in capitals.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && lowerSmall[lw]:
			words[i] = lw
		case strings.Contains(strings.Trim(w, "."), ".") || letters(w) <= 2:
		default:
			r := []rune(lw)
			up := true
			for j, c := range r {
				if up && unicode.IsLetter(c) {
					r[j] = unicode.ToUpper(c)
				}
				up = c == '-' || c == '\'' || c == '’'
			}
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

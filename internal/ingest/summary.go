package ingest

import (
	"strings"
	"unicode/utf8"
)

// summarize returns the leading sentences of s up to about limit words,
// at least one sentence.
func summarize(s string, limit int) string {
	if wordCount(s) <= limit {
		return s
	}
	end, words := 0, 0
	for _, cut := range sentenceEnds(s) {
		w := wordCount(s[end:cut])
		if end > 0 && words+w > limit {
			break
		}
		words += w
		end = cut
	}
	if end == 0 {
		return s
	}
	return strings.TrimSpace(s[:end])
}

// abbrevs end with a period without ending a sentence.
var abbrevs = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "jr", "sr",
	"inc", "ltd", "co", "corp", "no", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "mt", "ft", "capt", "adm", "maj", "pres", "rev", "hon")

// isAbbrev reports whether a word ending in a period is an abbreviation:
// an initial, "U.S.", or a title such as "Mr".
func isAbbrev(w string) bool {
	w = strings.TrimRight(w, ".")
	if utf8.RuneCountInString(w) <= 1 || strings.Contains(w, ".") {
		return true
	}
	return abbrevs[strings.ToLower(w)]
}

// sentenceEnds returns the offsets just after each sentence of s.
func sentenceEnds(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.ContainsRune(`"')]`, rune(s[j])) {
			j++
		}
		for _, q := range []string{"”", "’"} {
			if strings.HasPrefix(s[j:], q) {
				j += len(q)
			}
		}
		if j < len(s) && s[j] != ' ' {
			continue
		}
		if c == '.' {
			w := s[strings.LastIndexByte(s[:i], ' ')+1 : i+1]
			if isAbbrev(w) {
				continue
			}
		}
		out = append(out, j)
	}
	if len(out) == 0 || out[len(out)-1] != len(s) {
		out = append(out, len(s))
	}
	return out
}

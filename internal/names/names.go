// Package names normalises and matches the names of people, organisations,
// places and files, so that "Erdoğan" and "Erdogan", or "Zelensky" and
// "Zelenskyy", can be found as one actor and turned into one URL slug.
package names

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that Unicode does not decompose into a base letter plus a mark.
var undecomposed = strings.NewReplacer(
	"ı", "i", "İ", "I", "ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D",
	"ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "þ", "th",
	"’", "'", "‘", "'", "‐", "-", "‑", "-", "–", "-", "—", "-",
)

// stripMarks holds transformers that drop combining marks; a transformer
// keeps state, so each goroutine takes its own.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// ASCII returns s with diacritics removed and typographic quotes and dashes
// replaced by their ASCII forms; case is kept.
func ASCII(s string) string {
	if isASCII(s) {
		return s
	}
	t := stripMarks.Get().(transform.Transformer)
	out, _, err := transform.String(t, undecomposed.Replace(s))
	stripMarks.Put(t)
	if err != nil {
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Fold returns the matching key of a name: ASCII, lower case, with runs of
// spaces and punctuation other than apostrophes and hyphens collapsed to one
// space. Two spellings that differ only in those respects fold equal.
func Fold(s string) string { return fold(s, false, false) }

// Keyword returns the key of a theme keyword or of text searched for one:
// Fold, except that numbers keep their signs and decimal points, so that a
// keyword "5%" matches "5%" but neither "25%" nor "1.5 points".
func Keyword(s string) string { return fold(s, false, true) }

// Loose returns a coarser key than Fold that also merges common
// transliteration variants: a doubled letter counts as one, so "Zelenskyy"
// and "Zelensky" match.
func Loose(s string) string { return fold(s, true, false) }

func fold(s string, loose, numbers bool) string {
	s = ASCII(s)
	b := make([]byte, 0, len(s))
	space := false
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		word := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c >= 0x80
		if numbers && !word {
			// a sign or a decimal point of a number is part of its word
			word = c == '%' || c == '$' ||
				(c == '.' || c == ',') && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1])
		}
		if !word {
			space = true
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				space, i = true, i+n-1
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
			i += n - 1
			prev = 0
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
			prev = ' '
		}
		space = false
		if loose && c == prev && c >= 'a' && c <= 'z' {
			continue
		}
		b = append(b, c)
		prev = c
	}
	return string(b)
}

// Slug returns a URL-safe identifier for s: folded ASCII words joined by
// hyphens, at most 80 bytes, never empty.
func Slug(s string) string {
	f := strings.ToLower(ASCII(s))
	var b strings.Builder
	dash := false
	for _, r := range f {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 80 {
				break
			}
			continue
		}
		if r == '\'' {
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "untitled"
	}
	return strings.TrimRight(b.String(), "-")
}

// Closest returns up to n of the candidates nearest to s by edit distance on
// folded forms, nearest first, leaving out those too far to be a plausible
// misspelling.
func Closest(s string, candidates []string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	key := Fold(s)
	var found []scored
	seen := map[string]bool{}
	for _, c := range candidates {
		fc := Fold(c)
		if seen[fc] {
			continue
		}
		seen[fc] = true
		d := distance(key, fc)
		if strings.Contains(fc, key) || strings.Contains(key, fc) {
			d = min(d, 1)
		}
		limit := max(2, (len(key)+2)/3)
		if d <= limit {
			found = append(found, scored{c, d})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].name < found[j].name
	})
	out := make([]string, 0, n)
	for i := 0; i < len(found) && i < n; i++ {
		out = append(out, found[i].name)
	}
	return out
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// FindKeyword returns the first offset in text of key where it stands as
// whole words, or -1. Both are Keyword keys.
func FindKeyword(text, key string) int {
	if key == "" {
		return -1
	}
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], key)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(key)
		if (i == 0 || !keywordByte(text[i-1])) && (end == len(text) || !keywordByte(text[end])) {
			return i
		}
		off = i + 1
	}
	return -1
}

// keywordByte reports whether c is part of a word in a Keyword key.
func keywordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || isDigit(c) || c == '%' || c == '$' || c >= 0x80
}

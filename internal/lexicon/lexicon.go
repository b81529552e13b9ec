// Package lexicon is the word table of the text scanners in dates and
// figures: a read-only open-addressing hash table of lower-case ASCII words,
// looked up once per word of a text. A scanner hashes a word in the same pass
// that reads it (ScanASCII), so a lookup costs neither a lower-cased copy nor
// a second pass, and a filter on length and first and last letters rejects
// most words of a text without probing the table at all.
package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// MaxLen is the length of the longest word a Table can hold.
const MaxLen = 20

// Table maps lower-case ASCII words to entries of type E.
type Table[E any] struct {
	slots  []slot[E]
	mask   uint32
	filter [MaxLen + 1][26]uint32 // [len][first letter]: a bit per last letter
}

type slot[E any] struct {
	key string
	val E
}

// New builds a table of m, whose keys are lower-case words. Keys longer than
// MaxLen, or that do not start and end with a letter, are never found.
func New[E any](m map[string]E) *Table[E] {
	n := 1
	for n < 4*len(m) {
		n <<= 1
	}
	t := &Table[E]{slots: make([]slot[E], n), mask: uint32(n - 1)}
	for k, v := range m {
		i := Hash(k) & t.mask
		for t.slots[i].key != "" {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot[E]{key: k, val: v}
		if l := len(k); l > 0 && l <= MaxLen {
			a, z := k[0]-'a', k[l-1]-'a'
			if a < 26 && z < 26 {
				t.filter[l][a] |= 1 << z
			}
		}
	}
	return t
}

// FNV-1a parameters of Hash.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

// Hash is FNV-1a over the ASCII-lower-cased bytes of w, as ScanASCII
// computes it.
func Hash(w string) uint32 {
	h := fnvOffset
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// Lookup returns the entry of w, ignoring ASCII case, or the zero E.
func (t *Table[E]) Lookup(w string) E {
	if !t.maybe(w) {
		var zero E
		return zero
	}
	return t.get(w, Hash(w))
}

// LookupHashed is Lookup for a word of ASCII letters whose Hash is h.
func (t *Table[E]) LookupHashed(w string, h uint32) E {
	if !t.maybe(w) {
		var zero E
		return zero
	}
	return t.get(w, h)
}

// Word scans the word of letters that starts with the ASCII letter at s[i]
// and returns its end and its entry: the zero E for a word with letters
// outside ASCII ("Zürich"), which is no word of a table. Tokenizers call it
// for every word.
func (t *Table[E]) Word(s string, i int) (int, E) {
	a, h := ScanASCII(s, i)
	if a < len(s) && s[a] >= utf8.RuneSelf {
		if j := ScanWord(s, a); j > a {
			var zero E
			return j, zero
		}
	}
	return a, t.LookupHashed(s[i:a], h)
}

// maybe reports whether the filter lets w through.
func (t *Table[E]) maybe(w string) bool {
	n := len(w)
	if n == 0 || n > MaxLen {
		return false
	}
	a, z := (w[0]|0x20)-'a', (w[n-1]|0x20)-'a'
	return a < 26 && z < 26 && t.filter[n][a]&(1<<z) != 0
}

func (t *Table[E]) get(w string, h uint32) E {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.key == "" {
			var zero E
			return zero
		}
		if len(sl.key) == len(w) && equalLower(sl.key, w) {
			return sl.val
		}
	}
}

// equalLower compares the lower-case key k with w, ignoring ASCII case in w.
func equalLower(k, w string) bool {
	for i := 0; i < len(k); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != k[i] {
			return false
		}
	}
	return true
}

// ScanASCII returns the end of the run of ASCII letters at i and its Hash,
// computed in the same pass.
func ScanASCII(s string, i int) (int, uint32) {
	h := fnvOffset
	for ; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			break
		}
		h = (h ^ uint32(c|0x20)) * fnvPrime
	}
	return i, h
}

// ScanWord returns the end of the word of letters (any script) at i.
func ScanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

// IsLetter reports whether r belongs to a word: a letter or a combining mark.
func IsLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

package check

import (
	"bytes"
	"sort"
)

// lineIndex turns byte offsets in a file into 1-based line numbers.
type lineIndex []int // offsets of the newlines

func newLineIndex(data []byte) lineIndex {
	var nl lineIndex
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return nl
		}
		nl = append(nl, i+j)
		i += j + 1
	}
}

// line is the line holding the byte at offset off.
func (nl lineIndex) line(off int) int {
	return sort.SearchInts(nl, off) + 1
}

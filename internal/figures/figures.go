// Package figures finds the key figures of a news text: percentages, shares
// of GDP, counts such as "22 of 32 members", and sums of money, each with
// what it measures.
package figures

// Figure is one figure.
type Figure struct {
	Text       string // as written, e.g. "5% of GDP"
	About      string // what it measures, a short phrase from the text
	Start, End int    // byte offsets in the text
}

// Find returns the figures in text, in order.
func Find(text string) []Figure {
	return nil
}

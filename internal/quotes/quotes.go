// Package quotes finds direct quotations in a news text and attributes each
// to its speaker, or to no one when the text does not say who spoke.
package quotes

import "briefgen/internal/entities"

// Quote is one direct quotation.
type Quote struct {
	Text       string // the quoted words, without the quotation marks
	Start, End int    // byte offsets of the quoted words in the text
	Speaker    int    // index into the entities passed to Find, or -1 when unknown
}

// Find returns the quotations of five words or more in text, in order.
func Find(text string, ents []entities.Entity) []Quote {
	return nil
}

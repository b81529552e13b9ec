// Package dates finds date expressions in a news text ("Thursday", "June
// 24-25", "from 14 to 16 May", "by 2032", "three years ago") and resolves
// each to a calendar date against the article's publication date.
package dates

import "time"

// Expr is one date expression.
type Expr struct {
	Text       string // as written
	Start, End int    // byte offsets in the text
	// Resolved is "YYYY-MM-DD", "YYYY-MM", "YYYY" or "YYYY-MM-DD/YYYY-MM-DD";
	// "" when it cannot be resolved (for example a weekday with no
	// publication date).
	Resolved string
	Event    string // the clause the expression dates, trimmed to a short phrase
}

// Find returns the date expressions in text, in order. published is the
// article's publication date, or the zero time when unknown.
func Find(text string, published time.Time) []Expr {
	return nil
}

// Parse reads an absolute date as news pages print it ("May 15, 2025",
// "15 May 2025", "2025-05-15", "Thursday, May 15, 2025 10:41 AM"), for
// finding a publication date.
func Parse(s string) (time.Time, bool) {
	return time.Time{}, false
}

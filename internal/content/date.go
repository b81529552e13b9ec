package content

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision int

// The precisions a Date can have, coarsest first.
const (
	Year Precision = iota + 1
	Month
	Day
)

// Date is a calendar day, month or year, or a range of days, as written in
// front matter and in ingest's JSON: "2025-05-15", "2025-05", "2032" or
// "2025-05-14/2025-05-16". The zero Date means unknown.
type Date struct {
	Start, End time.Time // End equals Start unless the date is a range
	Precision  Precision
}

// ParseDate parses the forms described on Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "/"); ok {
		start, err := time.Parse(time.DateOnly, a)
		if err != nil {
			return Date{}, fmt.Errorf("date range %q: start must be YYYY-MM-DD", s)
		}
		end, err := time.Parse(time.DateOnly, b)
		if err != nil {
			return Date{}, fmt.Errorf("date range %q: end must be YYYY-MM-DD", s)
		}
		if end.Before(start) {
			return Date{}, fmt.Errorf("date range %q ends before it starts", s)
		}
		return Date{Start: start, End: end, Precision: Day}, nil
	}
	for _, f := range []struct {
		layout string
		p      Precision
	}{{time.DateOnly, Day}, {"2006-01", Month}, {"2006", Year}} {
		if len(s) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, s); err == nil {
			return Date{Start: t, End: t, Precision: f.p}, nil
		}
	}
	return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD", s)
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == 0 }

// IsRange reports whether the date spans more than one day.
func (d Date) IsRange() bool { return !d.IsZero() && !d.End.Equal(d.Start) }

// String returns the date in the form ParseDate reads.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.IsRange():
		return d.Start.Format(time.DateOnly) + "/" + d.End.Format(time.DateOnly)
	case d.Precision == Year:
		return d.Start.Format("2006")
	case d.Precision == Month:
		return d.Start.Format("2006-01")
	}
	return d.Start.Format(time.DateOnly)
}

// Human returns the date as a reader would write it: "15 May 2025",
// "14–16 May 2025", "May 2025", "2032".
func (d Date) Human() string {
	switch {
	case d.IsZero():
		return ""
	case d.IsRange():
		s, e := d.Start, d.End
		switch {
		case s.Year() != e.Year():
			return s.Format("2 January 2006") + " – " + e.Format("2 January 2006")
		case s.Month() != e.Month():
			return s.Format("2 January") + " – " + e.Format("2 January 2006")
		}
		return fmt.Sprintf("%d–%s", s.Day(), e.Format("2 January 2006"))
	case d.Precision == Year:
		return d.Start.Format("2006")
	case d.Precision == Month:
		return d.Start.Format("January 2006")
	}
	return d.Start.Format("2 January 2006")
}

// Compare orders dates by start, then end; unknown dates sort first.
func (d Date) Compare(o Date) int {
	if c := d.Start.Compare(o.Start); c != 0 {
		return c
	}
	return d.End.Compare(o.End)
}

package quotes

import (
	"strings"
	"testing"

	"briefgen/internal/entities"
)

// benchArticle is a synthetic wire story of about 5 KB with quotations in
// the usual forms.
func benchArticle() string {
	para := []string{
		`German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday, the German government said.`,
		`"We agreed that trade between our countries must grow, and that it must be fair to farmers on both sides," Scholz told reporters after the talks.`,
		`Macron said the two leaders had "a long and frank discussion about the future of European defence." He added: "Nobody in this room thinks the work is done."`,
		`"There is no alternative to a common European answer on energy," said Kenya's Foreign Minister Musalia Mudavadi, who joined by video.`,
		`The talks will continue in Brussels next week. "We will see what is the best way to play that,” the Chancellor said.`,
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range para {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchArticle()
	ents := entities.Find(text, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, ents)
	}
}

// BenchmarkFindWithEntities is the whole step as ingest runs it.
func BenchmarkFindWithEntities(b *testing.B) {
	text := benchArticle()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, entities.Find(text, nil))
	}
}

package entities

import (
	"strings"
	"testing"
)

// benchArticle is a synthetic article of about 5 KB in the style of a wire
// story, so the benchmark does not depend on the site's content.
func benchArticle() string {
	para := []string{
		`German Chancellor Olaf Scholz met Brazilian President Luiz Inácio Lula da Silva in Brasília on Tuesday, the German government said.`,
		`"We agreed that trade between our countries must grow, and that it must be fair to farmers on both sides," Scholz told reporters after the talks.`,
		`Kenya's Foreign Minister Musalia Mudavadi said the African Union would send observers, while WHO Director-General Tedros Adhanom Ghebreyesus warned of "a very difficult winter for health systems across the region."`,
		`The European Commission and the World Bank pledged new funds. A spokesperson for the Ministry of Health, Jane Okafor, said the money would arrive in March.`,
		`Lula's office called the visit "a new chapter in a partnership that matters to both of our peoples." Mudavadi later travelled to Addis Ababa and Geneva.`,
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
	known := []Known{{Slug: "olaf-scholz", Name: "Olaf Scholz", Kind: "person", Aliases: []string{"Scholz"}}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, known)
	}
}

func BenchmarkFindSeeds(b *testing.B) {
	known := siteActors(b)
	var texts []string
	for _, n := range seedNames {
		texts = append(texts, seedText(b, n))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Find(t, known)
		}
	}
}

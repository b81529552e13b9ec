package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefgen/internal/entities"
)

// FuzzExtract feeds arbitrary text to Extract: it must not panic, must
// return lists rather than nulls, and must render a brief whose front
// matter parses back.
func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	more, _ := filepath.Glob("testdata/*.txt")
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BRUSSELS, May 15 (AP) — x\n\nBy A B | 2025-05-15\n\n1. a\n2. b\n\nWho?\nMe.\nWhy?\nBecause.\n"))
	opts := Options{
		Known:     []entities.Known{{Slug: "ana-lima", Name: "Ana Lima", Kind: "person", Aliases: []string{"Lima"}}},
		Themes:    []Theme{{Slug: "t", Name: "T", Keywords: []string{"talks", "5%"}}},
		Published: time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC),
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := Extract("content/sources/fuzz.txt", raw, opts)
		if err != nil {
			t.Fatal(err)
		}
		if r.Actors == nil || r.Themes == nil || r.Quotes == nil || r.Dates == nil || r.Figures == nil || r.QA == nil || r.Captions == nil {
			t.Fatal("a list is nil")
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
		data, err := renderBrief(r)
		if err != nil {
			t.Fatal(err)
		}
		p, err := splitBrief(data)
		if err != nil {
			t.Fatalf("rendered brief does not parse: %v\n%s", err, data)
		}
		if strings.TrimSpace(p.body) != strings.TrimSpace(r.Body) {
			t.Fatalf("body changed in the file:\n%q\n%q", p.body, r.Body)
		}
	})
}

// BenchmarkExtract measures Extract on the seed articles and reports
// articles per second.
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	var raws [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, data)
		size += len(data)
	}
	if len(raws) == 0 {
		b.Skip("no seed articles")
	}
	b.SetBytes(int64(size / len(raws)))
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := Extract("content/sources/bench.txt", raws[i%len(raws)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

// BenchmarkClean measures ingest's own work alone — cleaning, structure and
// markdown, without the entity, quote, date and figure finders.
func BenchmarkClean(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	var raws [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, data)
	}
	if len(raws) == 0 {
		b.Skip("no seed articles")
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		d := parse(raws[i%len(raws)])
		_ = d.markdown(nil)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

package build

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"briefgen/internal/content"
	"briefgen/internal/sitegen"
)

// BenchmarkRebuildOneBrief measures what briefgen serve does after an editor
// saves one brief of a 1,000-brief site (the debounce window excluded), and
// compares it with a full build of the same site.
func BenchmarkRebuildOneBrief(b *testing.B) {
	for _, minify := range []bool{false, true} {
		b.Run(fmt.Sprintf("minify=%v", minify), func(b *testing.B) {
			dir := b.TempDir()
			sz := sitegen.ForBriefs(1000)
			if err := sitegen.Generate(dir, sz, 1); err != nil {
				b.Fatal(err)
			}
			opts := Options{Src: dir, Minify: minify, Dev: !minify}
			start := time.Now()
			if _, err := New(opts).Build(); err != nil {
				b.Fatal(err)
			}
			full := time.Since(start)

			bld := New(opts)
			if _, err := bld.Build(); err != nil {
				b.Fatal(err)
			}
			c, err := content.Load(dir, false)
			if err != nil {
				b.Fatal(err)
			}
			var names []string
			for _, a := range c.Actors {
				names = append(names, a.Name)
			}
			rel := "content/briefs/brief-00500.md"
			path := filepath.Join(dir, rel)
			rng := rand.New(rand.NewPCG(3, 4))
			day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			var times []time.Duration
			rendered := 0
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				if err := os.WriteFile(path, []byte(sitegen.Brief(rng, 500, day, names, sz.Themes)), 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				t0 := time.Now()
				res, err := bld.Rebuild([]string{rel})
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
				rendered = res.Rendered
			}
			slices.Sort(times)
			median := times[len(times)/2]
			b.ReportMetric(float64(median.Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(full.Milliseconds()), "full-build-ms")
			b.ReportMetric(float64(full)/float64(median), "speedup")
			b.Logf("1,000 briefs: full build %v; rebuild after one brief: median %v (%d pages re-rendered), %.0f× faster",
				full.Round(time.Millisecond), median.Round(10*time.Microsecond), rendered, float64(full)/float64(median))
		})
	}
}

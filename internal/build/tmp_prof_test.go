package build

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"briefgen/internal/content"
	"briefgen/internal/sitegen"
)

func TestTmpProf(t *testing.T) {
	dir := t.TempDir()
	sz := sitegen.ForBriefs(1000)
	sitegen.Generate(dir, sz, 1)
	bld := New(Options{Src: dir, Minify: os.Getenv("MIN") != ""})
	bld.Build()
	c, _ := content.Load(dir, false)
	var names []string
	for _, a := range c.Actors {
		names = append(names, a.Name)
	}
	rel := "content/briefs/brief-00500.md"
	rng := rand.New(rand.NewPCG(3, 4))
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f, _ := os.Create("/tmp/rb.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	for i := 0; i < 500; i++ {
		os.WriteFile(filepath.Join(dir, rel), []byte(sitegen.Brief(rng, 500, day, names, sz.Themes)), 0o644)
		bld.Rebuild([]string{rel})
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefgen/internal/content"
	"briefgen/internal/entities"
	"briefgen/internal/ingest"
	"briefgen/internal/ingest/gold"
)

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("ingest", stderr)
	src := fs.String("src", ".", "the site `folder`, holding content/")
	asJSON := fs.Bool("json", false, "print one JSON object per article, one per line, and write nothing")
	force := fs.Bool("force", false, "replace briefs even where an editor changed them or made them by hand (the old file is saved under content/briefs/.ingest/)")
	published := fs.String("published", "", "the publication `date` (YYYY-MM-DD) of the articles, when their text does not give it")
	score := fs.Bool("score", false, "score ingest against the hand-labelled gold set (the argument, or "+gold.DefaultDir+") and print precision, recall and F1 per field")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *score {
		if fs.NArg() > 1 {
			fmt.Fprintln(stderr, "briefgen ingest --score: at most one gold-set folder")
			return exitUsage
		}
		return gold.Main(stdout, fs.Arg(0))
	}
	opts := ingest.Options{}
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			fmt.Fprintf(stderr, "briefgen ingest: --published %q: want YYYY-MM-DD\n", *published)
			return exitUsage
		}
		opts.Published = t
	}
	actors, themes, err := content.LoadKnown(*src)
	if err != nil {
		printBuildError(stderr, err)
		return exitContent
	}
	for _, a := range actors {
		opts.Known = append(opts.Known, entities.Known{Slug: a.Slug, Name: a.Name, Kind: string(a.Kind), Role: a.Role, Aliases: a.Aliases})
	}
	for _, t := range themes {
		opts.Themes = append(opts.Themes, ingest.Theme{Slug: t.Slug, Name: t.Name, Keywords: t.Keywords})
	}
	files := fs.Args()
	if len(files) == 0 {
		if *asJSON {
			fmt.Fprintln(stderr, "briefgen ingest --json: name the article files")
			return exitUsage
		}
		files, err = sources(*src)
		if err != nil {
			fmt.Fprintln(stderr, "briefgen ingest:", err)
			return exitContent
		}
		if len(files) == 0 {
			fmt.Fprintf(stderr, "briefgen ingest: no articles in %s: put the raw text of each article there as a .txt file\n",
				filepath.Join(*src, content.SourcesDir))
			return exitContent
		}
	}
	status := exitOK
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, "briefgen ingest:", err)
			status = exitContent
			continue
		}
		res, err := ingest.Extract(f, raw, opts)
		if err != nil {
			fmt.Fprintln(stderr, "briefgen ingest:", err)
			status = exitContent
			continue
		}
		if *asJSON {
			if err := enc.Encode(res); err != nil {
				fmt.Fprintln(stderr, "briefgen ingest:", err)
				return exitContent
			}
			continue
		}
		out, err := ingest.Write(*src, res, *force)
		if err != nil {
			fmt.Fprintln(stderr, "briefgen ingest:", err)
			status = exitContent
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", f, countLine(res))
		for _, l := range append(out.Lines(), res.Report.Lines()...) {
			fmt.Fprintln(stdout, "  "+l)
		}
	}
	return status
}

// sources lists the articles in a site's content/sources/: every file but
// sidecars (.yaml) and hidden files.
func sources(src string) ([]string, error) {
	dir := filepath.Join(src, content.SourcesDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	slices.Sort(out)
	return out, nil
}

func countLine(r *ingest.Result) string {
	stubs := 0
	for _, a := range r.Actors {
		if !a.Known {
			stubs++
		}
	}
	return fmt.Sprintf("%q: %d actors (%d new), %d themes, %d quotes, %d dates, %d figures, %d Q&A",
		r.Title, len(r.Actors), stubs, len(r.Themes), len(r.Quotes), len(r.Dates), len(r.Figures), len(r.QA))
}

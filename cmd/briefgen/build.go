package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"briefgen/internal/build"
	"briefgen/internal/content"
)

// buildFlags are the flags build, serve and check share.
type buildFlags struct {
	src, baseURL     string
	drafts, relative bool
	minify           bool
	workers          int
}

func (f *buildFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
	IntVar(*int, string, int, string)
}, minifyDefault bool) {
	fs.StringVar(&f.src, "src", ".", "the site `folder`, holding content/ (and optionally templates/ and assets/)")
	fs.StringVar(&f.baseURL, "base-url", "", "the `URL` the site is published at, e.g. https://example.org/briefing/ (default: baseURL in content/site.yaml)")
	fs.BoolVar(&f.drafts, "drafts", false, "include briefs marked draft: true")
	fs.BoolVar(&f.relative, "relative-urls", false, "make every link relative, so the site can be browsed from file://")
	fs.BoolVar(&f.minify, "minify", minifyDefault, "minify HTML, CSS, JS, JSON, XML and SVG")
	fs.IntVar(&f.workers, "workers", 0, "pages rendered in parallel (default: one per CPU)")
}

func (f *buildFlags) options() build.Options {
	return build.Options{Src: f.src, Drafts: f.drafts, BaseURL: f.baseURL, Relative: f.relative, Minify: f.minify, Workers: f.workers}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	var bf buildFlags
	bf.register(fs, true)
	out := fs.String("out", "public", "the output `folder`")
	watch := fs.Bool("watch", false, "keep running and rebuild on every change")
	poll := fs.Bool("poll", false, "with --watch: poll for changes instead of using file system events (network drives, WSL)")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefgen build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	b := build.New(bf.options())
	res, err := b.Build()
	if err == nil {
		err = build.Publish(*out, res.Files)
	}
	if err != nil {
		printBuildError(stderr, err)
		if !*watch {
			return exitContent
		}
	} else {
		fmt.Fprintln(stdout, summary(res, *out))
	}
	if *watch {
		return watchAndBuild(b, bf.src, *out, *poll, stdout, stderr)
	}
	return exitOK
}

// summary is the one-line report of a build.
func summary(res *build.Result, out string) string {
	min := ""
	if res.Saved > 0 {
		min = fmt.Sprintf(", minified −%s", size(res.Saved))
	}
	return fmt.Sprintf("briefgen: built %s into %s/: %d files, %s%s in %s",
		summarizeKinds(res.Kinds), out, len(res.Files), size(res.Bytes), min, res.Duration.Round(time.Millisecond))
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// printBuildError prints every problem on its own line, file:line first.
func printBuildError(w io.Writer, err error) {
	var es content.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Fprintln(w, "briefgen:", e)
		}
		fmt.Fprintf(w, "briefgen: build failed: %d problem(s); nothing was written\n", len(es))
		return
	}
	fmt.Fprintln(w, "briefgen:", err)
	fmt.Fprintln(w, "briefgen: build failed; nothing was written")
}

package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"briefgen/internal/build"
	"briefgen/internal/check"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	var bf buildFlags
	bf.register(fs, true)
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefgen check: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	b := build.New(bf.options())
	res, err := b.Build()
	if err != nil {
		printBuildError(stderr, err)
		return exitContent
	}
	tmp, err := os.MkdirTemp("", "briefgen-check-")
	if err != nil {
		fmt.Fprintln(stderr, "briefgen check:", err)
		return exitContent
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	if err := build.Publish(out, res.Files); err != nil {
		fmt.Fprintln(stderr, "briefgen check:", err)
		return exitContent
	}
	base := b.BaseURL()
	if bf.relative {
		base = ""
	}
	problems, err := check.Dir(out, check.Options{BaseURL: base})
	if err != nil {
		fmt.Fprintln(stderr, "briefgen check:", err)
		return exitContent
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "briefgen check: %d problem(s) in %d files\n", len(problems), len(res.Files))
		return exitContent
	}
	fmt.Fprintf(stdout, "briefgen check: %d files, every link, anchor, id, image, feed and sitemap entry checked: no problems (base URL %s)\n",
		len(res.Files), cmp.Or(base, "relative"))
	return exitOK
}

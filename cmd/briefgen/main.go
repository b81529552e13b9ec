// Command briefgen turns raw news articles into an annotated news-briefing
// site. Run "briefgen help" for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
)

// version is set at link time by build.sh.
var version = "dev"

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // bad content, a failed build or check
	exitUsage   = 2 // bad command line
)

type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"ingest", "[flags] [FILE...]", "turn raw articles in content/sources/ into briefs", runIngest},
		{"build", "[flags]", "render the site into public/", runBuild},
		{"serve", "[flags]", "preview the site, rebuilding and reloading on every change", runServe},
		{"check", "[flags]", "build into a temporary folder and verify links, ids, feeds and reachability", runCheck},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help for briefgen or a command", runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		usage(stdout)
		return exitOK
	}
	if name == "-version" || name == "--version" {
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "briefgen: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "briefgen turns raw news articles into an annotated news-briefing site.")
	fmt.Fprintln(w, "\nUsage: briefgen COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'briefgen COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set that prints usage for cmd on -h.
func newFlags(cmd string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("briefgen "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, c := range commands() {
		if c.name == cmd {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "Usage: briefgen %s %s\n\n%s.\n\nFlags:\n", c.name, c.args, upperFirst(c.summary))
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parseFlags parses args; it returns an exit code when the command should
// stop (help asked for, or a usage error).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, true
	case err != nil:
		return exitUsage, true
	}
	return 0, false
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", stderr)
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	fmt.Fprintln(stdout, "briefgen", version)
	return exitOK
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run([]string{"-h"}, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "briefgen help: unknown command %q\n", args[0])
	return exitUsage
}

// kindOrder is the order of page kinds in build summaries.
var kindOrder = []string{"home", "brief", "briefs", "actor", "actors", "theme", "themes", "entry", "timeline",
	"search", "about", "page", "404", "feed", "sitemap", "robots", "index", "calendar"}

var kindNames = map[string][2]string{
	"brief": {"brief", "briefs"}, "briefs": {"brief list page", "brief list pages"}, "actor": {"actor", "actors"},
	"theme": {"theme", "themes"}, "entry": {"timeline entry", "timeline entries"}, "feed": {"feed", "feeds"},
	"page": {"page", "pages"},
}

// summarizeKinds says how many pages of each kind were written.
func summarizeKinds(kinds map[string]int) string {
	var parts []string
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.SliceStable(names, func(i, j int) bool {
		a, b := slices.Index(kindOrder, names[i]), slices.Index(kindOrder, names[j])
		if a != b {
			return a < b
		}
		return names[i] < names[j]
	})
	other := 0
	for _, k := range names {
		n := kinds[k]
		if forms, ok := kindNames[k]; ok {
			form := forms[1]
			if n == 1 {
				form = forms[0]
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, form))
			continue
		}
		other += n
	}
	if other > 0 {
		parts = append(parts, fmt.Sprintf("%d other (home, lists, search, 404, sitemap, robots, index, calendar)", other))
	}
	return strings.Join(parts, ", ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Package live keeps a site built while its files change: it watches the
// site folder, rebuilds incrementally on every batch of changes, and hands
// each result to the dev server (briefgen serve) or to the output folder
// (briefgen build --watch). A bad edit is reported and the last good output
// stays in place until the next good save.
package live

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"briefgen/internal/build"
	"briefgen/internal/content"
	"briefgen/internal/server"
	"briefgen/internal/watch"
)

// Sink receives each build's outcome.
type Sink interface {
	// Built is called after a successful build.
	Built(res *build.Result) error
	// Failed is called with the problem of a failed build.
	Failed(e Problem)
}

// Problem is what went wrong in a build, with its place when known.
type Problem struct {
	File    string
	Line    int
	Message string
}

func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

// ProblemOf turns a build error into a Problem: the first content error, with
// a count of the rest.
func ProblemOf(err error) Problem {
	var es content.Errors
	if errors.As(err, &es) && len(es) > 0 {
		p := Problem{File: es[0].File, Line: es[0].Line, Message: es[0].Msg}
		if len(es) > 1 {
			p.Message += fmt.Sprintf(" (and %d more problem(s): see the terminal)", len(es)-1)
		}
		return p
	}
	var e *content.Error
	if errors.As(err, &e) {
		return Problem{File: e.File, Line: e.Line, Message: e.Msg}
	}
	return Problem{Message: err.Error()}
}

// Options configure Run.
type Options struct {
	Src      string
	Poll     bool          // poll instead of using file system events
	Debounce time.Duration // 0 means the watcher's default
	Out      io.Writer     // one line per rebuild
	Logger   *slog.Logger
}

// Roots returns the folders of a site that Run watches.
func Roots(src string) []string {
	return []string{filepath.Join(src, "content"), filepath.Join(src, "templates"), filepath.Join(src, "assets")}
}

// Run watches the site and rebuilds b on every batch of changes until ctx is
// done, reporting each outcome to sink. The first build is the caller's.
func Run(ctx context.Context, b *build.Builder, sink Sink, opts Options) error {
	var wopts []watch.Option
	if opts.Poll {
		wopts = append(wopts, watch.WithPoll(watch.DefaultPollInterval))
	}
	if opts.Debounce > 0 {
		wopts = append(wopts, watch.WithDebounce(opts.Debounce))
	}
	if opts.Logger != nil {
		wopts = append(wopts, watch.WithLogger(opts.Logger))
	}
	wopts = append(wopts, watch.WithIgnore(func(p string) bool {
		return strings.Contains(filepath.ToSlash(p), "/content/sources/")
	}))
	w, err := watch.New(Roots(opts.Src), wopts...)
	if err != nil {
		return err
	}
	defer w.Close()
	mode := "file system events"
	if w.Polling() {
		mode = "polling"
	}
	fmt.Fprintf(opts.Out, "briefgen: watching %s for changes (%s); press Ctrl+C to stop\n", strings.Join(Roots(opts.Src), ", "), mode)
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.Batches():
			if !ok {
				return nil
			}
			Step(b, batch.Paths, opts.Src, sink, opts.Out)
		}
	}
}

// Step rebuilds after the given paths changed and reports to sink and out.
func Step(b *build.Builder, paths []string, src string, sink Sink, out io.Writer) {
	res, err := b.Rebuild(paths)
	what := describe(paths, src)
	if err != nil {
		sink.Failed(ProblemOf(err))
		fmt.Fprintf(out, "briefgen: %s: build failed (the last good build is still served):\n%s\n", what, indent(err.Error()))
		return
	}
	if err := sink.Built(res); err != nil {
		p := ProblemOf(err)
		sink.Failed(p)
		fmt.Fprintf(out, "briefgen: %s: %s\n", what, p)
		return
	}
	fmt.Fprintf(out, "briefgen: %s: %d pages re-rendered, %d files written, %d removed in %s\n",
		what, res.Rendered, len(res.Written), len(res.Removed), res.Duration.Round(100*time.Microsecond))
}

// indent indents every line of a multi-line message for the terminal.
func indent(msg string) string {
	return "  " + strings.ReplaceAll(msg, "\n", "\n  ")
}

// describe names the changed files, relative to the site folder.
func describe(paths []string, src string) string {
	if abs, err := filepath.Abs(src); err == nil {
		src = abs
	}
	names := make([]string, 0, len(paths))
	for _, p := range paths {
		if r, err := filepath.Rel(src, p); err == nil && !strings.HasPrefix(r, "..") {
			p = r
		}
		names = append(names, filepath.ToSlash(p))
	}
	if len(names) > 3 {
		return fmt.Sprintf("%s and %d more changed", strings.Join(names[:3], ", "), len(names)-3)
	}
	return strings.Join(names, ", ") + " changed"
}

// CSSOnly reports whether a build changed nothing but stylesheets, so pages
// can swap them without a reload.
func CSSOnly(res *build.Result) bool {
	if len(res.Written) == 0 || len(res.Removed) > 0 {
		return false
	}
	for _, f := range res.Written {
		if filepath.Ext(f) != ".css" {
			return false
		}
	}
	return true
}

// ServerSink publishes builds to the dev server: pages reload, or swap their
// stylesheets when only CSS changed; a failed build shows its overlay.
type ServerSink struct {
	srv    *server.Server
	failed bool
}

// NewServerSink returns a sink publishing to srv.
func NewServerSink(srv *server.Server) *ServerSink { return &ServerSink{srv: srv} }

// Built publishes res unless nothing changed (and no error is shown).
func (s *ServerSink) Built(res *build.Result) error {
	if len(res.Written) == 0 && len(res.Removed) == 0 && !s.failed {
		return nil
	}
	s.failed = false
	s.srv.Publish(res.FS(), CSSOnly(res))
	return nil
}

// Failed shows the problem over every open page.
func (s *ServerSink) Failed(p Problem) {
	s.failed = true
	s.srv.Fail(server.BuildError{File: p.File, Line: p.Line, Message: p.Message})
}

// DirSink writes each build into the output folder, in place.
type DirSink string

// Built writes the files res changed and removes those it dropped.
func (d DirSink) Built(res *build.Result) error { return build.Apply(string(d), res) }

// Failed keeps the folder as it is: the last good build.
func (DirSink) Failed(Problem) {}

// Package watch reports changes to the files under a set of roots, so that
// `briefgen serve` and `briefgen build --watch` can rebuild a site when its
// content, templates or assets change.
//
// It watches natively with fsnotify, recursively, and coalesces bursts of
// events (an editor's atomic save, a git checkout) into debounced batches.
// Editor swap, backup and temp files are ignored. When the system runs out of
// watches or file descriptors, or when asked to (network file systems, WSL),
// it polls the roots instead and delivers the same batches.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

const (
	// DefaultDebounce is the quiet period after which changes are delivered:
	// long enough to cover an editor's save or a checkout, short enough to
	// feel instant.
	DefaultDebounce = 100 * time.Millisecond
	// DefaultPollInterval is how often roots are walked when polling: cheap
	// for a site's few thousand files, yet quick to notice a save.
	DefaultPollInterval = 500 * time.Millisecond
)

// Batch is one debounced set of changes.
type Batch struct {
	// Paths are cleaned absolute paths, sorted and unique, of the files and
	// folders created, written, removed or renamed (old and new name). A
	// folder means anything below it may have changed (it was created,
	// removed or renamed, or events were lost). A path may no longer exist
	// when the batch is read: treat it as removed.
	Paths []string
}

// Option configures a Watcher.
type Option func(*config)

type config struct {
	debounce time.Duration
	maxWait  time.Duration
	poll     bool
	interval time.Duration
	ignore   func(string) bool
	log      *slog.Logger
	// add adds one fsnotify watch; a seam so tests can simulate exhausted limits.
	add func(*fsnotify.Watcher, string) error
}

// WithDebounce sets the quiet period: a batch is delivered once no change
// has been seen for d. Non-positive values keep DefaultDebounce.
func WithDebounce(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.debounce = d
		}
	}
}

// WithMaxWait caps how long changes are held back while more keep coming,
// so a continuous stream still flushes. Non-positive values keep the
// default of ten times the debounce.
func WithMaxWait(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.maxWait = d
		}
	}
}

// WithPoll forces polling every interval instead of native watching, for
// file systems where events do not arrive (network shares, WSL's /mnt).
// Non-positive intervals keep DefaultPollInterval.
func WithPoll(interval time.Duration) Option {
	return func(c *config) {
		c.poll = true
		if interval > 0 {
			c.interval = interval
		}
	}
}

// WithIgnore adds a filter on top of the built-in editor-noise rules. It is
// called with cleaned absolute paths below the roots, from one goroutine at
// a time; returning true for a folder skips everything in it.
func WithIgnore(ignore func(path string) bool) Option {
	return func(c *config) { c.ignore = ignore }
}

// WithLogger sets where warnings (fallback to polling, unwatchable folders,
// lost events) go. The default is slog.Default().
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.log = l
		}
	}
}

// Watcher delivers Batches of changes under its roots until closed.
//
// Errors are not delivered on a channel: nothing it meets is fatal, so it
// logs them (see WithLogger) and carries on, polling if native watching
// becomes impossible.
type Watcher struct {
	cfg   config
	log   *slog.Logger
	roots []*root

	batches  chan Batch
	done     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
	polling  atomic.Bool
	closeErr error

	// Owned by New, then by the loop goroutine.
	fs      *fsnotify.Watcher   // nil when polling
	recDirs map[string]struct{} // folders watched as part of a root's tree
	anchors map[string]struct{} // folders watched for a file root or a missing root
	snap    map[string]stamp    // last polling snapshot
	pending map[string]struct{} // changes not yet flushed
	fresh   map[string]struct{} // pending paths whose first event created them
	first   time.Time           // when the first pending change came
	timer   *time.Timer         // fires when pending is due
	started bool                // New has returned
}

// New starts watching roots: folders (watched recursively), files (their
// folder is watched and filtered), or paths that do not exist yet (their
// nearest existing parent is watched until they appear). Relative roots are
// made absolute. If native watching cannot start, New logs why and polls.
func New(roots []string, opts ...Option) (*Watcher, error) {
	w, err := newWatcher(roots, opts)
	if err != nil {
		return nil, err
	}
	if w.cfg.poll {
		w.startPolling()
	} else if err := w.startNotify(); err != nil {
		w.fallback(err)
	}
	w.started = true
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// newWatcher applies the options and cleans the roots; it watches nothing yet.
func newWatcher(roots []string, opts []Option) (*Watcher, error) {
	cfg := config{
		debounce: DefaultDebounce,
		interval: DefaultPollInterval,
		log:      slog.Default(),
		add:      (*fsnotify.Watcher).Add,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.maxWait <= 0 {
		cfg.maxWait = 10 * cfg.debounce
	}
	if len(roots) == 0 {
		return nil, errors.New("watch: no roots given")
	}

	w := &Watcher{
		cfg:     cfg,
		log:     cfg.log,
		batches: make(chan Batch),
		done:    make(chan struct{}),
		pending: make(map[string]struct{}),
		fresh:   make(map[string]struct{}),
		timer:   time.NewTimer(time.Hour),
	}
	w.timer.Stop()
	seen := make(map[string]bool)
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return nil, fmt.Errorf("watch %s: %w", r, err)
		}
		if !seen[abs] {
			seen[abs] = true
			w.roots = append(w.roots, &root{path: abs})
		}
	}
	return w, nil
}

// Batches delivers debounced changes. While the receiver is busy, further
// changes are merged into the batch waiting to be received, so nothing is
// lost and nothing blocks. The channel is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Polling reports whether changes are found by polling, because WithPoll
// asked for it or because native watching failed.
func (w *Watcher) Polling() bool { return w.polling.Load() }

// Close stops watching, waits for the Watcher's goroutines to end, and
// closes the Batches channel; changes not yet delivered are dropped. It is
// safe to call more than once.
func (w *Watcher) Close() error {
	w.once.Do(func() { close(w.done) })
	w.wg.Wait()
	return w.closeErr
}

// loop owns all mutable state: it reads events or polls, debounces, and
// hands batches to the receiver.
func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.batches)
	var (
		tick  *time.Ticker
		ready map[string]struct{} // flushed, waiting for the receiver
		out   Batch
	)
	defer func() {
		w.timer.Stop()
		if tick != nil {
			tick.Stop()
		}
		if w.fs != nil {
			if err := w.fs.Close(); err != nil {
				w.closeErr = fmt.Errorf("watch: close fsnotify: %w", err)
			}
		}
	}()

	for {
		var (
			events <-chan fsnotify.Event
			errs   <-chan error
			ticks  <-chan time.Time
			due    <-chan time.Time
			send   chan<- Batch
		)
		if w.fs != nil {
			events, errs = w.fs.Events, w.fs.Errors
		} else {
			if tick == nil {
				tick = time.NewTicker(w.cfg.interval)
			}
			ticks = tick.C
		}
		if len(w.pending) > 0 {
			due = w.timer.C
		}
		if len(ready) > 0 {
			send = w.batches
		}

		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				w.fallback(errors.New("fsnotify stopped delivering events"))
				continue
			}
			if err := w.handleEvent(ev); err != nil {
				w.fallback(err)
			}
		case err, ok := <-errs:
			if !ok {
				w.fallback(errors.New("fsnotify stopped delivering events"))
				continue
			}
			w.handleError(err)
		case <-ticks:
			w.poll()
		case <-due:
			w.dropTransient()
			if len(w.pending) == 0 {
				continue
			}
			if ready == nil {
				ready = w.pending
			} else {
				maps.Copy(ready, w.pending)
			}
			w.pending = make(map[string]struct{})
			out = Batch{Paths: slices.Sorted(maps.Keys(ready))}
		case send <- out:
			ready, out = nil, Batch{}
		}
	}
}

// dropTransient removes from the pending batch the files that were created
// and are gone again, such as the temporary file of an editor's atomic save
// or of sed -i: nothing that was there before has changed through them.
func (w *Watcher) dropTransient() {
	for p := range w.fresh {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			delete(w.pending, p)
		}
	}
	clear(w.fresh)
}

// created notes that path's first pending event created it.
func (w *Watcher) created(path string) {
	if _, ok := w.pending[path]; !ok {
		w.fresh[path] = struct{}{}
	}
}

// report adds a changed path to the pending batch and (re)arms the timer.
func (w *Watcher) report(path string) {
	now := time.Now()
	if len(w.pending) == 0 {
		w.first = now
	}
	w.pending[path] = struct{}{}
	w.timer.Reset(flushDelay(w.first, now, w.cfg.debounce, w.cfg.maxWait))
}

// flushDelay is how long after now pending changes are delivered: after a
// quiet period, but no later than maxWait after the first of them.
func flushDelay(first, now time.Time, quiet, maxWait time.Duration) time.Duration {
	return max(0, min(quiet, first.Add(maxWait).Sub(now)))
}

// fallback switches to polling after native watching failed with err.
// Once running, it reports every root: changes may have been missed.
func (w *Watcher) fallback(err error) {
	msg := "watch: cannot watch files natively; falling back to polling"
	if hint, ok := limitHint(err); ok {
		msg = "watch: " + hint + "; falling back to polling"
	}
	w.log.Warn(msg, "err", err, "interval", w.cfg.interval)
	if w.fs != nil {
		if err := w.fs.Close(); err != nil {
			w.log.Debug("watch: close fsnotify", "err", err)
		}
		w.fs = nil
	}
	w.recDirs, w.anchors = nil, nil
	w.startPolling()
	if w.started {
		for _, r := range w.roots {
			w.report(r.path)
		}
	}
}

// limitHint tells whether err means the system ran out of inotify watches,
// inotify instances or file descriptors, and if so, which setting to raise.
func limitHint(err error) (string, bool) {
	linux := runtime.GOOS == "linux"
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the system ran out of inotify watches (no space left on device): raise fs.inotify.max_user_watches, " +
			"e.g. `sudo sysctl fs.inotify.max_user_watches=524288` (add it to /etc/sysctl.d/ to keep it)", true
	case errors.Is(err, syscall.EMFILE) && linux:
		return "too many open files or inotify instances: raise the open-file limit with `ulimit -n 65536`, " +
			"or the instance limit with `sudo sysctl fs.inotify.max_user_instances=1024`", true
	case errors.Is(err, syscall.EMFILE):
		return "too many open files: raise the open-file limit with `ulimit -n 65536`", true
	case errors.Is(err, syscall.ENFILE) && linux:
		return "the system ran out of file descriptors: raise fs.file-max, e.g. `sudo sysctl fs.file-max=2097152`", true
	case errors.Is(err, syscall.ENFILE):
		return "the system ran out of file descriptors: raise its open-file limit (kern.maxfiles)", true
	}
	return "", false
}

// isLimit reports whether err is an exhausted system limit (see limitHint).
func isLimit(err error) bool {
	_, ok := limitHint(err)
	return ok
}

package watch

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// wait bounds every wait for a batch: generous, as tests run on loaded
// machines, and only reached when a test is failing.
const wait = 5 * time.Second

// modes runs a test against native watching and against forced polling.
var modes = []struct {
	name string
	opts []Option
}{
	{"notify", nil},
	{"poll", []Option{WithPoll(50 * time.Millisecond)}},
}

// lockedBuffer is a log sink the test can read while the watcher writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type harness struct {
	t    *testing.T
	w    *Watcher
	logs *lockedBuffer
}

// start creates a Watcher that is closed when the test ends, and checks
// then that it left no goroutine behind.
func start(t *testing.T, roots []string, opts ...Option) *harness {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(wait)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				t.Errorf("goroutines leaked: %d before, %d after Close\n%s",
					before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
	logs := &lockedBuffer{}
	opts = append([]Option{WithLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))}, opts...)
	w, err := New(roots, opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if t.Failed() {
			t.Logf("watcher log:\n%s", logs)
		}
	})
	return &harness{t: t, w: w, logs: logs}
}

// collect reads batches until every path in want has been seen, and
// returns all paths seen and how many batches they came in.
func (h *harness) collect(want ...string) (map[string]bool, int) {
	h.t.Helper()
	seen := make(map[string]bool)
	n := 0
	timeout := time.After(wait)
	for {
		missing := slices.DeleteFunc(slices.Clone(want), func(p string) bool { return seen[p] })
		if len(missing) == 0 {
			return seen, n
		}
		select {
		case b, ok := <-h.w.Batches():
			if !ok {
				h.t.Fatalf("Batches closed; still missing %q", missing)
			}
			n++
			if !slices.IsSorted(b.Paths) || len(slices.Compact(slices.Clone(b.Paths))) != len(b.Paths) {
				h.t.Errorf("batch paths not sorted and unique: %q", b.Paths)
			}
			for _, p := range b.Paths {
				if !filepath.IsAbs(p) || filepath.Clean(p) != p {
					h.t.Errorf("batch path %q is not clean and absolute", p)
				}
				seen[p] = true
			}
		case <-timeout:
			h.t.Fatalf("no batch with %q within %v; seen %q", missing, wait, keys(seen))
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// tempDir is a fresh folder with symbolic links resolved, so that reported
// paths compare equal to the ones the test builds.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
}

func abs(dir string, rel ...string) []string {
	out := make([]string, len(rel))
	for i, r := range rel {
		out[i] = filepath.Join(dir, filepath.FromSlash(r))
	}
	return out
}

// TestChanges checks what one kind of change reports, and what it must not.
// Things that must not be reported are checked with a sentinel file created
// after them: once its batch is in, anything reported wrongly would be too,
// so no negative check relies on timing.
func TestChanges(t *testing.T) {
	cases := []struct {
		name    string
		setup   map[string]string // files before the watch starts
		opts    []Option
		act     func(t *testing.T, dir string)
		want    []string
		notWant []string
	}{
		{
			name:  "write",
			setup: map[string]string{"a.md": "a"},
			act:   func(t *testing.T, d string) { write(t, filepath.Join(d, "a.md"), "changed") },
			want:  []string{"a.md"},
		},
		{
			name: "create",
			act:  func(t *testing.T, d string) { write(t, filepath.Join(d, "sub/new.md"), "new") },
			want: []string{"sub/new.md"},
		},
		{
			name:  "write in existing subfolder",
			setup: map[string]string{"a/b/c.md": "c"},
			act:   func(t *testing.T, d string) { write(t, filepath.Join(d, "a/b/c.md"), "changed") },
			want:  []string{"a/b/c.md"},
		},
		{
			name:  "delete",
			setup: map[string]string{"a.md": "a"},
			act:   func(t *testing.T, d string) { remove(t, filepath.Join(d, "a.md")) },
			want:  []string{"a.md"},
		},
		{
			name:  "delete folder reports the folder",
			setup: map[string]string{"sub/a.md": "a", "sub/deep/b.md": "b"},
			act:   func(t *testing.T, d string) { remove(t, filepath.Join(d, "sub")) },
			want:  []string{"sub"},
		},
		{
			name:  "rename folder",
			setup: map[string]string{"sub/inner/a.md": "a"},
			act:   func(t *testing.T, d string) { rename(t, filepath.Join(d, "sub"), filepath.Join(d, "moved")) },
			want:  []string{"sub", "moved/inner/a.md"},
		},
		{
			name:  "atomic save via .tmpNNN",
			setup: map[string]string{"x.md": "old"},
			act: func(t *testing.T, d string) {
				write(t, filepath.Join(d, "x.md.tmp123"), "new content")
				rename(t, filepath.Join(d, "x.md.tmp123"), filepath.Join(d, "x.md"))
			},
			want:    []string{"x.md"},
			notWant: []string{"x.md.tmp123"},
		},
		{
			name:  "atomic save through a temp file of any name (sed -i)",
			setup: map[string]string{"x.md": "old"},
			act: func(t *testing.T, d string) {
				write(t, filepath.Join(d, "sedAb12Cd"), "new content")
				rename(t, filepath.Join(d, "sedAb12Cd"), filepath.Join(d, "x.md"))
			},
			want:    []string{"x.md"},
			notWant: []string{"sedAb12Cd"},
		},
		{
			name:  "atomic save JetBrains style",
			setup: map[string]string{"x.md": "old"},
			act: func(t *testing.T, d string) {
				x := filepath.Join(d, "x.md")
				write(t, x+"___jb_tmp___", "new content")
				rename(t, x, x+"___jb_old___")
				rename(t, x+"___jb_tmp___", x)
				remove(t, x+"___jb_old___")
			},
			want:    []string{"x.md"},
			notWant: []string{"x.md___jb_tmp___", "x.md___jb_old___"},
		},
		{
			name:  "atomic save gedit style",
			setup: map[string]string{"x.md": "old"},
			act: func(t *testing.T, d string) {
				write(t, filepath.Join(d, ".goutputstream-AB12CD"), "new content")
				rename(t, filepath.Join(d, ".goutputstream-AB12CD"), filepath.Join(d, "x.md"))
			},
			want:    []string{"x.md"},
			notWant: []string{".goutputstream-AB12CD"},
		},
		{
			name:  "vim backup rename",
			setup: map[string]string{"x.md": "old"},
			act: func(t *testing.T, d string) {
				x := filepath.Join(d, "x.md")
				write(t, filepath.Join(d, ".x.md.swp"), "swap")
				write(t, filepath.Join(d, "4913"), "")
				remove(t, filepath.Join(d, "4913"))
				rename(t, x, x+"~")
				write(t, x, "new content")
				remove(t, x+"~")
			},
			want:    []string{"x.md"},
			notWant: []string{"x.md~", "4913", ".x.md.swp"},
		},
		{
			name:  "chmod only",
			setup: map[string]string{"a.md": "a"},
			act: func(t *testing.T, d string) {
				if err := os.Chmod(filepath.Join(d, "a.md"), 0o600); err != nil {
					t.Fatal(err)
				}
			},
			notWant: []string{"a.md"},
		},
		{
			name: "editor and tool noise",
			act: func(t *testing.T, d string) {
				for _, n := range []string{".a.md.swp", ".a.md.swx", ".a.md.swo", "a.md~", ".#a.md", "#a.md#",
					".DS_Store", "a.tmp", "sub/b.md.tmp42", ".git/HEAD", ".git/objects/ab/cdef"} {
					write(t, filepath.Join(d, n), "x")
				}
			},
			notWant: []string{".a.md.swp", ".a.md.swx", ".a.md.swo", "a.md~", ".#a.md", "#a.md#",
				".DS_Store", "a.tmp", "sub/b.md.tmp42", ".git", ".git/HEAD", ".git/objects/ab/cdef"},
		},
		{
			name:  "existing .git folder",
			setup: map[string]string{".git/HEAD": "ref"},
			act:   func(t *testing.T, d string) { write(t, filepath.Join(d, ".git/index"), "x") },
			notWant: []string{
				".git", ".git/index",
			},
		},
		{
			name: "caller's ignore func",
			opts: []Option{WithIgnore(func(p string) bool {
				return strings.HasSuffix(p, ".draft") || filepath.Base(p) == "node_modules"
			})},
			act: func(t *testing.T, d string) {
				write(t, filepath.Join(d, "x.draft"), "x")
				write(t, filepath.Join(d, "node_modules/pkg/index.js"), "x")
			},
			notWant: []string{"x.draft", "node_modules", "node_modules/pkg/index.js"},
		},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					dir := tempDir(t)
					for p, c := range tc.setup {
						write(t, filepath.Join(dir, p), c)
					}
					h := start(t, []string{dir}, append(slices.Clone(m.opts), tc.opts...)...)
					tc.act(t, dir)
					sentinel := filepath.Join(dir, "zz-sentinel.md")
					write(t, sentinel, "s")
					seen, _ := h.collect(append(abs(dir, tc.want...), sentinel)...)
					for _, p := range abs(dir, tc.notWant...) {
						if seen[p] {
							t.Errorf("reported %s; want it ignored (seen %q)", p, keys(seen))
						}
					}
				})
			}
		})
	}
}

// TestNewFolder checks that files created right after mkdir, before the new
// folder's watch can be in place, are reported, and that the new folders
// are then watched.
func TestNewFolder(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			h := start(t, []string{dir}, m.opts...)

			if err := os.MkdirAll(filepath.Join(dir, "sub/x/y"), 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "sub/a.md"), "a")
			write(t, filepath.Join(dir, "sub/x/y/b.md"), "b")
			h.collect(abs(dir, "sub", "sub/a.md", "sub/x/y/b.md")...)

			write(t, filepath.Join(dir, "sub/x/y/c.md"), "c")
			write(t, filepath.Join(dir, "sub/a.md"), "a changed")
			h.collect(abs(dir, "sub/x/y/c.md", "sub/a.md")...)
		})
	}
}

// TestRenamedFolderStaysWatched checks that a folder renamed inside the
// tree is watched under its new name, not reported under the old one.
func TestRenamedFolderStaysWatched(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			write(t, filepath.Join(dir, "sub/inner/a.md"), "a")
			h := start(t, []string{dir}, m.opts...)

			rename(t, filepath.Join(dir, "sub"), filepath.Join(dir, "moved"))
			h.collect(abs(dir, "sub", "moved/inner/a.md")...)

			write(t, filepath.Join(dir, "moved/inner/new.md"), "new")
			seen, _ := h.collect(abs(dir, "moved/inner/new.md")...)
			if stale := filepath.Join(dir, "sub/inner/new.md"); seen[stale] {
				t.Errorf("reported stale path %s", stale)
			}
		})
	}
}

// TestBurst checks that many changes at once, like a git checkout, all
// arrive, coalesced into few batches.
func TestBurst(t *testing.T) {
	const files = 200
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			h := start(t, []string{dir}, m.opts...)

			var want []string
			for i := range files {
				sub := ""
				if i%2 == 1 {
					sub = fmt.Sprintf("d%d", i%5) // new folders, filled at once
				}
				want = append(want, filepath.Join(dir, sub, fmt.Sprintf("f%03d.md", i)))
			}
			done := make(chan struct{})
			go func() { // write while the batches are being read
				defer close(done)
				for _, p := range want {
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Error(err)
						return
					}
					if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
						t.Error(err)
						return
					}
				}
			}()
			_, n := h.collect(want...)
			<-done
			t.Logf("%d files came in %d batches", files, n)
			if n > 5 {
				t.Errorf("%d files came in %d batches; want at most 5", files, n)
			}
		})
	}
}

// TestMissingRoot checks roots that do not exist when watching starts.
func TestMissingRoot(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			for _, rel := range []string{"templates", "a/b/templates"} {
				t.Run(rel, func(t *testing.T) {
					dir := tempDir(t)
					root := filepath.Join(dir, rel)
					h := start(t, []string{root}, m.opts...)

					write(t, filepath.Join(root, "partials/head.html"), "h")
					write(t, filepath.Join(dir, "unrelated.md"), "u")
					seen, _ := h.collect(root, filepath.Join(root, "partials/head.html"))
					if p := filepath.Join(dir, "unrelated.md"); seen[p] {
						t.Errorf("reported %s outside the root", p)
					}

					write(t, filepath.Join(root, "partials/foot.html"), "f")
					h.collect(filepath.Join(root, "partials/foot.html"))
				})
			}
		})
	}
}

// TestRootRemovedAndRecreated checks that a root folder that goes away is
// reported, and watched again once it is back.
func TestRootRemovedAndRecreated(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			root := filepath.Join(dir, "content")
			write(t, filepath.Join(root, "a.md"), "a")
			h := start(t, []string{root}, m.opts...)

			remove(t, root)
			h.collect(root)

			write(t, filepath.Join(root, "b.md"), "b")
			h.collect(filepath.Join(root, "b.md"))
			write(t, filepath.Join(root, "sub/c.md"), "c")
			h.collect(filepath.Join(root, "sub/c.md"))
		})
	}
}

// TestFileRoot checks a root that is a file: its folder is watched, but
// only the file is reported.
func TestFileRoot(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			cfg := filepath.Join(dir, "briefgen.toml")
			other := filepath.Join(dir, "other.md")
			write(t, cfg, "a = 1")
			write(t, other, "o")
			h := start(t, []string{cfg}, m.opts...)

			write(t, other, "other changed")
			write(t, cfg+".tmp7", "a = 22")
			rename(t, cfg+".tmp7", cfg) // atomic save
			seen, _ := h.collect(cfg)
			for _, p := range []string{other, cfg + ".tmp7"} {
				if seen[p] {
					t.Errorf("reported %s; want only the root file", p)
				}
			}

			remove(t, cfg)
			h.collect(cfg)
			write(t, cfg, "a = 333")
			h.collect(cfg)
		})
	}
}

// TestRelativeRoot checks that batches carry absolute paths.
func TestRelativeRoot(t *testing.T) {
	dir := tempDir(t)
	t.Chdir(dir)
	h := start(t, []string{"content"})
	write(t, filepath.Join(dir, "content/a.md"), "a")
	h.collect(filepath.Join(dir, "content/a.md"))
}

// TestMaxWait checks that a continuous stream of changes is still flushed:
// the quiet period never passes, the max-wait cap does.
func TestMaxWait(t *testing.T) {
	dir := tempDir(t)
	h := start(t, []string{dir}, WithDebounce(3*time.Second), WithMaxWait(200*time.Millisecond))

	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
				if err := os.WriteFile(filepath.Join(dir, "stream.md"), []byte(strings.Repeat("x", i)), 0o644); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	defer func() { close(stop); <-done }()

	select {
	case <-h.w.Batches():
	case <-time.After(wait):
		t.Fatalf("no batch within %v of continuous writes", wait)
	}
}

// TestSlowReceiver checks that changes made while nobody receives are kept
// and delivered later.
func TestSlowReceiver(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			h := start(t, []string{dir}, m.opts...)
			write(t, filepath.Join(dir, "a.md"), "a")
			time.Sleep(300 * time.Millisecond) // a's batch is flushed, nobody receives
			write(t, filepath.Join(dir, "b.md"), "b")
			time.Sleep(300 * time.Millisecond)
			h.collect(abs(dir, "a.md", "b.md")...)
		})
	}
}

func TestFlushDelay(t *testing.T) {
	now := time.Now()
	quiet, maxWait := 100*time.Millisecond, time.Second
	cases := []struct {
		first time.Time
		want  time.Duration
	}{
		{now, quiet},
		{now.Add(-500 * time.Millisecond), quiet},
		{now.Add(-950 * time.Millisecond), 50 * time.Millisecond},
		{now.Add(-2 * time.Second), 0},
	}
	for _, tc := range cases {
		if got := flushDelay(tc.first, now, quiet, maxWait); got != tc.want {
			t.Errorf("flushDelay(first=now-%v) = %v; want %v", now.Sub(tc.first), got, tc.want)
		}
	}
}

func TestLimitHint(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want []string // substrings of the hint; nil means not a limit error
	}{
		{"ENOSPC", syscall.ENOSPC, []string{"fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches="}},
		{"wrapped ENOSPC", fmt.Errorf("watch %s: %w", "/x", syscall.ENOSPC), []string{"fs.inotify.max_user_watches"}},
		{"syscall error ENOSPC", os.NewSyscallError("inotify_add_watch", syscall.ENOSPC), []string{"fs.inotify.max_user_watches"}},
		{"EMFILE", fmt.Errorf("couldn't initialize inotify: %w", syscall.EMFILE), []string{"ulimit -n"}},
		{"path error EMFILE", &os.PathError{Op: "open", Path: "/x", Err: syscall.EMFILE}, []string{"ulimit -n"}},
		{"ENFILE", syscall.ENFILE, []string{"file descriptors"}},
		{"ENOENT", syscall.ENOENT, nil},
		{"EACCES", fmt.Errorf("watch: %w", syscall.EACCES), nil},
		{"message only", errors.New("no space left on device"), nil},
		{"nil", nil, nil},
	}
	if runtime.GOOS == "linux" {
		cases = append(cases, struct {
			name string
			err  error
			want []string
		}{"EMFILE on linux", syscall.EMFILE, []string{"ulimit -n", "sudo sysctl fs.inotify.max_user_instances="}})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hint, ok := limitHint(tc.err)
			if ok != (tc.want != nil) {
				t.Fatalf("limitHint(%v) ok = %v; want %v", tc.err, ok, tc.want != nil)
			}
			for _, w := range tc.want {
				if !strings.Contains(hint, w) {
					t.Errorf("hint %q does not contain %q", hint, w)
				}
			}
		})
	}
}

// failAdd simulates an exhausted system limit for the folders fail picks.
func failAdd(err error, fail func(path string) bool) Option {
	return func(c *config) {
		c.add = func(fw *fsnotify.Watcher, path string) error {
			if fail(path) {
				return fmt.Errorf("inotify_add_watch %s: %w", path, err)
			}
			return fw.Add(path)
		}
	}
}

// TestFallbackAtStart checks that running out of watches or files while
// setting up logs the setting to raise and polls instead.
func TestFallbackAtStart(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "sudo sysctl fs.inotify.max_user_watches=524288"},
		{syscall.EMFILE, "ulimit -n"},
	}
	for _, tc := range cases {
		t.Run(tc.err.Error(), func(t *testing.T) {
			dir := tempDir(t)
			write(t, filepath.Join(dir, "a.md"), "a")
			h := start(t, []string{dir}, failAdd(tc.err, func(string) bool { return true }))
			if !h.w.Polling() {
				t.Fatal("Polling() = false; want fallback to polling")
			}
			if logs := h.logs.String(); !strings.Contains(logs, tc.want) || !strings.Contains(logs, "falling back to polling") {
				t.Errorf("log does not name %q and the fallback:\n%s", tc.want, logs)
			}
			write(t, filepath.Join(dir, "a.md"), "a changed")
			write(t, filepath.Join(dir, "b.md"), "b")
			h.collect(abs(dir, "a.md", "b.md")...)
		})
	}
}

// TestFallbackWhileRunning checks the switch to polling when a new folder
// cannot be watched: the roots are reported, since changes may have been
// missed, and polling carries on.
func TestFallbackWhileRunning(t *testing.T) {
	dir := tempDir(t)
	h := start(t, []string{dir}, failAdd(syscall.ENOSPC, func(p string) bool { return filepath.Base(p) == "deep" }))
	if h.w.Polling() {
		t.Fatal("Polling() = true before any limit was hit")
	}
	write(t, filepath.Join(dir, "deep/a.md"), "a")
	h.collect(dir)
	if !h.w.Polling() {
		t.Fatal("Polling() = false after the watch limit was hit")
	}
	if logs := h.logs.String(); !strings.Contains(logs, "fs.inotify.max_user_watches") {
		t.Errorf("log does not name fs.inotify.max_user_watches:\n%s", logs)
	}
	write(t, filepath.Join(dir, "deep/b.md"), "b")
	remove(t, filepath.Join(dir, "deep/a.md"))
	h.collect(abs(dir, "deep/a.md", "deep/b.md")...)
}

// TestOverflowRescans checks that after the kernel's event queue overflowed
// every root is reported and folders whose events were lost get watched.
// It drives the Watcher by hand, without its loop, to inject the overflow.
func TestOverflowRescans(t *testing.T) {
	dir := tempDir(t)
	write(t, filepath.Join(dir, "a/x.md"), "x")
	w, err := newWatcher([]string{dir}, []Option{WithLogger(slog.New(slog.DiscardHandler))})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.startNotify(); err != nil {
		t.Fatal(err)
	}
	defer w.fs.Close()

	lost := filepath.Join(dir, "a/lost")
	if err := os.Mkdir(lost, 0o755); err != nil {
		t.Fatal(err)
	}
	w.handleError(fsnotify.ErrEventOverflow)
	if _, ok := w.pending[dir]; !ok {
		t.Errorf("root not reported after overflow; pending %v", w.pending)
	}
	if _, ok := w.recDirs[lost]; !ok {
		t.Errorf("%s not watched after overflow; watched %v", lost, w.recDirs)
	}
	if w.fs == nil {
		t.Error("fell back to polling on overflow; want a rescan")
	}
}

// TestClose checks that Close ends everything even with a batch nobody
// received, closes Batches, and can be called again.
func TestClose(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dir := tempDir(t)
			h := start(t, []string{dir}, m.opts...)
			write(t, filepath.Join(dir, "a.md"), "a")
			time.Sleep(300 * time.Millisecond) // let a batch wait for a receiver

			closed := make(chan error, 1)
			go func() { closed <- h.w.Close() }()
			select {
			case err := <-closed:
				if err != nil {
					t.Errorf("Close: %v", err)
				}
			case <-time.After(wait):
				t.Fatal("Close did not return")
			}
			for range h.w.Batches() { // drains, then ends as the channel is closed
			}
			if err := h.w.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
		})
	}
}

func TestNewWithoutRoots(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded; want an error")
	}
}

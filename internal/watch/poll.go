package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// stamp is what polling compares to find a change. Folders compare by
// presence and type only: their size and modtime change with their entries,
// which are reported themselves. Permission bits are left out, as native
// watching ignores chmod-only changes too.
type stamp struct {
	size int64
	mod  int64 // modtime in Unix nanoseconds
	typ  fs.FileMode
}

func stampOf(fi fs.FileInfo) stamp {
	if fi.IsDir() {
		return stamp{typ: fs.ModeDir}
	}
	return stamp{size: fi.Size(), mod: fi.ModTime().UnixNano(), typ: fi.Mode().Type()}
}

// startPolling takes the snapshot later polls compare against.
func (w *Watcher) startPolling() {
	w.snap = w.scan()
	w.polling.Store(true)
}

// poll reports what changed since the last snapshot.
func (w *Watcher) poll() {
	snap := w.scan()
	for _, p := range diff(w.snap, snap) {
		w.report(p)
	}
	w.snap = snap
}

// scan stamps every root and everything below the folder roots that is not
// ignored. Symbolic links below a root are stamped, not followed.
func (w *Watcher) scan() map[string]stamp {
	snap := make(map[string]stamp)
	for _, r := range w.roots {
		fi, err := os.Stat(r.path)
		if err != nil {
			continue
		}
		snap[r.path] = stampOf(fi)
		if fi.IsDir() {
			w.scanDir(r.path, snap)
		}
	}
	return snap
}

func (w *Watcher) scanDir(dir string, snap map[string]stamp) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			// Debug, not Warn: this would repeat on every poll.
			w.log.Debug("watch: cannot read folder", "path", dir, "err", err)
		}
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if w.skip(p) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed since ReadDir; the next poll sees it gone
		}
		snap[p] = stampOf(fi)
		if e.IsDir() {
			w.scanDir(p, snap)
		}
	}
}

// diff lists the paths created, changed or removed between two snapshots.
func diff(old, cur map[string]stamp) []string {
	var changed []string
	for p, s := range cur {
		if o, ok := old[p]; !ok || o != s {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			changed = append(changed, p)
		}
	}
	return changed
}

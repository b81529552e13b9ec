package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// kind is what a root is on disk.
type kind int

const (
	kindMissing kind = iota
	kindDir
	kindFile
)

// root is one watched root and how it is watched now.
type root struct {
	path   string
	kind   kind
	anchor string // folder watched non-recursively for a file or missing root
}

// maxResolve bounds re-checks of a root that keeps changing while its
// watches are being added.
const maxResolve = 8

// startNotify sets up native watches for every root. An error means native
// watching is impossible and the caller should poll.
func (w *Watcher) startNotify() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("start fsnotify: %w", err)
	}
	w.fs = fw
	w.recDirs = make(map[string]struct{})
	w.anchors = make(map[string]struct{})
	for _, r := range w.roots {
		if err := w.resolve(r, false); err != nil {
			return err
		}
	}
	w.gcAnchors()
	w.log.Debug("watch: watching natively", "folders", len(w.recDirs), "anchors", len(w.anchors))
	return nil
}

// handleEvent turns one fsnotify event into reported paths and watch
// updates. It returns only exhausted-limit errors, on which the caller
// falls back to polling.
func (w *Watcher) handleEvent(ev fsnotify.Event) error {
	op := ev.Op &^ fsnotify.Chmod
	if op == 0 {
		return nil // attribute-only change
	}
	p := filepath.Clean(ev.Name)
	gone := op.Has(fsnotify.Remove) || op.Has(fsnotify.Rename)

	// Roots at or below p may have appeared, vanished or been replaced.
	isRoot, resolved := false, false
	for _, r := range w.roots {
		if !isUnder(r.path, p) {
			continue
		}
		isRoot = isRoot || r.path == p
		if r.kind != kindMissing && (gone || r.path == p && op.Has(fsnotify.Create)) {
			if r.kind == kindDir {
				w.unwatchTree(r.path)
			}
			w.report(r.path)
			r.kind = kindMissing
		}
		if r.kind == kindMissing {
			if err := w.resolve(r, true); err != nil {
				return err
			}
			resolved = true
		}
	}
	if resolved {
		w.gcAnchors()
	}
	if isRoot {
		w.report(p)
		return nil
	}

	// Anything else counts only inside a watched tree: this drops siblings
	// seen through anchors, and events from folders already unwatched.
	if _, ok := w.recDirs[filepath.Dir(p)]; !ok || w.skip(p) {
		return nil
	}
	if op.Has(fsnotify.Create) {
		w.created(p)
	}
	w.report(p)
	if gone {
		if _, ok := w.recDirs[p]; ok {
			w.unwatchTree(p)
		}
	}
	if op.Has(fsnotify.Create) {
		if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
			return w.addTree(p, true)
		}
	}
	return nil
}

// handleError deals with an error from fsnotify's error channel.
func (w *Watcher) handleError(err error) {
	switch {
	case isLimit(err):
		w.fallback(err)
	case errors.Is(err, fsnotify.ErrEventOverflow):
		w.log.Warn("watch: too many changes at once, some events were lost; rescanning", "err", err)
		if err := w.rewatch(); err != nil {
			w.fallback(err)
		}
	default:
		w.log.Warn("watch: file watching error", "err", err)
	}
}

// rewatch rebuilds every root's watches after lost events and reports all
// roots, since anything may have changed.
func (w *Watcher) rewatch() error {
	for _, r := range w.roots {
		if r.kind == kindDir {
			w.unwatchTree(r.path)
		}
		r.kind = kindMissing
		w.report(r.path)
		if err := w.resolve(r, false); err != nil {
			return err
		}
	}
	w.gcAnchors()
	return nil
}

// probe tells what path is now and, unless it is a folder, which folder to
// watch to see it change: its parent if it is a file, else its nearest
// existing ancestor folder.
func probe(path string) (kind, string) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return kindDir, ""
	case err == nil:
		return kindFile, filepath.Dir(path)
	}
	dir := filepath.Dir(path)
	for {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return kindMissing, dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return kindMissing, dir
		}
		dir = parent
	}
}

// resolve watches a root that is not currently watched as what it is:
// recursively if it is a folder, through an anchor otherwise. It re-checks
// after adding an anchor, since a folder on the way to a missing root may
// appear before the anchor's watch is in place. With report set, the root
// and, for a folder, everything in it are reported.
func (w *Watcher) resolve(r *root, report bool) error {
	for range maxResolve {
		k, anchor := probe(r.path)
		if k == kindDir {
			if err := w.addTree(r.path, report); err != nil {
				return err
			}
			_, watched := w.recDirs[r.path]
			if k, _ := probe(r.path); watched || k == kindDir {
				// Watched, or present but unwatchable (addTree warned).
				r.kind, r.anchor = kindDir, ""
				return nil
			}
			continue // removed before its watch was added
		}
		if report && k == kindFile {
			w.report(r.path)
		}
		r.kind = k
		if anchor != r.anchor {
			ok, err := w.addAnchor(anchor)
			if err != nil {
				return err
			}
			if ok {
				r.anchor = anchor
			}
		}
		if k2, a2 := probe(r.path); k2 == k && a2 == r.anchor {
			return nil
		}
	}
	return nil
}

// addTree watches dir and every folder below it that is not ignored. With
// report set it also reports dir and everything in it: files created in a
// new folder before its watch was in place would otherwise be missed.
func (w *Watcher) addTree(dir string, report bool) error {
	if err := w.cfg.add(w.fs, dir); err != nil {
		switch {
		case isLimit(err):
			return fmt.Errorf("watch %s: %w", dir, err)
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			// Gone already; its removal is reported by its parent.
		default:
			w.log.Warn("watch: cannot watch folder; changes in it will be missed", "path", dir, "err", err)
		}
		return nil
	}
	w.recDirs[dir] = struct{}{}
	if report {
		w.report(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.log.Warn("watch: cannot read folder", "path", dir, "err", err)
		}
		return nil
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if w.skip(p) {
			continue
		}
		if e.IsDir() {
			if err := w.addTree(p, report); err != nil {
				return err
			}
		} else if report {
			w.report(p)
		}
	}
	return nil
}

// addAnchor watches dir non-recursively. It reports false if dir could not
// be watched, e.g. because it was just removed.
func (w *Watcher) addAnchor(dir string) (bool, error) {
	if _, ok := w.anchors[dir]; ok {
		return true, nil
	}
	if _, ok := w.recDirs[dir]; !ok {
		if err := w.cfg.add(w.fs, dir); err != nil {
			if isLimit(err) {
				return false, fmt.Errorf("watch %s: %w", dir, err)
			}
			if !errors.Is(err, fs.ErrNotExist) {
				w.log.Warn("watch: cannot watch folder; a root in it will not be seen", "path", dir, "err", err)
			}
			return false, nil
		}
	}
	w.anchors[dir] = struct{}{}
	return true, nil
}

// gcAnchors drops anchors no root needs any more.
func (w *Watcher) gcAnchors() {
	want := make(map[string]bool)
	for _, r := range w.roots {
		if r.anchor != "" {
			want[r.anchor] = true
		}
	}
	for a := range w.anchors {
		if want[a] {
			continue
		}
		delete(w.anchors, a)
		if _, ok := w.recDirs[a]; !ok {
			w.unwatch(a)
		}
	}
}

// unwatchTree drops the watches of dir and every folder below it. This
// matters for renamed folders: their watches would otherwise live on under
// the old paths, and re-adding them under the new name would not rename them.
func (w *Watcher) unwatchTree(dir string) {
	for d := range w.recDirs {
		if !isUnder(d, dir) {
			continue
		}
		delete(w.recDirs, d)
		if _, ok := w.anchors[d]; !ok {
			w.unwatch(d)
		}
	}
}

// unwatch removes one fsnotify watch. The kernel drops the watch of a
// removed folder by itself, so failures are expected and only logged.
func (w *Watcher) unwatch(dir string) {
	if err := w.fs.Remove(dir); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) {
		w.log.Debug("watch: remove watch", "path", dir, "err", err)
	}
}

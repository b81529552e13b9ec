package watch

import (
	"path/filepath"
	"strings"
)

// ignoredName reports whether a file or folder name is editor or tool noise
// that never warrants a rebuild: swap, backup, lock and temp files written
// around a save, OS metadata, and the .git folder (whose contents are then
// never walked or watched).
func ignoredName(name string) bool {
	switch name {
	case ".git", ".DS_Store", "4913": // 4913 is vim's "can I write here" probe
		return true
	}
	switch filepath.Ext(name) {
	case ".swp", ".swo", ".swn", ".swx": // vim swap files and probe
		return true
	}
	return strings.HasSuffix(name, "~") || // vim and emacs backups
		strings.HasPrefix(name, ".#") || // emacs lock
		len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' || // emacs autosave
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") || // JetBrains safe write
		strings.HasPrefix(name, ".goutputstream-") || // GTK (gedit) atomic save
		hasTmpSuffix(name)
}

// hasTmpSuffix matches "x.tmp" and "x.tmp123", as os.CreateTemp-based atomic
// writers name their temp files, but not "x.tmpl" templates.
func hasTmpSuffix(name string) bool {
	i := strings.LastIndex(name, ".tmp")
	if i < 0 {
		return false
	}
	for _, c := range name[i+len(".tmp"):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// skip reports whether path, below a root, is left out of batches, walks and
// watches: by the built-in name rules or by the caller's ignore func.
func (w *Watcher) skip(path string) bool {
	return ignoredName(filepath.Base(path)) || w.cfg.ignore != nil && w.cfg.ignore(path)
}

// isUnder reports whether path is dir or lies below it.
func isUnder(path, dir string) bool {
	if path == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(path, dir)
}

package build

import (
	"errors"
	"io/fs"
	"slices"
)

// overlay is a read-only file system in which files of upper hide files of
// the same name in lower: a site's templates/ over the embedded defaults.
type overlay struct {
	upper, lower fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if err == nil {
		st, serr := f.Stat()
		if serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.lower.Open(name)
}

// ReadDir merges both layers, upper first on name clashes.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, uerr := fs.ReadDir(o.upper, name)
	low, lerr := fs.ReadDir(o.lower, name)
	if uerr != nil && lerr != nil {
		if errors.Is(uerr, fs.ErrNotExist) {
			return nil, lerr
		}
		return nil, uerr
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(up, low...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}

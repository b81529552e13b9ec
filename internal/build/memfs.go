package build

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"time"
)

// FS returns the built site as a read-only file system, for serving it from
// memory. Folders are implied by the files' paths.
func (r *Result) FS() fs.FS {
	m := memFS{files: r.Files, dirs: map[string][]string{}}
	for name := range r.Files {
		for d, child := path.Dir(name), name; ; d, child = path.Dir(d), d {
			kids := m.dirs[d]
			if !slices.Contains(kids, child) {
				m.dirs[d] = append(kids, child)
			}
			if d == "." {
				break
			}
		}
	}
	for _, kids := range m.dirs {
		slices.Sort(kids)
	}
	return m
}

type memFS struct {
	files map[string][]byte
	dirs  map[string][]string // folder → its entries' full paths
}

func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
	}
	if kids, ok := m.dirs[name]; ok {
		return &memDir{fs: m, info: memInfo{name: path.Base(name), dir: true}, kids: kids}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) stat(name string) memInfo {
	if data, ok := m.files[name]; ok {
		return memInfo{name: path.Base(name), size: int64(len(data))}
	}
	return memInfo{name: path.Base(name), dir: true}
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) ModTime() time.Time         { return time.Time{} }
func (i memInfo) IsDir() bool                { return i.dir }
func (i memInfo) Sys() any                   { return nil }
func (i memInfo) Type() fs.FileMode          { return i.Mode().Type() }
func (i memInfo) Info() (fs.FileInfo, error) { return i, nil }

type memFile struct {
	info memInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *memFile) ReadAt(p []byte, off int64) (int, error) { return f.r.ReadAt(p, off) }
func (f *memFile) Close() error                            { return nil }

type memDir struct {
	fs   memFS
	info memInfo
	kids []string
	next int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

// ReadDir lists the folder, n entries at a time as fs.ReadDirFile says.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.kids[d.next:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	out := make([]fs.DirEntry, len(rest))
	for i, k := range rest {
		out[i] = d.fs.stat(k)
	}
	d.next += len(rest)
	return out, nil
}

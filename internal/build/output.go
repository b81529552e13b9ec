package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Marker is the file briefgen leaves in every folder it writes a site to.
// It will only replace a folder that has one, so a mistaken --out can never
// wipe a folder of other files.
const Marker = ".briefgen-output"

const markerText = "This folder is written by briefgen build; it is replaced on every build.\n"

// Publish writes files as the folder out, replacing what was there at once:
// the site is written to a sibling temporary folder, which is swapped in only
// when every file is written. out must be missing, empty, or an earlier
// output of briefgen (it holds Marker).
func Publish(out string, files map[string][]byte) error {
	out = filepath.Clean(out)
	if err := checkOut(out); err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("output: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("output: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("output: remove previous build: %w", err)
		}
	}
	return nil
}

// checkOut refuses to replace a folder briefgen did not create.
func checkOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	return fmt.Errorf("output %s: the folder has files and was not made by briefgen (no %s file); refusing to replace it: choose another --out, or empty it yourself", out, Marker)
}

func writeAll(dir string, files map[string][]byte) error {
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	slices.Sort(names)
	for _, f := range names {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if err := os.WriteFile(p, files[f], 0o644); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}

// Apply updates an existing output folder in place after an incremental
// build: each written file is replaced atomically, removed files are
// deleted, and folders left empty are removed.
func Apply(out string, res *Result) error {
	if err := checkOut(out); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return Publish(out, res.Files)
	}
	for _, f := range res.Written {
		p := filepath.Join(out, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		tmp := p + ".briefgen-tmp"
		if err := os.WriteFile(tmp, res.Files[f], 0o644); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if err := os.Rename(tmp, p); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	for _, f := range res.Removed {
		p := filepath.Join(out, filepath.FromSlash(f))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("output: %w", err)
		}
		for d := filepath.Dir(p); strings.HasPrefix(d, out+string(filepath.Separator)); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

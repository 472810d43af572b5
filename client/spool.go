package client

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Record is one spooled call: what the replay endpoint receives. It holds only
// hashes and metadata; the prompt and completion text never reach the disk.
type Record struct {
	ID           string  `json:"id"`
	TS           string  `json:"ts"`
	InputSHA256  string  `json:"inputSha256"`
	OutputSHA256 string  `json:"outputSha256"`
	Reason       string  `json:"reason"`
	Error        string  `json:"error"`
	Context      Context `json:"context"`
}

// Spooled record reasons, as the replay contract names them.
const (
	SpoolFailOpen   = "fail_open"
	SpoolFailClosed = "fail_closed"
)

// spool is an append-only JSON-lines file. Appends are fsync'd before Validate
// returns, so an allowed call's record survives a crash; removal rewrites the
// remainder to a temp file and renames it over the original, so a crash leaves
// either the old or the new file, never a half-written one.
type spool struct {
	mu   sync.Mutex
	path string
}

func (s *spool) append(rec Record) error {
	line, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("%w: encode record %s: %w", ErrSpool, rec.ID, err)
	}
	line = append(line, '\n')

	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.OpenFile(s.path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("%w: open %s: %w", ErrSpool, s.path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%w: stat %s: %w", ErrSpool, s.path, err)
	}
	if st.Size() > 0 {
		// A crash mid-append can leave a torn last line; start on a fresh line
		// so the torn bytes cannot swallow this record too.
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, st.Size()-1); err != nil {
			return fmt.Errorf("%w: read tail of %s: %w", ErrSpool, s.path, err)
		}
		if last[0] != '\n' {
			line = append([]byte{'\n'}, line...)
		}
	}
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("%w: append to %s: %w", ErrSpool, s.path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%w: fsync %s: %w", ErrSpool, s.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%w: close %s: %w", ErrSpool, s.path, err)
	}
	if st.Size() == 0 {
		// The file may be new: make its directory entry durable as well.
		if err := syncDir(filepath.Dir(s.path)); err != nil {
			return fmt.Errorf("%w: %w", ErrSpool, err)
		}
	}
	return nil
}

// readAll returns the parseable records and how many lines were not (torn by a
// crash mid-append, or damaged).
func (s *spool) readAll() ([]Record, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var recs []Record
	skipped, err := s.scan(func(r Record, _ []byte) { recs = append(recs, r) })
	return recs, skipped, err
}

// scan calls fn for each parseable line. Callers hold s.mu.
func (s *spool) scan(fn func(Record, []byte)) (skipped int, err error) {
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%w: open %s: %w", ErrSpool, s.path, err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, rerr := r.ReadBytes('\n')
		if t := bytes.TrimSpace(line); len(t) > 0 {
			var rec Record
			if json.Unmarshal(t, &rec) != nil || rec.ID == "" {
				skipped++
			} else {
				fn(rec, t)
			}
		}
		if rerr == io.EOF {
			return skipped, nil
		}
		if rerr != nil {
			return skipped, fmt.Errorf("%w: read %s: %w", ErrSpool, s.path, rerr)
		}
	}
}

// remove drops the acknowledged records (and unparseable lines) and returns how
// many remain. Records appended since the caller's readAll are kept, because
// the rewrite reads the file afresh under the lock.
func (s *spool) remove(acked map[string]struct{}) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var keep bytes.Buffer
	remaining := 0
	if _, err := s.scan(func(r Record, line []byte) {
		if _, ok := acked[r.ID]; ok {
			return
		}
		keep.Write(line)
		keep.WriteByte('\n')
		remaining++
	}); err != nil {
		return 0, err
	}
	dir := filepath.Dir(s.path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("%w: create temp in %s: %w", ErrSpool, dir, err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
	}()
	if _, err := tmp.Write(keep.Bytes()); err != nil {
		return 0, fmt.Errorf("%w: write %s: %w", ErrSpool, tmpName, err)
	}
	if err := tmp.Sync(); err != nil {
		return 0, fmt.Errorf("%w: fsync %s: %w", ErrSpool, tmpName, err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("%w: close %s: %w", ErrSpool, tmpName, err)
	}
	if err := os.Rename(tmpName, s.path); err != nil {
		return 0, fmt.Errorf("%w: rename %s: %w", ErrSpool, tmpName, err)
	}
	ok = true
	if err := syncDir(dir); err != nil {
		return remaining, fmt.Errorf("%w: %w", ErrSpool, err)
	}
	return remaining, nil
}

func (s *spool) count() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	_, err := s.scan(func(Record, []byte) { n++ })
	return n, err
}

// syncDir makes a create or rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open dir %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("fsync dir %s: %w", dir, err)
	}
	return nil
}

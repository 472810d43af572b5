package audit

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Part is one uploaded part of a multipart object.
type Part struct {
	Number int32  `json:"part"`
	ETag   string `json:"etag"`
	Size   int64  `json:"size"`
}

// Multipart writes an object in parts (S3 multipart upload): every part
// but the last at least MinPartSize, at most MaxParts of them.
type Multipart interface {
	CreateMultipart(ctx context.Context, key, contentType string) (uploadID string, err error)
	UploadPart(ctx context.Context, key, uploadID string, part int32, body []byte) (etag string, err error)
	CompleteMultipart(ctx context.Context, key, uploadID string, parts []Part) error
	AbortMultipart(ctx context.Context, key, uploadID string) error
}

// S3's multipart limits.
const (
	MinPartSize = 5 << 20
	MaxParts    = 10000
)

// DefaultPartSize is an Upload's first part size. Parts grow (partSize) so
// that 10,000 of them reach ~500 GB while a small package holds 8 MiB
// buffers.
const DefaultPartSize = 8 << 20

// partSize is the size of part n (1-based) when parts start at base: base
// for the first 2,000 parts, doubling every 2,000 after.
func partSize(base int, n int32) int {
	return base << ((n - 1) / 2000)
}

// Upload is an object written as it is produced: Write buffers one part
// and, when it is full, uploads it while the next fills (at most two parts
// in flight, so memory is three parts whatever the object's size). Close
// uploads the last part and completes the object; Abort (or any failed
// part, on Close) discards every part, so a failed build leaves no object.
type Upload struct {
	mp       Multipart
	key, id  string
	ctx      context.Context
	cancel   context.CancelFunc
	base     int
	buf      []byte
	free     chan []byte
	slots    chan struct{} // parts uploading
	buffers  int
	next     int32
	size     int64
	wg       sync.WaitGroup
	mu       sync.Mutex
	parts    []Part
	err      error
	finished bool // no more writes
	settled  bool // completed, handed over (Parts) or aborted
}

// NewUpload starts a multipart upload of key. partSize below MinPartSize
// (tests) is allowed for stores that accept it; 0 is DefaultPartSize.
func NewUpload(ctx context.Context, mp Multipart, key, contentType string, base int) (*Upload, error) {
	if base <= 0 {
		base = DefaultPartSize
	}
	id, err := mp.CreateMultipart(ctx, key, contentType)
	if err != nil {
		return nil, fmt.Errorf("start upload of %s: %w", key, err)
	}
	return ResumeUpload(ctx, mp, key, id, 1, base), nil
}

// ResumeUpload writes parts from number first of an upload already
// started (a fan-out worker's share); Close then uploads the last part
// without completing the object (see Parts).
func ResumeUpload(ctx context.Context, mp Multipart, key, uploadID string, first int32, base int) *Upload {
	if base <= 0 {
		base = DefaultPartSize
	}
	ctx, cancel := context.WithCancel(ctx)
	return &Upload{mp: mp, key: key, id: uploadID, ctx: ctx, cancel: cancel, base: base, next: first,
		free: make(chan []byte, 3), slots: make(chan struct{}, 2)}
}

// ID is the multipart upload id.
func (u *Upload) ID() string { return u.id }

// Size is how many bytes were written.
func (u *Upload) Size() int64 { return u.size }

func (u *Upload) failed() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

func (u *Upload) fail(err error) {
	u.mu.Lock()
	if u.err == nil {
		u.err = err
	}
	u.mu.Unlock()
	u.cancel()
}

// Write buffers p, uploading each part as it fills.
func (u *Upload) Write(p []byte) (int, error) {
	if u.finished {
		return 0, errors.New("upload: write after close")
	}
	n := len(p)
	for len(p) > 0 {
		if err := u.failed(); err != nil {
			return 0, err
		}
		if u.buf == nil {
			if err := u.take(); err != nil {
				return 0, err
			}
		}
		room := partSize(u.base, u.next) - len(u.buf)
		k := min(room, len(p))
		u.buf = append(u.buf, p[:k]...)
		p = p[k:]
		u.size += int64(k)
		if len(u.buf) == partSize(u.base, u.next) {
			u.send()
		}
	}
	return n, nil
}

// take gets a buffer for the next part: a returned one, or a new one while
// fewer than three exist (one filling, two uploading).
func (u *Upload) take() error {
	want := partSize(u.base, u.next)
	var b []byte
	if u.buffers < cap(u.free) {
		select {
		case b = <-u.free:
		default:
			u.buffers++
		}
	} else {
		select {
		case b = <-u.free:
		case <-u.ctx.Done():
			if err := u.failed(); err != nil {
				return err
			}
			return u.ctx.Err()
		}
	}
	if cap(b) < want {
		b = make([]byte, 0, want)
	}
	u.buf = b[:0]
	return nil
}

// send uploads the filled buffer in the background.
func (u *Upload) send() {
	body, n := u.buf, u.next
	u.buf = nil
	u.next++
	if n > MaxParts {
		u.fail(fmt.Errorf("upload %s: more than %d parts", u.key, MaxParts))
		return
	}
	// Two parts upload at once: a third full buffer waits here, and the
	// writer with it.
	select {
	case u.slots <- struct{}{}:
	case <-u.ctx.Done():
		u.fail(u.ctx.Err())
		u.free <- body[:0]
		return
	}
	u.wg.Go(func() {
		defer func() { u.free <- body[:0]; <-u.slots }()
		etag, err := u.mp.UploadPart(u.ctx, u.key, u.id, n, body)
		if err != nil {
			u.fail(fmt.Errorf("upload part %d of %s: %w", n, u.key, err))
			return
		}
		u.mu.Lock()
		u.parts = append(u.parts, Part{Number: n, ETag: etag, Size: int64(len(body))})
		u.mu.Unlock()
	})
}

// flush uploads what is buffered as the last part (an empty one only if
// the writer wrote no part at all) and waits for every part.
func (u *Upload) flush() error {
	if u.finished {
		return errors.New("upload: closed twice")
	}
	u.finished = true
	if len(u.buf) > 0 || u.buf == nil && len(u.parts) == 0 && u.size == 0 {
		if u.buf == nil {
			u.buf = []byte{}
		}
		u.send()
	}
	u.wg.Wait()
	if err := u.failed(); err != nil {
		return err
	}
	slices.SortFunc(u.parts, func(a, b Part) int { return int(a.Number - b.Number) })
	return nil
}

// Parts flushes the last part and returns the parts uploaded, in order,
// without completing the object (a fan-out worker's result). On error the
// caller aborts the whole upload (the parts of other workers included).
func (u *Upload) Parts() ([]Part, error) {
	defer u.cancel()
	if err := u.flush(); err != nil {
		return nil, err
	}
	u.settled = true
	return u.parts, nil
}

// Close uploads the last part and completes the object; on any failure it
// aborts the upload and returns the failure.
func (u *Upload) Close() error {
	defer u.cancel()
	if err := u.flush(); err != nil {
		return errors.Join(err, u.abort())
	}
	if err := u.mp.CompleteMultipart(u.ctx, u.key, u.id, u.parts); err != nil {
		return errors.Join(fmt.Errorf("complete %s: %w", u.key, err), u.abort())
	}
	u.settled = true
	return nil
}

// Abort discards the upload and every part of it. It is safe after Close
// (a no-op then) and is what a failed build defers.
func (u *Upload) Abort() error {
	if u.settled {
		return nil
	}
	u.finished = true
	u.fail(errors.New("upload aborted"))
	u.wg.Wait()
	return u.abort()
}

func (u *Upload) abort() error {
	u.settled = true
	// The build's context may be what failed: aborting must still happen.
	ctx := context.WithoutCancel(u.ctx)
	if err := u.mp.AbortMultipart(ctx, u.key, u.id); err != nil {
		return fmt.Errorf("abort upload of %s: %w", u.key, err)
	}
	return nil
}

package system

import (
	"context"
	"encoding/json"
	"github.com/agentgate/agentgate/localtest/invoke"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/wire/packagewire"
)

var packagersBySystem sync.Map // *System -> *packagewire.Packager

// RequestPollInterval is how often the local system looks for package
// requests, standing in for the packages bucket's event notification.
const RequestPollInterval = 200 * time.Millisecond

// startPackages runs the packager as AWS does: each request object POST
// /v1/packages writes to the packages bucket invokes it asynchronously with
// a real S3 event (here: a poller over the request prefix, one goroutine
// per invocation), and the monthly schedule invokes it on the tick with a
// real scheduled event. Errors are logged: the API still serves without it.
func (s *System) startPackages(ctx context.Context) {
	p, err := packagewire.New(packagewire.Clients{Clients: s.Clients}, s.Config)
	if err != nil {
		s.opts.Log.Error("packager not started", "err", err)
		return
	}
	packagersBySystem.Store(s, p)
	invoke := invoke.NoResult(p.Handle)
	s.AddJob(Job{Name: "packager", Run: func(ctx context.Context, now time.Time) error {
		_, err := invoke(ctx, ScheduledEvent(now, "agentgate-packager-monthly"))
		return err
	}})
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		inflight := map[string]bool{}
		var mu sync.Mutex
		t := time.NewTicker(RequestPollInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			keys, err := p.Blobs.Pending(ctx)
			if err != nil {
				if ctx.Err() == nil {
					s.opts.Log.Error("list package requests", "err", err)
				}
				continue
			}
			for _, key := range keys {
				mu.Lock()
				busy := inflight[key]
				inflight[key] = true
				mu.Unlock()
				if busy {
					continue
				}
				s.wg.Add(1)
				go func(key string) {
					defer s.wg.Done()
					// A failed invoke leaves the request object in place: the
					// next poll retries it, as Lambda retries async invokes.
					if _, err := invoke(ctx, S3Event(s.Config.PackagesBucket, key)); err != nil && ctx.Err() == nil {
						s.opts.Log.Error("packager invoke failed", "key", key, "err", err)
						time.Sleep(time.Second)
					}
					mu.Lock()
					delete(inflight, key)
					mu.Unlock()
				}(key)
			}
		}
	}()
}

// Packager is the running packager function (nil if it did not start).
func (s *System) Packager() *packagewire.Packager {
	p, ok := packagersBySystem.Load(s)
	if !ok {
		return nil
	}
	return p.(*packagewire.Packager)
}

// S3Event is the JSON S3 sends a function for one created object.
func S3Event(bucket, key string) []byte {
	ev := events.S3Event{Records: []events.S3EventRecord{{
		EventVersion: "2.1", EventSource: "aws:s3", AWSRegion: "us-east-1", EventTime: time.Now().UTC(),
		EventName: "ObjectCreated:Put",
		S3: events.S3Entity{SchemaVersion: "1.0", ConfigurationID: "package-requests",
			Bucket: events.S3Bucket{Name: bucket, Arn: "arn:aws:s3:::" + bucket},
			Object: events.S3Object{Key: key, URLDecodedKey: key}},
	}}}
	b, _ := json.Marshal(ev) // a fixed struct: cannot fail
	return b
}

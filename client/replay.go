package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// ReplayResult sums up one Replay.
type ReplayResult struct {
	Sent       int // records the server acknowledged in this replay
	Accepted   int // recorded for the first time
	Duplicates int // already recorded (an earlier replay was cut short after the ack)
	Remaining  int // records still in the spool afterwards
	Skipped    int // unreadable lines dropped (torn by a crash mid-append)
	Evidence   []EvidenceRef
}

// EvidenceRef points at the evidence entry a replayed record became.
type EvidenceRef struct {
	ID    string `json:"id"`
	Chain string `json:"chain"`
	Seq   uint64 `json:"seq"`
	Hash  string `json:"hash"`
}

type replayRequest struct {
	Records []Record `json:"records"`
}

type replayResponse struct {
	Accepted   int           `json:"accepted"`
	Duplicates int           `json:"duplicates"`
	Evidence   []EvidenceRef `json:"evidence"`
}

// Replay delivers the spooled records in batches and removes each batch only
// after the server acknowledged it. A crash between the ack and the removal
// re-sends that batch next time; the server de-duplicates by record id, so
// every spooled call is recorded exactly once. Replays are serialised; records
// spooled while one runs wait for the next. On error the acknowledged part is
// still removed and counted in the returned result.
func (c *Client) Replay(ctx context.Context) (ReplayResult, error) {
	var res ReplayResult
	if c.sp == nil {
		return res, nil
	}
	c.replayMu.Lock()
	defer c.replayMu.Unlock()
	c.dirty.Store(false)

	recs, skipped, err := c.sp.readAll()
	if err != nil {
		c.dirty.Store(true)
		return res, fmt.Errorf("replay: %w", err)
	}
	res.Skipped = skipped
	res.Remaining = len(recs)
	acked := make(map[string]struct{})
	// Rewriting the spool costs a pass over the file, so flush in a few large
	// steps (a quarter of the snapshot at least) rather than after every batch:
	// the total stays linear and a crash re-sends at most one step, which the
	// server's de-duplication absorbs.
	flushAt := max(10*c.cfg.ReplayBatchSize, len(recs)/4)
	flush := func() error {
		if len(acked) == 0 && skipped == 0 {
			return nil
		}
		n, err := c.sp.remove(acked)
		if err != nil {
			return fmt.Errorf("replay: remove acknowledged records: %w", err)
		}
		res.Remaining = n
		clear(acked)
		skipped = 0
		return nil
	}

	for start := 0; start < len(recs); start += c.cfg.ReplayBatchSize {
		batch := recs[start:min(start+c.cfg.ReplayBatchSize, len(recs))]
		if err := c.sendBatch(ctx, batch, &res); err != nil {
			var ue *UnavailableError
			if errors.As(err, &ue) {
				c.dirty.Store(true)
			}
			return res, errors.Join(fmt.Errorf("replay records %d..%d of %d: %w", start, start+len(batch), len(recs), err), flush())
		}
		for _, r := range batch {
			acked[r.ID] = struct{}{}
		}
		if len(acked) >= flushAt {
			if err := flush(); err != nil {
				c.dirty.Store(true)
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		c.dirty.Store(true)
		return res, err
	}
	return res, nil
}

func (c *Client) sendBatch(ctx context.Context, batch []Record, res *ReplayResult) error {
	body, err := json.Marshal(replayRequest{Records: batch})
	if err != nil {
		return fmt.Errorf("encode batch: %w", err)
	}
	var out replayResponse
	if err := c.call(ctx, c.replayURL, body, &out, ""); err != nil {
		return err
	}
	// Anything but a full account of the batch is not an acknowledgement:
	// keep the records, they are safe to send again.
	if out.Accepted < 0 || out.Duplicates < 0 || out.Accepted+out.Duplicates != len(batch) {
		return fmt.Errorf("server accounted for %d+%d of %d records", out.Accepted, out.Duplicates, len(batch))
	}
	res.Sent += len(batch)
	res.Accepted += out.Accepted
	res.Duplicates += out.Duplicates
	res.Evidence = append(res.Evidence, out.Evidence...)
	return nil
}

// kickReplay starts a background Replay when AutoReplay is on and the spool
// has records, unless one is running or Close was called.
func (c *Client) kickReplay() {
	if !c.cfg.AutoReplay || c.sp == nil || !c.dirty.Load() {
		return
	}
	c.bgMu.Lock()
	defer c.bgMu.Unlock()
	if c.bgClosed || c.bgRunning {
		return
	}
	c.bgRunning = true
	c.bgWG.Add(1)
	go func() {
		defer c.bgWG.Done()
		for {
			res, err := c.Replay(context.Background())
			if err != nil {
				c.log.Warn("agentgate background replay stopped", "error", err, "sent", res.Sent, "remaining", res.Remaining)
			} else if res.Sent > 0 {
				c.log.Info("agentgate background replay done", "sent", res.Sent, "duplicates", res.Duplicates)
			}
			c.bgMu.Lock()
			// Records spooled during this replay get another round, unless
			// it failed: the next successful call will try again.
			if err != nil || !c.dirty.Load() || c.bgClosed {
				c.bgRunning = false
				c.bgMu.Unlock()
				return
			}
			c.bgMu.Unlock()
		}
	}()
}

// Package archivewire builds the archiver function's handler: the stream
// consumer that archives evidence and reports tampering, and the scheduled
// archive sweep. It also holds ArchiveTip, which every appender of evidence
// uses. It links no service beyond the evidence store's, and not the gate
// (docs/decisions/232).
package archivewire

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/wire"
)

// NewArchiver builds the archiver (the stream handler is its Handle method).
func NewArchiver(c wire.Clients, cfg wire.Config) (*archive.Archiver, error) {
	if c.DDB == nil || c.S3 == nil {
		return nil, errors.New("archiver: needs DynamoDB and S3 clients")
	}
	if cfg.ArchiveBucket == "" || cfg.DataKeyID == "" || cfg.EvidenceTable == "" || cfg.RegistryTable == "" {
		return nil, errors.New("archiver: needs the evidence and registry tables, the archive bucket and the data key")
	}
	// Purge reports carry no TTL: they would otherwise expire in turn and
	// report themselves, once per retention period, forever.
	store := dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable)
	app := evidence.NewAppender(store, evidence.WithShards(max(cfg.Shards, 1)), evidence.WithClock(cfg.Clock()),
		evidence.WithTip(ArchiveTip(c, cfg)))
	bucket := awsstore.NewBucket(c.S3, cfg.ArchiveBucket, cfg.DataKeyID, cfg.Retention()).WithMode(cfg.ObjectLockMode)
	return &archive.Archiver{
		Entries:    store,
		Purges:     purgeReports{app},
		Tampers:    TamperReports{App: app, Entries: store, Ledger: awsstore.NewRegistry(c.DDB, cfg.RegistryTable)},
		Objects:    bucket,
		Tiles:      bucket.GetTile,
		Watermarks: awsstore.NewRegistry(c.DDB, cfg.RegistryTable),
		Retention:  cfg.Retention(),
		Now:        cfg.Clock(),
		Log:        cfg.Log,
	}, nil
}

// purgeReports appends a purge report to the tenant's chains: which entries
// of which chain retention removed from the table, and how many. (Any other
// removal is a tamper report.)
type purgeReports struct{ app *evidence.Appender }

func (p purgeReports) RecordPurge(ctx context.Context, pg archive.Purge) error {
	tenant, _, err := evidence.ParseChainID(pg.Chain)
	if err != nil {
		return err
	}
	_, err = p.app.Append(ctx, evidence.Entry{
		Kind: evidence.KindPurge, Tenant: tenant, Principal: "archiver", Status: pg.By,
		Meta: map[string]string{
			"chain": pg.Chain, "fromSeq": strconv.FormatInt(pg.From, 10), "toSeq": strconv.FormatInt(pg.To, 10),
			"count": strconv.Itoa(pg.Count), "by": pg.By,
		},
	})
	return err
}

// ArchiveTip reads a chain's archive watermark: the last archived entry and
// its hash survive the table's retention, so an appender whose chain is
// empty continues from there instead of forking at seq 0.
func ArchiveTip(c wire.Clients, cfg wire.Config) func(ctx context.Context, chain string) (int64, string, bool, error) {
	reg := awsstore.NewRegistry(c.DDB, cfg.RegistryTable)
	return func(ctx context.Context, chain string) (int64, string, bool, error) {
		w, err := reg.Get(ctx, chain)
		if err != nil {
			return 0, "", false, err
		}
		return w.LastSeq, w.LastHash, w.LastSeq >= 0 && w.LastHash != "", nil
	}
}

// TamperReports appends a tamper report (kind "tamper") to the tenant's
// chains: which entries of which chain were rewritten or deleted, by whom
// when the stream says, and for a rewrite the hash the table now holds and
// the hash the rewritten content really has. PI1.1 fails on it. Tamper
// reports carry no TTL, like purge reports.
type TamperReports struct {
	App     *evidence.Appender
	Entries evidence.Store
	// Ledger, if set, is told which entries the stream reported, so the
	// sweep does not report them a second time.
	Ledger archive.SweepLedger
}

// RecordTamper implements archive.TamperRecorder.
func (p TamperReports) RecordTamper(ctx context.Context, t archive.Tamper) error {
	tenant, _, err := evidence.ParseChainID(t.Chain)
	if err != nil {
		return err
	}
	if t.Change == archive.TamperModified && t.ContentHash == "" && len(t.Seqs) > 0 && p.Entries != nil {
		// What the table holds now, hashed as a verifier would: a re-sealed
		// forgery has content and hash agreeing, a clumsy one does not.
		if e, err := p.Entries.Get(ctx, t.Chain, t.Seqs[0]); err == nil {
			t.ContentHash = evidence.ComputeHash(&e)
		}
	}
	if _, err := p.App.Append(ctx, evidence.Entry{
		Kind: evidence.KindTamper, Tenant: tenant, Principal: "archiver", Status: t.Change, Meta: t.Meta(),
	}); err != nil {
		return err
	}
	if p.Ledger != nil && (t.Change == archive.TamperModified || t.Change == archive.TamperDeleted) {
		// Best effort: unmarked, the sweep reports the entry again, and
		// PI1.1 counts each entry once anyway.
		_ = p.Ledger.MarkReported(ctx, t.Chain, t.Seqs)
	}
	return nil
}

// NewArchiveSweeper builds the archive sweep (docs/decisions/111): on the
// archiver's schedule it compares each chain's newest bundle and one other
// at random with the table, records what differs as tamper reports, and
// finishes archiving any chain left behind. It runs in the archiver
// function, which already appends reports and reads the watermarks; it adds
// reading the archive bucket (s3:GetObject, kms:Decrypt on the data key).
func NewArchiveSweeper(c wire.Clients, cfg wire.Config, arch *archive.Archiver) *archive.Sweeper {
	store := dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable)
	reg := awsstore.NewRegistry(c.DDB, cfg.RegistryTable)
	var tampers archive.TamperRecorder
	if arch != nil {
		tampers = arch.Tampers
	}
	if tampers == nil {
		tampers = TamperReports{App: evidence.NewAppender(store, evidence.WithShards(max(cfg.Shards, 1)), evidence.WithClock(cfg.Clock()),
			evidence.WithTip(ArchiveTip(c, cfg))), Entries: store}
	}
	return &archive.Sweeper{
		Chains:    reg,
		Entries:   store,
		Bundles:   awsstore.NewBucket(c.S3, cfg.ArchiveBucket, cfg.DataKeyID, cfg.Retention()),
		Tampers:   tampers,
		Ledger:    reg,
		Retention: time.Duration(max(cfg.RetentionDays, 1)) * 24 * time.Hour,
		Now:       cfg.Clock(),
		Log:       cfg.Log,
		Archiver:  arch,
	}
}

var _ archive.SweepLedger = (*awsstore.Registry)(nil)

// ArchiverHandler is the archiver function's Lambda handler: a DynamoDB
// stream batch goes to the archiver (and its batch item failures back to
// the event source); the schedule's EventBridge event runs the sweep. A
// sweep's failures are logged and summarised, not returned: the next tick
// is the retry, as for the checkpointer.
func ArchiverHandler(arch *archive.Archiver, sw *archive.Sweeper, log *slog.Logger) func(ctx context.Context, raw json.RawMessage) (any, error) {
	return func(ctx context.Context, raw json.RawMessage) (any, error) {
		var probe struct {
			Records    json.RawMessage `json:"Records"`
			DetailType string          `json:"detail-type"`
		}
		if err := json.Unmarshal(raw, &probe); err != nil {
			return nil, fmt.Errorf("archiver: event: %w", err)
		}
		switch {
		case probe.Records != nil:
			var ev events.DynamoDBEvent
			if err := json.Unmarshal(raw, &ev); err != nil {
				return nil, fmt.Errorf("archiver: stream event: %w", err)
			}
			return arch.Handle(ctx, ev)
		case probe.DetailType == "Scheduled Event" && sw != nil:
			res, err := sw.Run(ctx)
			if err != nil {
				log.ErrorContext(ctx, "archive sweep incomplete", "err", err, "chains", res.Chains, "failed", len(res.Failed))
			}
			log.InfoContext(ctx, "archive sweep", "chains", res.Chains, "bundles", res.Bundles, "entries", res.Entries, "tampered", res.Tampered)
			return res, nil
		}
		return nil, errors.New("archiver: neither a stream batch nor a scheduled event")
	}
}

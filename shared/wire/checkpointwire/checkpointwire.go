// Package checkpointwire builds the checkpointer function's handler: the
// scheduled checkpointer, and the seal and package-signature requests of the
// packager (CheckpointerRequest), which it answers as the one holder of the
// signing key. It links the package statement (shared/audit/pkgsig), not the
// package builder, and not the gate (docs/decisions/232).
package checkpointwire

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/audit/pkgsig"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/anchor"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/wire"
)

// NewCheckpointer builds the scheduled checkpointer.
func NewCheckpointer(c wire.Clients, cfg wire.Config) (*checkpoint.Checkpointer, error) {
	if c.DDB == nil || c.S3 == nil || c.KMS == nil {
		return nil, errors.New("checkpointer: needs DynamoDB, S3 and KMS clients")
	}
	if cfg.SigningKeyID == "" || cfg.ArchiveBucket == "" || cfg.DataKeyID == "" || cfg.EvidenceTable == "" || cfg.RegistryTable == "" {
		return nil, errors.New("checkpointer: needs the tables, the archive bucket, the data key and the signing key")
	}
	origin := cfg.Origin
	if origin == "" {
		origin = "agentgate"
	}
	reg := awsstore.NewRegistry(c.DDB, cfg.RegistryTable)
	ws, err := witness.ParseConfig(cfg.Witnesses, cfg.WitnessQuorum)
	if err != nil {
		return nil, fmt.Errorf("checkpointer: %w", err)
	}
	entries := dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable)
	bucket := awsstore.NewBucket(c.S3, cfg.ArchiveBucket, cfg.DataKeyID, cfg.Retention())
	cp := &checkpoint.Checkpointer{
		Origin:    origin,
		Entries:   entries,
		Store:     reg,
		Publisher: bucket.WithMode(cfg.ObjectLockMode),
		Signer:    awsstore.NewSigner(c.KMS, cfg.SigningKeyID),
		Chains:    reg,
		Log:       cfg.Log,
	}
	if cfg.AnchorBucket != "" {
		b, err := anchor.New(c.S3, cfg.AnchorBucket, cfg.AnchorBucketOwner)
		if err != nil {
			return nil, fmt.Errorf("checkpointer: %w", err)
		}
		cp.Anchor = &checkpoint.Anchor{Writer: b}
	}
	if len(ws) > 0 {
		// The consistency proof from a witness's size comes from the tiles,
		// as the proof routes' do (rebuilt from the table while the archive
		// is behind).
		prover := &checkpoint.Prover{Entries: entries, Store: reg,
			Tiles: tiles.Reader{Get: bucket.GetTile, Tiled: reg.TreeSize, Cache: proofTiles}}
		cp.Witnesses = &checkpoint.Witnesses{List: ws, Quorum: cfg.WitnessQuorum, Client: &witness.Client{Timeout: 5 * time.Second},
			Store: reg, Proofs: prover}
	}
	return cp, nil
}

// proofTiles keeps full tiles for the instance's life (16 MiB at most): a
// full tile never changes, and every proof of a chain shares its upper
// levels. (The API's proof routes keep their own: apiwire.)
var proofTiles = tiles.NewCache(2048)

// CheckpointHandler is the checkpointer's Lambda handler: its EventBridge
// schedule fires it, and the event's time stamps the checkpoints. Failures
// are logged and summarised, not returned: a run is incremental and
// idempotent, so the next tick is the retry, and an async retry of a stale
// tick would only sign an older time. Checkpoint freshness is watched by
// the controls (PI1.1), not by Lambda's error count.
func CheckpointHandler(cp *checkpoint.Checkpointer, log *slog.Logger) func(ctx context.Context, ev events.EventBridgeEvent) (checkpoint.Result, error) {
	return func(ctx context.Context, ev events.EventBridgeEvent) (checkpoint.Result, error) {
		t := ev.Time
		if t.IsZero() {
			t = time.Now()
		}
		res, err := cp.Run(ctx, t)
		checkpointMetrics(ctx, log, time.Now(), res, err)
		if err != nil {
			log.ErrorContext(ctx, "checkpoint run incomplete", "err", err, "chains", res.Chains, "sealed", res.Sealed, "failed", len(res.Failed))
		}
		return res, nil
	}
}

// The checkpointer function is the one holder of kms:Sign on the signing key
// (decision 102). Besides its schedule it answers three requests of the
// packager, invoked synchronously: seal a chain now, sign a package
// statement, name the public key. It builds what it signs itself: a seal is
// computed from the evidence table with its own clock, and a package
// statement from the fields of the request, under the package header. So
// the packager can ask for package signatures (it builds packages) but never
// for a checkpoint of its choosing.

// Checkpointer request actions.
const (
	ActionSeal        = "seal"
	ActionSignPackage = "signPackage"
	ActionPublicKey   = "publicKey"
)

// CheckpointerRequest is a request to the checkpointer function.
type CheckpointerRequest struct {
	Action      string `json:"action"`
	Chain       string `json:"chain,omitempty"`
	Tenant      string `json:"tenant,omitempty"`
	ID          string `json:"id,omitempty"`
	Sequence    int64  `json:"sequence,omitempty"`
	PackageHash string `json:"packageHash,omitempty"`
}

// CheckpointerResponse answers a CheckpointerRequest.
type CheckpointerResponse struct {
	// Sealed is the size of the checkpoint a seal signed (0: the chain had
	// not grown, and the newest stored checkpoint stands).
	Sealed    uint64 `json:"sealed,omitempty"`
	Signature []byte `json:"signature,omitempty"` // ASN.1 DER ECDSA
	PublicKey []byte `json:"publicKey,omitempty"` // PKIX DER
}

// CheckpointerFunction is the checkpointer's Lambda handler: the schedule's
// EventBridge events run the checkpointer; the packager's requests are
// answered by seal, signature or public key.
func CheckpointerFunction(cp *checkpoint.Checkpointer, signer pkgsig.Signer, now func() time.Time, log *slog.Logger) func(ctx context.Context, raw json.RawMessage) (any, error) {
	scheduled := CheckpointHandler(cp, log)
	return func(ctx context.Context, raw json.RawMessage) (any, error) {
		var req CheckpointerRequest
		if err := json.Unmarshal(raw, &req); err != nil {
			return nil, fmt.Errorf("checkpointer: unreadable event: %w", err)
		}
		switch req.Action {
		case "":
			var ev events.EventBridgeEvent
			if err := json.Unmarshal(raw, &ev); err != nil {
				return nil, fmt.Errorf("checkpointer: EventBridge event: %w", err)
			}
			return scheduled(ctx, ev)
		case ActionSeal:
			if req.Chain == "" {
				return nil, errors.New("checkpointer: seal needs a chain")
			}
			cp, err := cp.Seal(ctx, req.Chain, now())
			if err != nil {
				return nil, err
			}
			var res CheckpointerResponse
			if cp != nil {
				res.Sealed = cp.Size
			}
			return res, nil
		case ActionSignPackage:
			if h, err := hex.DecodeString(req.PackageHash); err != nil || len(h) != 32 || req.Tenant == "" || req.ID == "" || req.Sequence < 1 {
				return nil, errors.New("checkpointer: a package signature needs tenant, id, sequence >= 1 and a 64-hex package hash")
			}
			sig, err := signer.SignPackage(ctx, req.Tenant, req.ID, req.Sequence, req.PackageHash)
			if err != nil {
				return nil, err
			}
			log.InfoContext(ctx, "package signed", "tenant", req.Tenant, "id", req.ID, "sequence", req.Sequence, "packageHash", req.PackageHash)
			return CheckpointerResponse{Signature: sig}, nil
		case ActionPublicKey:
			der, err := signer.PublicKey(ctx)
			if err != nil {
				return nil, err
			}
			return CheckpointerResponse{PublicKey: der}, nil
		}
		return nil, fmt.Errorf("checkpointer: unknown action %q", req.Action)
	}
}

// NewCheckpointerFunction builds the checkpointer's handler from clients.
func NewCheckpointerFunction(c wire.Clients, cfg wire.Config) (func(ctx context.Context, raw json.RawMessage) (any, error), error) {
	cp, err := NewCheckpointer(c, cfg)
	if err != nil {
		return nil, err
	}
	signer := pkgsig.DigestSigner{Key: awsstore.NewSigner(c.KMS, cfg.SigningKeyID)}
	return CheckpointerFunction(cp, signer, cfg.Clock(), cfg.Log), nil
}

// checkpointMetrics reports a scheduled checkpointer run. A complete run
// (every chain that grew is sealed) bounds the age of every checkpoint by
// the time to the next complete run: the dashboard's checkpoint age.
func checkpointMetrics(ctx context.Context, log *slog.Logger, now time.Time, res checkpoint.Result, err error) {
	complete := 0.0
	if err == nil && len(res.Failed) == 0 {
		complete = 1
	}
	metrics.Emit(ctx, log, "checkpoint run", now, metrics.Line{
		Function: metrics.FnCheckpointer,
		Values: []metrics.Value{
			{Metric: metrics.CheckpointRunsComplete, V: complete},
			{Metric: metrics.CheckpointsSealed, V: float64(res.Sealed)},
			{Metric: metrics.CheckpointFailures, V: float64(len(res.Failed))},
		},
		Attrs: []slog.Attr{slog.Int("chains", res.Chains)},
	})
}

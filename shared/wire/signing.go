package wire

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
)

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

// Invoker calls a function synchronously with a JSON payload: Lambda Invoke
// when deployed, the handler itself in process locally.
type Invoker interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// CheckpointerFunction is the checkpointer's Lambda handler: the schedule's
// EventBridge events run the checkpointer; the packager's requests are
// answered by seal, signature or public key.
func CheckpointerFunction(cp *checkpoint.Checkpointer, signer audit.Signer, now func() time.Time, log *slog.Logger) func(ctx context.Context, raw json.RawMessage) (any, error) {
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
func NewCheckpointerFunction(c Clients, cfg Config) (func(ctx context.Context, raw json.RawMessage) (any, error), error) {
	cp, err := NewCheckpointer(c, cfg)
	if err != nil {
		return nil, err
	}
	signer := audit.DigestSigner{Key: awsstore.NewSigner(c.KMS, cfg.SigningKeyID)}
	return CheckpointerFunction(cp, signer, archiveClock(cfg), cfg.Log), nil
}

// handlerInvoker runs a handler in process through its JSON payloads, as
// Lambda would: the local system's packager reaches the checkpointer so.
type handlerInvoker struct{ h lambda.Handler }

func (i handlerInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return i.h.Invoke(ctx, payload)
}

// LambdaAPI is the part of the Lambda client the invoker uses.
type LambdaAPI interface {
	Invoke(ctx context.Context, in *awslambda.InvokeInput, opts ...func(*awslambda.Options)) (*awslambda.InvokeOutput, error)
}

// LambdaInvoker invokes a deployed function synchronously.
type LambdaInvoker struct {
	API      LambdaAPI
	Function string
}

// Invoke returns the function's response, or its error as an error.
func (i LambdaInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	out, err := i.API.Invoke(ctx, &awslambda.InvokeInput{FunctionName: &i.Function, Payload: payload})
	if err != nil {
		return nil, fmt.Errorf("invoke %s: %w", i.Function, err)
	}
	if out.FunctionError != nil {
		return nil, fmt.Errorf("invoke %s: %s: %s", i.Function, *out.FunctionError, out.Payload)
	}
	return out.Payload, nil
}

// checkpointerClient is the packager's Sealer and Signer: requests to the
// checkpointer function.
type checkpointerClient struct{ inv Invoker }

var (
	_ audit.Sealer = checkpointerClient{}
	_ audit.Signer = checkpointerClient{}
)

func (c checkpointerClient) call(ctx context.Context, req CheckpointerRequest) (CheckpointerResponse, error) {
	var res CheckpointerResponse
	b, err := json.Marshal(req)
	if err != nil {
		return res, err
	}
	out, err := c.inv.Invoke(ctx, b)
	if err != nil {
		return res, fmt.Errorf("checkpointer %s: %w", req.Action, err)
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return res, fmt.Errorf("checkpointer %s: unreadable response: %w", req.Action, err)
	}
	return res, nil
}

// Seal asks the checkpointer to seal chain now (its clock, not now: the
// packager does not choose what time a checkpoint states). The packager
// reads the result from the registry, so only the error is passed on.
func (c checkpointerClient) Seal(ctx context.Context, chain string, _ time.Time) (*checkpoint.Checkpoint, error) {
	_, err := c.call(ctx, CheckpointerRequest{Action: ActionSeal, Chain: chain})
	return nil, err
}

func (c checkpointerClient) SignPackage(ctx context.Context, tenant, id string, sequence int64, packageHash string) ([]byte, error) {
	res, err := c.call(ctx, CheckpointerRequest{Action: ActionSignPackage, Tenant: tenant, ID: id, Sequence: sequence, PackageHash: packageHash})
	if err != nil {
		return nil, err
	}
	if len(res.Signature) == 0 {
		return nil, errors.New("checkpointer: empty package signature")
	}
	return res.Signature, nil
}

func (c checkpointerClient) PublicKey(ctx context.Context) ([]byte, error) {
	res, err := c.call(ctx, CheckpointerRequest{Action: ActionPublicKey})
	if err != nil {
		return nil, err
	}
	if len(res.PublicKey) == 0 {
		return nil, errors.New("checkpointer: empty public key")
	}
	return res.PublicKey, nil
}

// Package proofapi serves checkpoints and Merkle proofs over the HTTP API.
// Every route is tenant-scoped: a chain of another tenant is answered 404, as
// for evidence, so its existence is not disclosed.
package proofapi

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// Service answers the routes.
type Service struct {
	Prover *checkpoint.Prover
	Store  checkpoint.Store
	// WitnessQuorum is how many witnesses should cosign each checkpoint
	// (WITNESS_QUORUM, decision 172; 0: none configured). The latest
	// route says it, so a reader of the cosigned note can tell a checkpoint
	// still waiting for its witnesses from one that needs none.
	WitnessQuorum int
}

// Routes are the proof and checkpoint routes (scope read).
func (s *Service) Routes() []httpapi.Route {
	return []httpapi.Route{
		{Method: "GET", Pattern: "/v1/evidence/{tenant}/{shard}/{seq}/proof", Scope: auth.ScopeRead, Handler: s.proof},
		{Method: "GET", Pattern: "/v1/checkpoints/latest", Scope: auth.ScopeRead, Handler: s.latest},
		{Method: "GET", Pattern: "/v1/checkpoints/consistency", Scope: auth.ScopeRead, Handler: s.consistency},
	}
}

// Signed is a checkpoint body and its base64 DER signature, and the same
// tree head as a C2SP signed note (absent on checkpoints signed before notes),
// and that note with the cosignatures of the witnesses that accepted it
// (absent until one did, docs/decisions/172).
type Signed struct {
	Body      string `json:"body"`
	Signature string `json:"signature"`
	Note      string `json:"note,omitempty"`
	Cosigned  string `json:"cosigned,omitempty"`
}

// ProofResponse is an inclusion proof.
type ProofResponse struct {
	Chain      string         `json:"chain"`
	LeafIndex  uint64         `json:"leafIndex"`
	TreeSize   uint64         `json:"treeSize"`
	LeafHash   string         `json:"leafHash"`
	Hashes     []string       `json:"hashes"`
	RootHash   string         `json:"rootHash"`
	Checkpoint Signed         `json:"checkpoint"`
	PublicKey  string         `json:"publicKey"`
	Entry      evidence.Entry `json:"entry"`
}

// CheckpointResponse is one checkpoint.
type CheckpointResponse struct {
	Chain      string `json:"chain"`
	Origin     string `json:"origin"`
	Size       uint64 `json:"size"`
	RootHash   string `json:"rootHash"`
	Time       string `json:"time"`
	Checkpoint Signed `json:"checkpoint"`
	KeyID      string `json:"keyId"`
	PublicKey  string `json:"publicKey"`
}

// LatestResponse is the latest checkpoint of a chain and the witness
// quorum its cosignatures are held to.
type LatestResponse struct {
	CheckpointResponse
	WitnessQuorum int `json:"witnessQuorum"`
}

// ConsistencyResponse proves that Second extends First.
type ConsistencyResponse struct {
	Chain     string             `json:"chain"`
	First     CheckpointResponse `json:"first"`
	Second    CheckpointResponse `json:"second"`
	Hashes    []string           `json:"hashes"`
	PublicKey string             `json:"publicKey"`
}

func hexes(hs [][]byte) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hex.EncodeToString(h)
	}
	return out
}

func signed(c checkpoint.Checkpoint) Signed {
	return Signed{Body: c.Body, Signature: base64.StdEncoding.EncodeToString(c.Signature), Note: c.Note, Cosigned: c.Cosigned}
}

func checkpointResponse(c checkpoint.Checkpoint) CheckpointResponse {
	return CheckpointResponse{
		Chain: c.Chain, Origin: c.Origin, Size: c.Size, RootHash: hex.EncodeToString(c.Root),
		Time: c.Time.UTC().Format(time.RFC3339Nano), Checkpoint: signed(c),
		KeyID: c.KeyID, PublicKey: c.PublicKeyPEM,
	}
}

// ownChain checks that chain belongs to the caller.
func ownChain(r *httpapi.Request, chain string) (string, error) {
	tenant, _, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", httpapi.Errorf(400, "invalid_request", "chain must be <tenant>/<shard>")
	}
	if tenant != r.Tenant {
		return "", httpapi.Errorf(404, "not_found", "no such chain")
	}
	return chain, nil
}

func parseSize(v, name string) (uint64, error) {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n > 1<<53 {
		return 0, httpapi.Errorf(400, "invalid_request", "%s must be a non-negative integer", name)
	}
	return n, nil
}

// mapErr turns domain errors into API errors with messages that say what to do.
func mapErr(err error) error {
	switch {
	case errors.Is(err, checkpoint.ErrNotCovered):
		return httpapi.Errorf(404, "not_found", "no signed checkpoint covers this entry yet; checkpoints are signed on a schedule, retry after the next one")
	case errors.Is(err, checkpoint.ErrNotFound):
		return httpapi.Errorf(404, "not_found", "no checkpoint of that size for this chain")
	case errors.Is(err, checkpoint.ErrMismatch):
		return httpapi.Errorf(409, "evidence_mismatch", "the stored evidence no longer matches the signed checkpoint")
	case errors.Is(err, checkpoint.ErrInvalid):
		return httpapi.Errorf(400, "invalid_request", "invalid proof request")
	}
	return err
}

func (s *Service) proof(r *httpapi.Request) (int, any, error) {
	chain, err := ownChain(r, r.Params["tenant"]+"/"+r.Params["shard"])
	if err != nil {
		return 0, nil, err
	}
	seq, err := parseSize(r.Params["seq"], "seq")
	if err != nil {
		return 0, nil, err
	}
	inc, err := s.Prover.Inclusion(r.Ctx, chain, int64(seq))
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 200, ProofResponse{
		Chain: chain, LeafIndex: inc.LeafIndex, TreeSize: inc.TreeSize,
		LeafHash: hex.EncodeToString(inc.LeafHash), Hashes: hexes(inc.Hashes), RootHash: hex.EncodeToString(inc.Root),
		Checkpoint: signed(inc.Checkpoint), PublicKey: inc.Checkpoint.PublicKeyPEM, Entry: inc.Entry,
	}, nil
}

func (s *Service) latest(r *httpapi.Request) (int, any, error) {
	chain, err := ownChain(r, r.Query.Get("chain"))
	if err != nil {
		return 0, nil, err
	}
	c, err := s.Store.Latest(r.Ctx, chain)
	if errors.Is(err, checkpoint.ErrNotFound) {
		return 0, nil, httpapi.Errorf(404, "not_found", "this chain has no signed checkpoint yet")
	}
	if err != nil {
		return 0, nil, err
	}
	return 200, LatestResponse{CheckpointResponse: checkpointResponse(c), WitnessQuorum: s.WitnessQuorum}, nil
}

func (s *Service) consistency(r *httpapi.Request) (int, any, error) {
	chain, err := ownChain(r, r.Query.Get("chain"))
	if err != nil {
		return 0, nil, err
	}
	first, err := parseSize(r.Query.Get("first"), "first")
	if err != nil {
		return 0, nil, err
	}
	second, err := parseSize(r.Query.Get("second"), "second")
	if err != nil {
		return 0, nil, err
	}
	if first == 0 || first > second {
		return 0, nil, httpapi.Errorf(400, "invalid_request", "need 0 < first <= second (checkpoint sizes)")
	}
	c, err := s.Prover.Consistency(r.Ctx, chain, first, second)
	if err != nil {
		return 0, nil, mapErr(err)
	}
	return 200, ConsistencyResponse{
		Chain: chain, First: checkpointResponse(c.First), Second: checkpointResponse(c.Second),
		Hashes: hexes(c.Hashes), PublicKey: c.Second.PublicKeyPEM,
	}, nil
}

package streams_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// get calls a proof or checkpoint route and checks the answer against the contract.
func get(t *testing.T, path, key string) (int, []byte) {
	t.Helper()
	status, raw := rawCall(t, path, key)
	assertContract(t, path, status, raw)
	return status, raw
}

func chainPath(chain string, seq int64) string {
	return fmt.Sprintf("/v1/evidence/%s/%d/proof", chain, seq)
}

// trustedKey is the public key an auditor obtained out of band: straight
// from KMS, not from any API response.
func trustedKey(t *testing.T) string {
	t.Helper()
	out, err := sys.Clients.KMS.GetPublicKey(context.Background(), &kms.GetPublicKeyInput{KeyId: aws.String(sys.Config.SigningKeyID)})
	require.NoError(t, err)
	return "-----BEGIN PUBLIC KEY-----\n" + wrap64(out.PublicKey) + "-----END PUBLIC KEY-----\n"
}

func wrap64(der []byte) string {
	s := base64Std(der)
	var b strings.Builder
	for len(s) > 64 {
		b.WriteString(s[:64] + "\n")
		s = s[64:]
	}
	b.WriteString(s + "\n")
	return b.String()
}

// Inclusion proofs for random entries verify offline with only the public
// key; a consistency proof between two checkpoints verifies; a tampered
// entry makes its proof fail; another tenant's chain is not disclosed.
func TestProofsVerifyOffline(t *testing.T) {
	dumpProblems(t)
	load(t)
	ctx := context.Background()
	pub := trustedKey(t)
	tenant := loadTenants[0]
	key := loadKeys[tenant]
	var chain string
	for c := range loadEntries {
		if strings.HasPrefix(c, tenant+"/") {
			chain = c
		}
	}
	require.NotEmpty(t, chain)

	// Before any checkpoint covers an entry: a clear 404.
	var errBody struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	latest0 := call(t, "GET", "/v1/checkpoints/latest?chain="+chain, key, "", &errBody)
	if latest0 == 404 {
		status := call(t, "GET", chainPath(chain, 0), key, "", &errBody)
		assert.Equal(t, 404, status)
		assert.Contains(t, errBody.Error.Message, "no signed checkpoint covers this entry yet")
	}

	require.NoError(t, sys.Checkpoint(ctx))
	var cp1 struct {
		Size     uint64 `json:"size"`
		RootHash string `json:"rootHash"`
	}
	require.Equal(t, 200, call(t, "GET", "/v1/checkpoints/latest?chain="+chain, key, "", &cp1))
	require.Equal(t, uint64(len(loadEntries[chain])), cp1.Size)

	// Random entries: each proof verifies with plain RFC 6962 arithmetic.
	rnd := rand.New(rand.NewPCG(4, 2))
	for _, seq := range append(pick(rnd, int64(cp1.Size), 25), 0, int64(cp1.Size)-1) {
		status, raw := get(t, chainPath(chain, seq), key)
		require.Equal(t, 200, status, "%s", raw)
		require.NoError(t, verifyInclusionOffline(raw, pub, nil), "seq %d", seq)
	}
	// A proof checked against another key fails.
	_, raw := get(t, chainPath(chain, 3), key)
	otherPEM := mustOtherKey(t)
	assert.Error(t, verifyInclusionOffline(raw, otherPEM, nil), "a proof must not verify under a key that did not sign")

	// Grow the chain, checkpoint again: the new checkpoint is consistent
	// with the old one.
	// An instance sticks to one shard while it is free, so sequential calls
	// may all land elsewhere: send concurrent batches (spread over the
	// tenant's shards) until this chain has grown.
	more := 0
	for round := 0; round < 40 && more < 5; round++ {
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				var r receipt
				if assert.Equal(t, 200, call(t, "POST", "/v1/validate", key, fmt.Sprintf(`{"input":"more %d/%d"}`, round, i), &r)) && r.Evidence.Chain == chain {
					mu.Lock()
					more++
					mu.Unlock()
				}
			}(i)
		}
		wg.Wait()
	}
	require.Positive(t, more)
	require.NoError(t, sys.Checkpoint(ctx))
	var cp2 struct {
		Size uint64 `json:"size"`
	}
	require.Equal(t, 200, call(t, "GET", "/v1/checkpoints/latest?chain="+chain, key, "", &cp2))
	require.Equal(t, cp1.Size+uint64(more), cp2.Size)
	q := "/v1/checkpoints/consistency?chain=" + chain + "&first=" + strconv.FormatUint(cp1.Size, 10) + "&second=" + strconv.FormatUint(cp2.Size, 10)
	status, craw := get(t, q, key)
	require.Equal(t, 200, status, "%s", craw)
	require.NoError(t, verifyConsistencyOffline(craw, pub))
	// The same proof with one hash flipped must fail.
	var cm map[string]any
	require.NoError(t, json.Unmarshal(craw, &cm))
	hs := cm["hashes"].([]any)
	require.NotEmpty(t, hs)
	hs[0] = strings.Repeat("0", 64)
	bad, _ := json.Marshal(cm)
	assert.Error(t, verifyConsistencyOffline(bad, pub))
	// Sizes without a checkpoint: 404.
	status, _ = get(t, "/v1/checkpoints/consistency?chain="+chain+"&first=1&second="+strconv.FormatUint(cp2.Size, 10), key)
	assert.Equal(t, 404, status)

	// Another tenant's chain is not disclosed, on every route.
	other := ""
	for c := range loadEntries {
		if !strings.HasPrefix(c, tenant+"/") {
			other = c
		}
	}
	for _, p := range []string{chainPath(other, 0), "/v1/checkpoints/latest?chain=" + other,
		"/v1/checkpoints/consistency?chain=" + other + "&first=1&second=2"} {
		status, raw := get(t, p, key)
		assert.Equal(t, 404, status, "%s: %s", p, raw)
	}

	// Tamper: rewrite one entry's decision and re-seal its hash so it is
	// self-consistent. Its old proof no longer verifies with the entry as now
	// stored, and the API refuses to prove it against the signed root.
	const victim, victim2 = 7, 11
	_, before := get(t, chainPath(chain, victim), key)
	require.NoError(t, verifyInclusionOffline(before, pub, nil))
	_, before2 := get(t, chainPath(chain, victim2), key)
	require.NoError(t, verifyInclusionOffline(before2, pub, nil))
	tamper(t, chain, victim, true)
	_, stored := rawCall(t, fmt.Sprintf("/v1/evidence/%s/%d", chain, victim), key)
	assert.Error(t, verifyInclusionOffline(before, pub, stored), "a tampered entry fails its proof")
	status, raw = get(t, chainPath(chain, victim), key)
	assert.Equal(t, 409, status, "%s", raw)
	assert.Contains(t, string(raw), "evidence_mismatch")
	// A neighbour's proof is refused too: the tree no longer has the signed root.
	status, _ = get(t, chainPath(chain, victim+1), key)
	assert.Equal(t, 409, status)

	// A clumsy forger who leaves the hash: the entry no longer matches it.
	tamper(t, chain, victim2, false)
	_, stored2 := rawCall(t, fmt.Sprintf("/v1/evidence/%s/%d", chain, victim2), key)
	err := verifyInclusionOffline(before2, pub, stored2)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not match its hash")
}

// tamper flips an entry's decision (block <-> allow) in the table; reseal recomputes the
// stored hash from the new content (a careful forger), else the hash is left.
func tamper(t *testing.T, chain string, seq int64, reseal bool) {
	t.Helper()
	ctx := context.Background()
	var e map[string]any
	status, raw := rawCall(t, fmt.Sprintf("/v1/evidence/%s/%d", chain, seq), loadKeys[strings.Split(chain, "/")[0]])
	require.Equal(t, 200, status)
	require.NoError(t, json.Unmarshal(raw, &e))
	forged := "block"
	if e["decision"] == "block" {
		forged = "allow"
	}
	e["decision"] = forged
	m, _ := json.Marshal(e)
	_, hash, err := entryHash(m)
	require.NoError(t, err)
	upd := "SET decision = :d"
	vals := map[string]types.AttributeValue{":d": &types.AttributeValueMemberS{Value: forged}}
	if reseal {
		upd += ", #h = :h"
		vals[":h"] = &types.AttributeValueMemberS{Value: fmt.Sprintf("%x", hash)}
	}
	var names map[string]string
	if reseal {
		names = map[string]string{"#h": "hash"}
	}
	_, err = sys.DDB.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(sys.Config.EvidenceTable),
		Key: map[string]types.AttributeValue{
			"chain": &types.AttributeValueMemberS{Value: chain},
			"seq":   &types.AttributeValueMemberN{Value: strconv.FormatInt(seq, 10)},
		},
		UpdateExpression: aws.String(upd), ExpressionAttributeNames: names, ExpressionAttributeValues: vals,
	})
	require.NoError(t, err)
}

// Package evidence is the tamper-evident record every call leaves: entries
// chained by SHA-256 over their RFC 8785 canonical JSON, appended to per-tenant
// sharded chains through a small Store interface, and verified offline.
// It imports no AWS package.
package evidence

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Version is the entry format version (field "v").
const Version = 1

// HashDomain separates evidence hashes from every other SHA-256 in the system.
const HashDomain = "agentgate/evidence/v1\n"

// GenesisHash is the prevHash of the first entry of every chain.
var GenesisHash = strings.Repeat("0", 64)

// TimeFormat is the fixed-width UTC timestamp format of entries: fixed width
// keeps timestamps sortable as strings and canonical (one spelling per instant).
const TimeFormat = "2006-01-02T15:04:05.000000000Z"

// Kinds of entry. A validate call is the common case; the others record
// actions on the evidence itself so they are auditable too.
const (
	KindValidate     = "validate"
	KindReplay       = "replay"  // a call recorded offline by a fail-open client
	KindErasure      = "erasure" // a subject's key destroyed (DSAR)
	KindPurge        = "purge"   // a retention purge report
	KindAdvRun       = "adversarial_run"
	KindPolicyChange = "policy_change" // a tenant's gate policy replaced
	KindTamper       = "tamper"        // evidence rewritten or deleted outside retention
)

// Entry is one evidence record. JSON names are the canonical field names.
// Prompts and documents are never stored: only their SHA-256.
type Entry struct {
	V             int               `json:"v"`
	Kind          string            `json:"kind"`
	Tenant        string            `json:"tenant"`
	Chain         string            `json:"chain"`
	Seq           int64             `json:"seq"`
	TS            string            `json:"ts"`
	Principal     string            `json:"principal"`
	UserRef       string            `json:"userRef,omitempty"`
	ModelVersion  string            `json:"modelVersion,omitempty"`
	ModelProvider string            `json:"modelProvider,omitempty"`
	InputSHA256   string            `json:"inputSha256,omitempty"`
	OutputSHA256  string            `json:"outputSha256,omitempty"`
	Decision      string            `json:"decision,omitempty"`
	Documents     []DocumentRef     `json:"documents,omitempty"`
	Rules         []string          `json:"rules"`
	PolicyHash    string            `json:"policyHash,omitempty"`
	Status        string            `json:"status"`
	LatencyNs     int64             `json:"latencyNs"`
	Meta          map[string]string `json:"meta,omitempty"`
	PrevHash      string            `json:"prevHash"`
	Hash          string            `json:"hash,omitempty"`
}

// ID is the entry's stable identifier: "<chain>/<seq zero-padded to 18>".
func (e *Entry) ID() string { return FormatID(e.Chain, e.Seq) }

// FormatID formats an evidence id.
func FormatID(chain string, seq int64) string {
	return chain + "/" + fmt.Sprintf("%018d", seq)
}

// ChainID names shard `shard` of a tenant's chains.
func ChainID(tenant string, shard int) string { return tenant + "/" + strconv.Itoa(shard) }

// ParseChainID splits "<tenant>/<shard>".
func ParseChainID(chain string) (tenant string, shard int, err error) {
	i := strings.LastIndexByte(chain, '/')
	if i <= 0 || i == len(chain)-1 {
		return "", 0, fmt.Errorf("%w: chain %q is not <tenant>/<shard>", ErrInvalid, chain)
	}
	shard, err = strconv.Atoi(chain[i+1:])
	if err != nil || shard < 0 || strconv.Itoa(shard) != chain[i+1:] {
		return "", 0, fmt.Errorf("%w: chain %q has a bad shard", ErrInvalid, chain)
	}
	return chain[:i], shard, nil
}

// FormatTime renders t in the entry timestamp format (UTC, nanoseconds).
func FormatTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// Errors callers branch on with errors.Is.
var (
	ErrNotFound   = errors.New("evidence: not found")
	ErrConflict   = errors.New("evidence: slot already taken")
	ErrContention = errors.New("evidence: chain head contended, retries exhausted")
	ErrInvalid    = errors.New("evidence: invalid")
	// ErrNoSubject: a data subject has no key (never seen, or erased).
	ErrNoSubject = errors.New("evidence: no such subject")
)

// ComputeHash returns the hex SHA-256 of the domain-separated canonical form
// of e without its hash field.
func ComputeHash(e *Entry) string {
	var buf [1024]byte
	return hashCanonical(AppendCanonical(buf[:0], e))
}

// Seal sets e.Hash from its content.
func Seal(e *Entry) { e.Hash = ComputeHash(e) }

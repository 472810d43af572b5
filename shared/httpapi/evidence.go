package httpapi

import (
	"strconv"

	"github.com/agentgate/agentgate/shared/evidence"
)

// chainOf checks that chain belongs to the caller's tenant. Another tenant's
// chain is answered 404 so its existence is not disclosed.
func chainOf(r *Request, chain string) (string, error) {
	tenant, _, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", Errorf(400, "invalid_request", "chain must be <tenant>/<shard>")
	}
	if tenant != r.Tenant {
		return "", Errorf(404, "not_found", "no such chain")
	}
	return chain, nil
}

func parseSeq(s, name string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 1<<53 {
		return 0, Errorf(400, "invalid_request", "%s must be a non-negative integer", name)
	}
	return n, nil
}

func (ev *Evidence) get(r *Request) (int, any, error) {
	chain, err := chainOf(r, r.Params["tenant"]+"/"+r.Params["shard"])
	if err != nil {
		return 0, nil, err
	}
	seq, err := parseSeq(r.Params["seq"], "seq")
	if err != nil {
		return 0, nil, err
	}
	e, err := ev.Store.Get(r.Ctx, chain, seq)
	if err != nil {
		return 0, nil, err
	}
	return 200, e, nil
}

func (ev *Evidence) verify(r *Request) (int, any, error) {
	chain, err := chainOf(r, r.Query.Get("chain"))
	if err != nil {
		return 0, nil, err
	}
	from, to := int64(0), int64(-1)
	if s := r.Query.Get("from"); s != "" {
		if from, err = parseSeq(s, "from"); err != nil {
			return 0, nil, err
		}
	}
	if s := r.Query.Get("to"); s != "" {
		if to, err = parseSeq(s, "to"); err != nil {
			return 0, nil, err
		}
		if to < from {
			return 0, nil, Errorf(400, "invalid_request", "to must not be below from")
		}
	}
	// One call verifies at most MaxVerifyRange entries (an API Gateway
	// request has 30 s); a longer range is walked with the returned "next".
	limit := ev.VerifyLimit
	if limit <= 0 {
		limit = MaxVerifyRange
	}
	capped := false
	if to < 0 || to-from+1 > limit {
		to, capped = from+limit-1, true
	}
	rep, err := evidence.VerifyRange(r.Ctx, ev.Store, chain, from, to)
	if err != nil {
		return 0, nil, err
	}
	out := verifyResponse{Report: rep}
	if capped && rep.Valid && rep.LastSeq == to {
		next := to + 1
		out.Next = &next
	}
	return 200, out, nil
}

// MaxVerifyRange bounds the entries one verify call reads.
const MaxVerifyRange = 50000

type verifyResponse struct {
	evidence.Report
	// Next is the from of the following call when the range was capped.
	Next *int64 `json:"next,omitempty"`
}

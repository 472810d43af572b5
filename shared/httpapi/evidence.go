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
	rep, err := evidence.VerifyRange(r.Ctx, ev.Store, chain, from, to)
	if err != nil {
		return 0, nil, err
	}
	return 200, rep, nil
}

package controls

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
)

// APIKeys lists a tenant's API keys (the registry's key store).
type APIKeys interface {
	ListKeys(ctx context.Context, tenant string) ([]auth.Key, error)
}

// AdminKeyOwnersCheck (CC6.2): each person holds at most one active admin
// key, and every active admin key names its owner. A second admin key of the
// same owner is how one person used to approve their own change; approvals
// now compare owners, but an access reviewer still expects one privileged
// credential per person. An admin key without an owner (made before owners
// existed) counts as its own person, so it is a warning: re-issue it with one.
func AdminKeyOwnersCheck(keys APIKeys) Check {
	return Check{Control: "CC6.2", Name: "admin API key owners",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if keys == nil {
				return nil, ErrNotConfigured
			}
			all, err := keys.ListKeys(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("api keys: %w", err)
			}
			byOwner := map[string][]string{}
			var unowned []string
			for _, k := range all {
				if !slices.Contains(k.Scopes, auth.ScopeAdmin) || !activeAt(k, in.Now) {
					continue
				}
				if k.Owner == "" {
					unowned = append(unowned, k.ID)
					continue
				}
				byOwner[k.Owner] = append(byOwner[k.Owner], k.ID)
			}
			owners := make([]string, 0, len(byOwner))
			for o := range byOwner {
				owners = append(owners, o)
			}
			sort.Strings(owners)
			var out []Finding
			for _, o := range owners {
				if ids := byOwner[o]; len(ids) > 1 {
					sort.Strings(ids)
					out = append(out, failf("%s holds %d active admin keys (%s): one privileged key per person", o, len(ids), strings.Join(ids, ", ")))
				}
			}
			sort.Strings(unowned)
			for _, id := range unowned {
				out = append(out, warnf("admin key %s names no owner: rotate it with an owner", id))
			}
			return out, nil
		}}
}

func activeAt(k auth.Key, now time.Time) bool {
	return (k.RevokedAt.IsZero() || now.Before(k.RevokedAt)) && (k.ExpiresAt.IsZero() || now.Before(k.ExpiresAt))
}

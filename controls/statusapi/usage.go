package statusapi

import (
	"context"
	"strconv"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// UsageReader reads the usage the controls' scan keeps per tenant.
type UsageReader interface {
	LoadUsage(ctx context.Context, tenant string) (controls.Usage, error)
}

// UsageDay is one UTC day of a tenant's gate calls, counted by the scan
// from every evidence entry (not a sample).
type UsageDay struct {
	Day string `json:"day"`
	// Calls are validate and replay entries; Decided the validate entries
	// with a decision, split into Allow, Redact and Block (a day counted
	// before the split was kept has Decided above their sum).
	Calls      int64 `json:"calls"`
	Decided    int64 `json:"decided"`
	Allow      int64 `json:"allow"`
	Redact     int64 `json:"redact"`
	Block      int64 `json:"block"`
	FailOpen   int64 `json:"failOpen"`
	FailClosed int64 `json:"failClosed"`
	// BlockedRules and BlockedCategories count blocked calls once per
	// rule and once per category they name.
	BlockedRules      map[string]int64 `json:"blockedRules"`
	BlockedCategories map[string]int64 `json:"blockedCategories"`
}

// UsageReport answers GET /v1/compliance/usage.
type UsageReport struct {
	// AsOf is when the scan these counts come from ran; null before the
	// first scan, with no days.
	AsOf *time.Time `json:"asOf"`
	Days []UsageDay `json:"days"`
}

// usageDays is the default window; at most controls.GateDays are kept.
const usageDays = 30

func (s *Service) usage(r *httpapi.Request) (int, any, error) {
	n := usageDays
	if v := r.Query.Get("days"); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < 1 || d > controls.GateDays {
			return 0, nil, httpapi.Errorf(400, "invalid_request", "days must be an integer from 1 to %d", controls.GateDays)
		}
		n = d
	}
	u, err := s.Usage.LoadUsage(r.Ctx, r.Tenant)
	if err != nil {
		return 0, nil, err
	}
	return 200, usageReport(u, n), nil
}

// usageReport lists the n days up to the scan's day, oldest first, with
// zeros for days without calls so charts show the gaps.
func usageReport(u controls.Usage, n int) UsageReport {
	if u.ScannedAt.IsZero() {
		return UsageReport{Days: []UsageDay{}}
	}
	asOf := u.ScannedAt.UTC()
	end := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	out := UsageReport{AsOf: &asOf, Days: make([]UsageDay, 0, n)}
	for i := n - 1; i >= 0; i-- {
		key := end.AddDate(0, 0, -i).Format(time.DateOnly)
		day := UsageDay{Day: key, BlockedRules: map[string]int64{}, BlockedCategories: map[string]int64{}}
		if g := u.Gate[key]; g != nil {
			day.Calls, day.Decided = g.Calls, g.Decided
			day.Allow, day.Redact, day.Block = g.Allow, g.Redact, g.Block
			day.FailOpen, day.FailClosed = g.FailOpen, g.FailClosed
			for k, v := range g.BlockedRules {
				day.BlockedRules[k] = v
			}
			for k, v := range g.BlockedCategories {
				day.BlockedCategories[k] = v
			}
		}
		out.Days = append(out.Days, day)
	}
	return out
}

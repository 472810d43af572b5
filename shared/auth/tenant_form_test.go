package auth

import (
	"regexp"
	"testing"

	"github.com/agentgate/agentgate/shared/internal/formtest"
)

// ValidTenant is byte-wise (no regexp compiled at package init:
// docs/decisions/232); it must accept exactly what the expression it
// replaced accepts.
func TestValidTenantIsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)
	for _, s := range formtest.Cases("a0._-/#A\n é\xff", 63) {
		if got, want := ValidTenant(s), re.MatchString(s); got != want {
			t.Errorf("ValidTenant(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

package registers

import (
	"regexp"
	"testing"

	"github.com/agentgate/agentgate/shared/internal/formtest"
)

// ValidSlug and ValidVersion are byte-wise (no regexp compiled at package
// init: docs/decisions/232); they must accept exactly what the expressions
// they replaced accept.
func TestFormsAreTheExpressions(t *testing.T) {
	slug := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	version := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$`)
	for _, s := range formtest.Cases("a0Z._:@+-/#\n é\xff", 128) {
		if got, want := ValidSlug(s), slug.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, the expression says %v", s, got, want)
		}
		if got, want := ValidVersion(s), version.MatchString(s); got != want {
			t.Errorf("ValidVersion(%q) = %v, the expression says %v", s, got, want)
		}
	}
	for _, s := range formtest.Cases("a0Z._-", 64) {
		if got, want := ValidSlug(s), slug.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

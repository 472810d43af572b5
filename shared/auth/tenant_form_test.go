package auth

import (
	"regexp"
	"strings"
	"testing"
)

// ValidTenant is byte-wise (no regexp compiled at package init:
// docs/decisions/232); it must accept exactly what the expression it
// replaced accepts.
func TestValidTenantIsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}$`)
	for _, s := range formCases("a0._-/#A\n é\xff", 63) {
		if got, want := ValidTenant(s), re.MatchString(s); got != want {
			t.Errorf("ValidTenant(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

// formCases is every string of up to 3 characters of alphabet, and each
// character at the start, middle and end of strings of max-1 to max+1
// letters and digits.
func formCases(alphabet string, max int) []string {
	chars := strings.Split(alphabet, "")
	out := []string{""}
	prev := []string{""}
	for n := 0; n < 3; n++ {
		var next []string
		for _, p := range prev {
			for _, c := range chars {
				next = append(next, p+c)
			}
		}
		out = append(out, next...)
		prev = next
	}
	for _, n := range []int{max - 1, max, max + 1} {
		base := strings.Repeat("a1", n)[:n]
		out = append(out, base)
		for _, c := range chars {
			out = append(out, c+base[1:], base[:n/2]+c+base[n/2+1:], base[:n-1]+c)
		}
	}
	return out
}

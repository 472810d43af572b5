// Package formtest generates the strings that hold a hand-written
// validator to the regular expression it replaced (decision 232: no
// expression compiled at package init on the functions' start path).
package formtest

import "strings"

// Cases is every string of up to 3 characters of alphabet, and each
// character at the start, middle and end of strings of max-1 to max+1
// letters and digits.
func Cases(alphabet string, max int) []string {
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

package gate

import (
	"strings"
	"sync"
)

// scratch holds per-call buffers so the clean path allocates nothing.
type scratch struct {
	findings []finding
}

var scratchPool = sync.Pool{New: func() any { return &scratch{findings: make([]finding, 0, 16)} }}

func getScratch() *scratch  { return scratchPool.Get().(*scratch) }
func putScratch(s *scratch) { scratchPool.Put(s) }

type detector struct {
	active []Action
}

func newDetector(p *Policy, active []Action) (*detector, error) {
	return &detector{active: active}, nil
}

var overridePhrases = []string{"ignore all previous instructions", "ignore previous instructions", "disregard all previous instructions", "ignore the above instructions"}

func (d *detector) scan(sc *scratch, text string, output bool, out []finding) []finding {
	low := strings.ToLower(text)
	for _, p := range overridePhrases {
		if i := strings.Index(low, p); i >= 0 && len(low) == len(text) {
			out = append(out, finding{rule: ruleNo("prompt_injection.instruction_override"), start: i, end: i + len(p)})
		}
	}
	out = scanEmails(text, out)
	out = scanCards(text, out)
	return out
}

func scanEmails(s string, out []finding) []finding {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		a := i
		for a > 0 && isEmailLocal(s[a-1]) {
			a--
		}
		b := i + 1
		dots := 0
		for b < len(s) && (isAlnum(s[b]) || s[b] == '-' || s[b] == '.') {
			if s[b] == '.' {
				dots++
			}
			b++
		}
		for b > i+1 && s[b-1] == '.' {
			b--
			dots--
		}
		if a < i && dots > 0 {
			out = append(out, finding{rule: ruleNo("pii.email"), start: a, end: b})
		}
	}
	return out
}

func scanCards(s string, out []finding) []finding {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		var digits [19]byte
		n := 0
		for j < len(s) && (isDigit(s[j]) || ((s[j] == ' ' || s[j] == '-') && j+1 < len(s) && isDigit(s[j+1]))) {
			if isDigit(s[j]) {
				if n == len(digits) {
					n++
					break
				}
				digits[n] = s[j]
				n++
			}
			j++
		}
		if n >= 13 && n <= 19 && luhn(digits[:n]) {
			out = append(out, finding{rule: ruleNo("pii.card"), start: i, end: j})
		}
		i = j + 1
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
func isEmailLocal(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// luhn reports whether the ASCII digits pass the Luhn mod-10 check.
func luhn(d []byte) bool {
	sum := 0
	dbl := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if dbl {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		dbl = !dbl
	}
	return sum%10 == 0
}

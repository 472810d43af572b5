package gate

import (
	"encoding/base64"
	"strings"
)

// Token formats below follow the providers' published descriptions of
// their credentials (prefix, alphabet, length). Prefixes are matched by the
// automaton case-insensitively; confirmation here is exact.

type charset uint8

const (
	csAlnum   charset = iota // A-Za-z0-9
	csAlnumU                 // A-Za-z0-9_
	csAlnumUD                // A-Za-z0-9_-
	csUpper32                // A-Z2-7 (AWS key ids)
	csB64                    // A-Za-z0-9+/ (AWS secret keys)
	csSlack                  // A-Za-z0-9-
)

func inCharset(c byte, cs charset) bool {
	switch cs {
	case csAlnum:
		return isAlnum(c)
	case csAlnumU:
		return isAlnum(c) || c == '_'
	case csAlnumUD:
		return isAlnum(c) || c == '_' || c == '-'
	case csUpper32:
		return c >= 'A' && c <= 'Z' || c >= '2' && c <= '7'
	case csB64:
		return isAlnum(c) || c == '+' || c == '/'
	case csSlack:
		return isAlnum(c) || c == '-'
	}
	return false
}

type secretPrefix struct {
	prefix   string
	rule     string
	cs       charset
	min, max int // length of the part after the prefix
	special  uint8
}

const (
	spPlain uint8 = iota
	spAWSSecret
	spPrivateKey
	spJWT
	spSlackHook
	spSendgrid
	spAgentgate
)

var secretPrefixes = []secretPrefix{
	{prefix: "AKIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ASIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ABIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ACCA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "aws_secret_access_key", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "aws secret access key", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "SecretAccessKey", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "aws_secret_key", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "-----BEGIN", rule: "secret.private_key", special: spPrivateKey},
	{prefix: "eyJ*", rule: "secret.jwt", special: spJWT},
	{prefix: "ghp_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "gho_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghu_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghs_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghr_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "github_pat_*", rule: "secret.github_token", cs: csAlnumU, min: 60, max: 100},
	{prefix: "glpat-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "xoxb-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxp-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxa-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxr-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxs-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxe.xox*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "hooks.slack.com/services/", rule: "secret.slack_token", special: spSlackHook},
	{prefix: "sk_live_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "rk_live_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "sk_test_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "rk_test_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "sk-proj-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "sk-svcacct-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "sk-admin-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "sk-ant-*", rule: "secret.anthropic_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "AIza*", rule: "secret.google_api_key", cs: csAlnumUD, min: 35, max: 35},
	{prefix: "npm_*", rule: "secret.npm_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "hf_*", rule: "secret.huggingface_token", cs: csAlnum, min: 30, max: 40},
	{prefix: "SG.*", rule: "secret.sendgrid_key", special: spSendgrid},
	{prefix: "agk_*", rule: "secret.agentgate_key", special: spAgentgate},
}

// secretRule caches rule numbers for the prefixes.
var secretRule = func() []int {
	out := make([]int, len(secretPrefixes))
	for i, sp := range secretPrefixes {
		out[i] = ruleNo(sp.rule)
	}
	return out
}()

func runEnd(s string, i int, cs charset, limit int) int {
	j := i
	for j < len(s) && j-i <= limit && inCharset(s[j], cs) {
		j++
	}
	return j
}

func confirmSecret(s string, start, end, k int) (int, int, int, bool) {
	sp := &secretPrefixes[k]
	rule := secretRule[k]
	lit := strings.TrimSuffix(strings.TrimPrefix(sp.prefix, "*"), "*")
	caseSensitive := sp.special != spAWSSecret
	if caseSensitive && !strings.HasPrefix(s[start:], lit) {
		return 0, 0, 0, false
	}
	switch sp.special {
	case spPlain:
		e := runEnd(s, end, sp.cs, sp.max+1)
		n := e - end
		if n < sp.min || n > sp.max || (e < len(s) && isAlnum(s[e])) {
			return 0, 0, 0, false
		}
		// AWS documents AKIAIOSFODNN7EXAMPLE; example keys are not secrets.
		if strings.Contains(s[start:e], "EXAMPLE") {
			return 0, 0, 0, false
		}
		return rule, start, e, true
	case spAWSSecret:
		i := end
		for i < len(s) && i-end < 24 && strings.IndexByte(" \t\"':=`", s[i]) >= 0 {
			i++
		}
		e := runEnd(s, i, csB64, 41)
		if e-i != 40 || strings.Contains(s[i:e], "EXAMPLEKEY") {
			return 0, 0, 0, false
		}
		return rule, i, e, true
	case spPrivateKey:
		hdrEnd := strings.Index(s[end:min(len(s), end+48)], "PRIVATE KEY")
		if hdrEnd < 0 {
			return 0, 0, 0, false
		}
		e := end + hdrEnd
		if f := strings.Index(s[e:], "-----END"); f >= 0 {
			e += f + len("-----END")
			if g := strings.Index(s[e:min(len(s), e+64)], "-----"); g >= 0 {
				e += g + 5
			}
		} else {
			// A truncated key still leaks: take the base64 body that follows.
			for e < len(s) && (inCharset(s[e], csB64) || s[e] == '=' || s[e] == '-' || s[e] == ' ' || s[e] == '\n' || s[e] == '\r' || isAlnum(s[e])) {
				e++
			}
		}
		return rule, start, e, true
	case spJWT:
		return confirmJWT(s, start, rule)
	case spSlackHook:
		e := end
		for e < len(s) && (isAlnum(s[e]) || s[e] == '/') {
			e++
		}
		if strings.Count(s[end:e], "/") < 2 || e-end < 20 {
			return 0, 0, 0, false
		}
		return rule, start, e, true
	case spSendgrid:
		a := runEnd(s, end, csAlnumUD, 23)
		if a-end != 22 || a >= len(s) || s[a] != '.' {
			return 0, 0, 0, false
		}
		b := runEnd(s, a+1, csAlnumUD, 44)
		if b-a-1 != 43 {
			return 0, 0, 0, false
		}
		return rule, start, b, true
	case spAgentgate:
		a := runEnd(s, end, csAlnum, 64)
		if a-end < 4 || a >= len(s) || s[a] != '_' {
			return 0, 0, 0, false
		}
		b := runEnd(s, a+1, csAlnumUD, 128)
		if b-a-1 < 16 {
			return 0, 0, 0, false
		}
		return rule, start, b, true
	}
	return 0, 0, 0, false
}

// confirmJWT accepts header.payload[.signature] whose header decodes to a
// JSON object naming an algorithm or type, so random "eyJ" text is not
// reported.
func confirmJWT(s string, start, rule int) (int, int, int, bool) {
	h := runEnd(s, start, csAlnumUD, 400)
	if h-start < 10 || h >= len(s) || s[h] != '.' {
		return 0, 0, 0, false
	}
	p := runEnd(s, h+1, csAlnumUD, 1<<16)
	if p-h-1 < 4 {
		return 0, 0, 0, false
	}
	e := p
	if p < len(s) && s[p] == '.' {
		e = runEnd(s, p+1, csAlnumUD, 1<<12)
	}
	var buf [320]byte
	n, err := base64.RawURLEncoding.Decode(buf[:], []byte(s[start:start+min(h-start, 424)]))
	if err != nil && n == 0 {
		return 0, 0, 0, false
	}
	hdr := bytesToString(buf[:n])
	if !strings.HasPrefix(hdr, "{") || !(strings.Contains(hdr, `"alg"`) || strings.Contains(hdr, `"typ"`)) {
		return 0, 0, 0, false
	}
	return rule, start, e, true
}

// passwordWords introduce an assigned secret ("password: hunter2!").
var passwordWords = []string{
	"password*", "passwd", "pwd", "passphrase", "secret_key", "secret key", "api_key", "apikey", "api-key", "api key",
	"access_token", "auth_token", "client_secret", "private_token", "db_password",
	"mot de passe", "contrasena", "clave", "passwort", "kennwort", "senha", "密码", "口令",
}

// confirmPassword looks for an assignment after the keyword and a value
// that looks like a real credential rather than prose or a placeholder.
func confirmPassword(s string, end int) (int, int, bool) {
	i := end
	for i < len(s) && i-end < 6 && (s[i] == '"' || s[i] == '\'' || s[i] == ' ' || s[i] == '_') {
		i++
	}
	assigned := false
	if i < len(s) && (s[i] == ':' || s[i] == '=') {
		assigned = true
		i++
		if i < len(s) && s[i] == '=' {
			i++
		}
	} else {
		for _, w := range []string{"is ", "est ", "es ", "ist ", "e ", "é ", "è ", "是"} {
			if strings.HasPrefix(s[i:], w) {
				assigned = true
				i += len(w)
				break
			}
		}
	}
	if !assigned {
		return 0, 0, false
	}
	for i < len(s) && i-end < 16 && (s[i] == ' ' || s[i] == '"' || s[i] == '\'' || s[i] == '`' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && j-i < 128 && s[j] > ' ' && s[j] != '"' && s[j] != '\'' && s[j] != '`' && s[j] != ',' && s[j] != ';' {
		j++
	}
	for j > i && (s[j-1] == '.' || s[j-1] == ')') {
		j--
	}
	v := s[i:j]
	if len(v) < 6 || !credentialLike(v) {
		return 0, 0, false
	}
	return i, j, true
}

var placeholderWords = []string{"xxx", "***", "...", "<", ">", "{", "}", "$", "%", "your", "example", "changeme", "placeholder", "redacted", "password", "secret", "null", "none", "required", "hidden", "env", "process."}

func credentialLike(v string) bool {
	lv := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(lv, w) {
			return false
		}
	}
	var lower, upper, digit, other bool
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{lower, upper, digit, other} {
		if k {
			kinds++
		}
	}
	return kinds >= 2 && (digit || other)
}

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
	csAlnum      charset = iota // A-Za-z0-9
	csAlnumU                    // A-Za-z0-9_
	csAlnumUD                   // A-Za-z0-9_-
	csUpper32                   // A-Z2-7 (AWS key ids)
	csB64                       // A-Za-z0-9+/ (AWS secret keys)
	csSlack                     // A-Za-z0-9-
	csHex                       // 0-9a-f, either case
	csDigit                     // 0-9
	csUpperAlnum                // A-Z0-9
	csLowerAlnum                // a-z0-9
	csB64Pad                    // A-Za-z0-9+/=
	csUDEq                      // A-Za-z0-9_-=
	csUDDotEq                   // A-Za-z0-9_-.=
	csBech32                    // the bech32 alphabet in upper case (age keys)
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
	case csHex:
		return isHex(c)
	case csDigit:
		return isDigit(c)
	case csUpperAlnum:
		return c >= 'A' && c <= 'Z' || isDigit(c)
	case csLowerAlnum:
		return c >= 'a' && c <= 'z' || isDigit(c)
	case csB64Pad:
		return isAlnum(c) || c == '+' || c == '/' || c == '='
	case csUDEq:
		return isAlnum(c) || c == '_' || c == '-' || c == '='
	case csUDDotEq:
		return isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '='
	case csBech32:
		return c >= 'A' && c <= 'Z' && c != 'B' && c != 'I' && c != 'O' || c >= '0' && c <= '9' && c != '1'
	}
	return false
}

// part is one run of a token after its prefix: sep (when non-zero) must
// come first, then min to max characters of cs.
type part struct {
	sep      byte
	cs       charset
	min, max int
}

type secretPrefix struct {
	prefix   string
	rule     string
	cs       charset
	min, max int // length of the part after the prefix
	more     []part
	special  uint8
	// anyCase accepts the prefix in any letter case (the providers
	// documenting it so); otherwise it must be as written.
	anyCase bool
}

const (
	spPlain uint8 = iota
	spAWSSecret
	spPrivateKey
	spJWT
	spSlackHook
	spAgentgate
	spGitlabRoutable // [\w-]{min,max} then an optional ".xx" + 7 routing characters
	spOpenAIMarker   // "T3BlbkFJ" inside an sk- key: the key runs both ways from it
	spNPMAuth        // "_authToken=" then a UUID (legacy npm tokens)
	spAzureAD        // "Q~" inside an Azure AD client secret
	spMailchimp      // "-us<n>" after 32 hex characters
	spTelegram       // ":A" after a bot id
	spTerraform      // ".atlasv1." inside a Terraform Cloud token
	spWebhook        // /<digits>/<token> after a webhook path
)

// The formats follow the providers' own documentation of their tokens
// (prefix, alphabet, length), as also collected by gitleaks' default rules.
var secretPrefixes = []secretPrefix{
	{prefix: "AKIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ASIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ABIA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	{prefix: "ACCA*", rule: "secret.aws_access_key", cs: csUpper32, min: 16, max: 16},
	// The automaton reads '_' as a space: these also match
	// aws_secret_access_key and aws_secret_key.
	{prefix: "aws secret access key", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "aws secret key", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "SecretAccessKey", rule: "secret.aws_secret_key", special: spAWSSecret},
	{prefix: "-----BEGIN", rule: "secret.private_key", special: spPrivateKey},
	{prefix: "eyJ*", rule: "secret.jwt", special: spJWT},
	{prefix: "ghp_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "gho_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghu_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghs_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "ghr_*", rule: "secret.github_token", cs: csAlnum, min: 36, max: 36},
	{prefix: "github_pat_*", rule: "secret.github_token", cs: csAlnumU, min: 60, max: 100},
	// GitLab: every prefix of its token overview, the runner registration
	// token and the routable forms (a dot and nine routing characters).
	{prefix: "glpat-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 300, special: spGitlabRoutable},
	{prefix: "glrt-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 300, special: spGitlabRoutable},
	{prefix: "gldt-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "glptt-*", rule: "secret.gitlab_token", cs: csHex, min: 40, max: 40},
	{prefix: "gloas-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 64, max: 64},
	{prefix: "glft-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "glimt-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 25, max: 64},
	{prefix: "glagent-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 50, max: 64},
	{prefix: "glsoat-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "glffct-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "glcbt-*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 22, max: 64},
	{prefix: "GR1348941*", rule: "secret.gitlab_token", cs: csAlnumUD, min: 20, max: 64},
	{prefix: "xoxb-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxp-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxa-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxr-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxs-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxo-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xoxe-*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "xapp-*", rule: "secret.slack_token", cs: csSlack, min: 40, max: 200},
	{prefix: "xoxe.xox*", rule: "secret.slack_token", cs: csSlack, min: 20, max: 200},
	{prefix: "hooks.slack.com/services/", rule: "secret.slack_token", special: spSlackHook},
	{prefix: "sk_live_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "rk_live_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "sk_test_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "rk_test_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "sk_prod_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "rk_prod_*", rule: "secret.stripe_key", cs: csAlnum, min: 20, max: 255},
	{prefix: "sk-proj-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "sk-svcacct-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "sk-admin-*", rule: "secret.openai_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "*T3BlbkFJ*", rule: "secret.openai_key", special: spOpenAIMarker},
	{prefix: "sk-ant-*", rule: "secret.anthropic_key", cs: csAlnumUD, min: 40, max: 300},
	{prefix: "AIza*", rule: "secret.google_api_key", cs: csAlnumUD, min: 35, max: 35},
	{prefix: "npm_*", rule: "secret.npm_token", cs: csAlnum, min: 36, max: 36, anyCase: true},
	{prefix: "_authToken=*", rule: "secret.npm_token", special: spNPMAuth},
	{prefix: "hf_*", rule: "secret.huggingface_token", cs: csAlnum, min: 30, max: 40},
	{prefix: "api_org_*", rule: "secret.huggingface_token", cs: csAlnum, min: 30, max: 40},
	{prefix: "SG.*", rule: "secret.sendgrid_key", cs: csAlnumUD, min: 22, max: 22, more: []part{{'.', csAlnumUD, 43, 43}}},
	{prefix: "agk_*", rule: "secret.agentgate_key", special: spAgentgate},
	{prefix: "*Q~*", rule: "secret.azure_key", special: spAzureAD},
	{prefix: "AccountKey=*", rule: "secret.azure_key", cs: csB64Pad, min: 86, max: 88},
	{prefix: "dop_v1_*", rule: "secret.digitalocean_token", cs: csHex, min: 64, max: 64},
	{prefix: "doo_v1_*", rule: "secret.digitalocean_token", cs: csHex, min: 64, max: 64},
	{prefix: "dor_v1_*", rule: "secret.digitalocean_token", cs: csHex, min: 64, max: 64},
	{prefix: "shpat_*", rule: "secret.shopify_token", cs: csHex, min: 32, max: 32},
	{prefix: "shpca_*", rule: "secret.shopify_token", cs: csHex, min: 32, max: 32},
	{prefix: "shppa_*", rule: "secret.shopify_token", cs: csHex, min: 32, max: 32},
	{prefix: "shpss_*", rule: "secret.shopify_token", cs: csHex, min: 32, max: 32},
	{prefix: "SK*", rule: "secret.twilio_key", cs: csHex, min: 32, max: 32},
	{prefix: "key-*", rule: "secret.mailgun_key", cs: csHex, min: 32, max: 32},
	{prefix: "pubkey-*", rule: "secret.mailgun_key", cs: csHex, min: 32, max: 32},
	{prefix: "*-us*", rule: "secret.mailchimp_key", special: spMailchimp},
	{prefix: "dapi*", rule: "secret.databricks_token", cs: csHex, min: 32, max: 32},
	{prefix: "dp.pt.*", rule: "secret.doppler_token", cs: csAlnum, min: 43, max: 43, anyCase: true},
	{prefix: "dp.st.*", rule: "secret.doppler_token", cs: csAlnumUD, min: 40, max: 64, anyCase: true},
	{prefix: "pypi-AgEIcHlwaS5vcmc*", rule: "secret.pypi_token", cs: csAlnumUD, min: 50, max: 1000},
	{prefix: "PMAK-*", rule: "secret.postman_key", cs: csHex, min: 24, max: 24, more: []part{{'-', csHex, 34, 34}}, anyCase: true},
	{prefix: "lin_api_*", rule: "secret.linear_key", cs: csAlnum, min: 40, max: 40, anyCase: true},
	{prefix: "ntn_*", rule: "secret.notion_token", cs: csAlnum, min: 46, max: 46},
	{prefix: "secret_*", rule: "secret.notion_token", cs: csAlnum, min: 43, max: 43},
	{prefix: "ATATT3*", rule: "secret.atlassian_token", cs: csUDEq, min: 150, max: 300},
	{prefix: "discord.com/api/webhooks/", rule: "secret.discord_token", special: spWebhook},
	{prefix: "discordapp.com/api/webhooks/", rule: "secret.discord_token", special: spWebhook},
	{prefix: "*:A*", rule: "secret.telegram_token", special: spTelegram},
	{prefix: "sq0atp-*", rule: "secret.square_token", cs: csAlnumUD, min: 22, max: 60},
	{prefix: "sq0csp-*", rule: "secret.square_token", cs: csAlnumUD, min: 43, max: 43},
	{prefix: "HRKU-AA*", rule: "secret.heroku_key", cs: csAlnumUD, min: 58, max: 58},
	{prefix: "glc_*", rule: "secret.grafana_token", cs: csB64Pad, min: 32, max: 400},
	{prefix: "glsa_*", rule: "secret.grafana_token", cs: csAlnum, min: 32, max: 32, more: []part{{'_', csHex, 8, 8}}},
	{prefix: "sntryu_*", rule: "secret.sentry_token", cs: csHex, min: 64, max: 64},
	{prefix: "sntrys_eyJ*", rule: "secret.sentry_token", cs: csB64Pad, min: 50, max: 1000},
	{prefix: "NRAK-*", rule: "secret.newrelic_key", cs: csUpperAlnum, min: 27, max: 27},
	{prefix: "NRJS-*", rule: "secret.newrelic_key", cs: csHex, min: 19, max: 19},
	{prefix: "AGE-SECRET-KEY-1*", rule: "secret.age_key", cs: csBech32, min: 58, max: 58},
	{prefix: "v1.0-*", rule: "secret.cloudflare_key", cs: csHex, min: 24, max: 24, more: []part{{'-', csHex, 146, 146}}},
	{prefix: "sl.*", rule: "secret.dropbox_token", cs: csUDDotEq, min: 130, max: 1500},
	{prefix: "hvs.*", rule: "secret.vault_token", cs: csAlnumUD, min: 90, max: 300},
	{prefix: "hvb.*", rule: "secret.vault_token", cs: csAlnumUD, min: 138, max: 300},
	{prefix: "ops_eyJ*", rule: "secret.onepassword_token", cs: csB64Pad, min: 250, max: 2000},
	{prefix: "pul-*", rule: "secret.pulumi_token", cs: csHex, min: 40, max: 40},
	{prefix: "*.atlasv1.*", rule: "secret.terraform_token", special: spTerraform},
	{prefix: "fo1_*", rule: "secret.flyio_token", cs: csAlnumUD, min: 43, max: 43},
	{prefix: "fm2_*", rule: "secret.flyio_token", cs: csB64Pad, min: 100, max: 2000},
	{prefix: "LTAI*", rule: "secret.alibaba_key", cs: csAlnum, min: 20, max: 20},
	{prefix: "rubygems_*", rule: "secret.rubygems_token", cs: csHex, min: 48, max: 48},
	{prefix: "pscale_tkn_*", rule: "secret.planetscale_token", cs: csUDDotEq, min: 32, max: 64},
	{prefix: "pscale_pw_*", rule: "secret.planetscale_token", cs: csUDDotEq, min: 32, max: 64},
	{prefix: "pscale_oauth_*", rule: "secret.planetscale_token", cs: csUDDotEq, min: 32, max: 64},
	{prefix: "dt0c01.*", rule: "secret.dynatrace_token", cs: csAlnum, min: 24, max: 24, more: []part{{'.', csAlnum, 64, 64}}},
	{prefix: "CFPAT-*", rule: "secret.contentful_token", cs: csAlnumUD, min: 43, max: 43},
	{prefix: "xkeysib-*", rule: "secret.sendinblue_key", cs: csHex, min: 64, max: 64, more: []part{{'-', csAlnum, 16, 16}}},
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

// runStart is runEnd backwards: the start of the run of cs ending at i.
func runStart(s string, i int, cs charset, limit int) int {
	j := i
	for j > 0 && i-j <= limit && inCharset(s[j-1], cs) {
		j--
	}
	return j
}

// isTokenByte continues a token for the end-of-token check: a run that
// goes on in letters, digits or token symbols is a longer word, not the
// token the format describes.
func isTokenByte(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

func confirmSecret(s string, start, end, k int) (int, int, int, bool) {
	sp := &secretPrefixes[k]
	rule := secretRule[k]
	lit := strings.TrimSuffix(strings.TrimPrefix(sp.prefix, "*"), "*")
	caseSensitive := sp.special != spAWSSecret && !sp.anyCase
	if caseSensitive && !strings.HasPrefix(s[start:], lit) {
		return 0, 0, 0, false
	}
	switch sp.special {
	case spPlain, spGitlabRoutable:
		e := runEnd(s, end, sp.cs, sp.max+1)
		n := e - end
		if n < sp.min || n > sp.max {
			return 0, 0, 0, false
		}
		for _, pt := range sp.more {
			if e >= len(s) || s[e] != pt.sep {
				return 0, 0, 0, false
			}
			f := runEnd(s, e+1, pt.cs, pt.max+1)
			if n := f - e - 1; n < pt.min || n > pt.max {
				return 0, 0, 0, false
			}
			e = f
		}
		if sp.special == spGitlabRoutable && e+10 <= len(s) && s[e] == '.' && runEnd(s, e+1, csLowerAlnum, 10)-e-1 == 9 {
			e += 10
		}
		if e < len(s) && isAlnum(s[e]) {
			return 0, 0, 0, false
		}
		if placeholderToken(s[end:e]) {
			return 0, 0, 0, false
		}
		return rule, start, e, true
	case spAWSSecret:
		i := end
		for i < len(s) && i-end < 24 && strings.IndexByte(" \t\"':=`", s[i]) >= 0 {
			i++
		}
		e := runEnd(s, i, csB64, 41)
		if e-i != 40 || placeholderToken(s[i:e]) {
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
		if strings.Count(s[end:e], "/") < 2 || e-end < 20 || placeholderToken(s[end:e]) {
			return 0, 0, 0, false
		}
		return rule, start, e, true
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
	case spOpenAIMarker:
		// sk-[proj-|svcacct-|admin-]<20 or more>T3BlbkFJ<20 or more>, the
		// prefix in any case. Keys with a project prefix are reported by
		// that prefix already.
		a := runStart(s, start, csAlnumUD, 200)
		e := runEnd(s, end, csAlnumUD, 200)
		if len(s)-a < 3 || !strings.EqualFold(s[a:a+3], "sk-") || start-a < 23 || e-end < 20 || e < len(s) && isAlnum(s[e]) {
			return 0, 0, 0, false
		}
		for _, p := range []string{"sk-proj-", "sk-svcacct-", "sk-admin-"} {
			if strings.HasPrefix(s[a:], p) {
				return 0, 0, 0, false
			}
		}
		if placeholderToken(s[a+3 : e]) {
			return 0, 0, 0, false
		}
		return rule, a, e, true
	case spNPMAuth:
		if !uuidAt(s, end) || placeholderToken(s[end:end+36]) {
			return 0, 0, 0, false
		}
		return rule, end, end + 36, true
	case spAzureAD:
		// [\w~.]{3}\dQ~[\w~.-]{31,34}, standing alone.
		a := start - 4
		if a < 0 || !isDigit(s[start-1]) || !azureChar(s[a]) || !azureChar(s[a+1]) || !azureChar(s[a+2]) || a > 0 && (azureChar(s[a-1]) || s[a-1] == '-') {
			return 0, 0, 0, false
		}
		e := end
		for e < len(s) && e-end <= 34 && (azureChar(s[e]) || s[e] == '-') {
			e++
		}
		if n := e - end; n < 31 || n > 34 || e < len(s) && (azureChar(s[e]) || s[e] == '-') || placeholderToken(s[end:e]) {
			return 0, 0, 0, false
		}
		return rule, a, e, true
	case spMailchimp:
		// <32 hex>-us<1 or 2 digits>
		a := runStart(s, start, csHex, 33)
		d := runEnd(s, end, csDigit, 3)
		if start-a != 32 || d-end < 1 || d-end > 2 || a > 0 && isTokenByte(s[a-1]) || d < len(s) && isAlnum(s[d]) || placeholderToken(s[a:start]) {
			return 0, 0, 0, false
		}
		return rule, a, d, true
	case spTelegram:
		// <bot id>:A<34 of [\w-]>
		a := runStart(s, start, csDigit, 17)
		e := runEnd(s, end, csAlnumUD, 35)
		if start-a < 5 || start-a > 16 || a > 0 && isAlnum(s[a-1]) || e-end != 34 || s[start+1] != 'A' || placeholderToken(s[end:e]) {
			return 0, 0, 0, false
		}
		return rule, a, e, true
	case spTerraform:
		// <14 lower alnum>.atlasv1.<60 to 70 of [\w=-]>
		a := runStart(s, start, csLowerAlnum, 15)
		e := runEnd(s, end, csUDEq, 71)
		if start-a != 14 || a > 0 && isTokenByte(s[a-1]) || e-end < 60 || e-end > 70 || e < len(s) && isAlnum(s[e]) || placeholderToken(s[end:e]) {
			return 0, 0, 0, false
		}
		return rule, a, e, true
	case spWebhook:
		d := runEnd(s, end, csDigit, 21)
		if d-end < 17 || d >= len(s) || s[d] != '/' {
			return 0, 0, 0, false
		}
		e := runEnd(s, d+1, csAlnumUD, 69)
		if e-d-1 != 68 || placeholderToken(s[d+1:e]) {
			return 0, 0, 0, false
		}
		return rule, start, e, true
	}
	return 0, 0, 0, false
}

func azureChar(c byte) bool { return isAlnum(c) || c == '_' || c == '~' || c == '.' }

// uuidAt reports an 8-4-4-4-12 hex UUID at s[i:], standing alone.
func uuidAt(s string, i int) bool {
	if len(s)-i < 36 || len(s)-i > 36 && isTokenByte(s[i+36]) {
		return false
	}
	for k := 0; k < 36; k++ {
		c := s[i+k]
		if k == 8 || k == 13 || k == 18 || k == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(c) {
			return false
		}
	}
	return true
}

// placeholderToken reports a token body that documentation or a template
// put there instead of a credential: filler ("xxxx", "####", "<your-key>",
// "YOUR_KEY_HERE", "EXAMPLE"), a run of one character ("111111") or an
// ascending sequence ("123456", "abcdef"). A random body of the lengths
// checked holds six equal or ascending characters in a row with a
// probability well under one in ten thousand.
func placeholderToken(v string) bool {
	run, asc := 1, 1
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '<' || c == '>' || c == '{' || c == '}' || c == '$' || c == '#' || c == '*' {
			return true
		}
		if i == 0 {
			continue
		}
		p := v[i-1]
		if lowerASCII[c] == lowerASCII[p] && isAlnum(c) {
			run++
		} else {
			run = 1
		}
		if lc, lp := lowerASCII[c], lowerASCII[p]; isAlnum(c) && (lc == lp+1 || lp == '9' && (lc == '0' || lc == 'a')) {
			asc++
		} else {
			asc = 1
		}
		if run >= 6 || asc >= 6 {
			return true
		}
	}
	for _, w := range placeholderFill {
		if containsFold(v, w) {
			return true
		}
	}
	return false
}

// placeholderFill are words that stand in for a value in templates. Each
// is four or more letters, so a random body holds one by chance with a
// probability of a few in a hundred thousand.
var placeholderFill = []string{"xxxx", "example", "here", "your", "placeholder", "redacted", "changeme", "dummy", "sample", "insert", "replace", "token_"}

// containsFold is strings.Contains ignoring ASCII case; w is lower case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if lowerASCII[s[i]] == w[0] && hasPrefixLower(s[i:], w) {
			return true
		}
	}
	return false
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
	"password*", "passwd", "pwd", "passphrase", "secret key", "apikey", "api-key", "api key", // '_' reads as a space
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

// scanBotTokens finds Discord bot tokens, which have no prefix: a
// base64-encoded user id (24 to 26 characters starting M, N or O), a dot,
// six characters of timestamp, a dot and a 27 to 38 character HMAC. The
// pre-pass already lists every long token, and a token ending at a dot is
// the only place one can start.
func (d *detector) scanBotTokens(v *view, pre *prescan, out []finding) []finding {
	if !d.on(d.rDiscord) {
		return out
	}
	s := v.s
	for t := 0; t+1 < len(pre.tokens); t += 2 {
		b := int(pre.tokens[t+1])
		if b >= len(s) || s[b] != '.' {
			continue
		}
		a := runStart(s, b, csAlnum, 27)
		if n := b - a; n < 24 || n > 26 || s[a] < 'M' || s[a] > 'O' || a > 0 && isTokenByte(s[a-1]) {
			continue
		}
		m := runEnd(s, b+1, csAlnumUD, 7)
		if m-b-1 != 6 || m >= len(s) || s[m] != '.' {
			continue
		}
		e := runEnd(s, m+1, csAlnumUD, 39)
		if n := e - m - 1; n < 27 || n > 38 || e < len(s) && isAlnum(s[e]) || placeholderToken(s[a:e]) {
			continue
		}
		if d.allowedValue(s[a:e]) {
			continue
		}
		oa, ob := v.span(a, e)
		out = append(out, finding{rule: d.rDiscord, start: oa, end: ob})
	}
	return out
}

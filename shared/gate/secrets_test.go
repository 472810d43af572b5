package gate

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Token formats of issue 14 item 5. The tokens are generated here from a
// seeded generator (no real or published credential is written into the
// repository); each format has a look-alike that must not be reported:
// a placeholder, a documentation example, a near miss in length or
// alphabet.

const (
	alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lower = "abcdefghijklmnopqrstuvwxyz0123456789"
	upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexd  = "0123456789abcdef"
	word  = alnum + "_-"
	b64   = alnum + "+/"
	bech  = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
)

// rnd returns n characters of alphabet, the same for the same seed text.
func rnd(seed, alphabet string, n int) string {
	h := fnv.New64a()
	h.Write([]byte(seed))
	x := h.Sum64() | 1
	var b strings.Builder
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b.WriteByte(alphabet[x%uint64(len(alphabet))])
	}
	return b.String()
}

func uuid(seed string) string {
	h := rnd(seed, hexd, 32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}

type secretCase struct {
	name string
	text string
	rule string // "" means no secret finding
	tok  string // when set, the finding's span must be exactly this
}

func checkSecrets(t *testing.T, tests []secretCase) {
	t.Helper()
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := g.Check(tc.text, nil)
			var got []Violation
			for _, v := range r.Violations {
				if v.Category == CatSecret {
					got = append(got, v)
				}
			}
			if tc.rule == "" {
				assert.Empty(t, got, "look-alike reported")
				return
			}
			var rules []string
			for _, v := range got {
				rules = append(rules, v.Rule)
				if v.Rule == tc.rule && tc.tok != "" {
					assert.Equal(t, tc.tok, tc.text[v.Start:v.End])
				}
			}
			assert.Contains(t, rules, tc.rule, "secret missed")
		})
	}
}

func TestSecretPlaceholders(t *testing.T) {
	checkSecrets(t, []secretCase{
		{name: "github x placeholder", text: "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", rule: ""},
		{name: "github X placeholder", text: "token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", rule: ""},
		{name: "stripe here", text: "STRIPE_KEY=sk_live_YOUR_KEY_HERE_0000000000", rule: ""},
		{name: "stripe hashes", text: "sk_live_####################", rule: ""},
		{name: "openai angle", text: "export OPENAI_API_KEY=sk-proj-<your-key-goes-here-from-the-dashboard-please>", rule: ""},
		{name: "ones", text: "npm_111111111111111111111111111111111111", rule: ""},
		{name: "digit sequence", text: "glpat-12345678901234567890", rule: ""},
		{name: "abc sequence", text: "hf_abcdefghijklmnopqrstuvwxyzabcdefgh", rule: ""},
		{name: "hex sequence", text: "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", rule: ""},
		{name: "example word", text: "shpat_EXAMPLE0a1b2c3d4e5f6a7b8c9d0e1f2a3b", rule: ""},
		{name: "aws secret example", text: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", rule: ""},
		{name: "password placeholder x", text: "password: xxxxxxxx1", rule: ""},
		{name: "real github next to docs", text: "ghp_" + rnd("gh1", alnum, 36), rule: "secret.github_token"},
	})
}

func TestSecretFormats(t *testing.T) {
	gitlab := func(prefix string, n int) string { return prefix + rnd(prefix, alnum, n) }
	openaiLegacy := "sk-" + rnd("oa1", alnum, 20) + "T3BlbkFJ" + rnd("oa2", alnum, 20)
	openaiProj := "sk-proj-" + rnd("oa3", word, 74) + "T3BlbkFJ" + rnd("oa4", word, 74)
	sendgrid := "SG." + rnd("sg1", word, 22) + "." + rnd("sg2", word, 43)
	telegram := "5724839102:AA" + rnd("tg", word, 33)
	discordBot := "MTA" + rnd("dc1", alnum, 23) + "." + rnd("dc2", word, 6) + "." + rnd("dc3", word, 38)
	checkSecrets(t, []secretCase{
		// GitLab: every current prefix, the runner registration token and the legacy 20-character PAT.
		{name: "gitlab pat", text: "token " + gitlab("glpat-", 20), rule: "secret.gitlab_token", tok: gitlab("glpat-", 20)},
		{name: "gitlab pat routable", text: "glpat-" + rnd("r", alnum, 27) + ".01" + rnd("r2", lower, 7), rule: "secret.gitlab_token", tok: "glpat-" + rnd("r", alnum, 27) + ".01" + rnd("r2", lower, 7)},
		{name: "gitlab deploy", text: gitlab("gldt-", 20), rule: "secret.gitlab_token"},
		{name: "gitlab trigger", text: "glptt-" + rnd("ptt", hexd, 40), rule: "secret.gitlab_token"},
		{name: "gitlab oauth", text: gitlab("gloas-", 64), rule: "secret.gitlab_token"},
		{name: "gitlab runner", text: gitlab("glrt-", 20), rule: "secret.gitlab_token"},
		{name: "gitlab feed", text: gitlab("glft-", 20), rule: "secret.gitlab_token"},
		{name: "gitlab mail", text: gitlab("glimt-", 25), rule: "secret.gitlab_token"},
		{name: "gitlab agent", text: gitlab("glagent-", 50), rule: "secret.gitlab_token"},
		{name: "gitlab scim", text: gitlab("glsoat-", 20), rule: "secret.gitlab_token"},
		{name: "gitlab job", text: "glcbt-" + rnd("j", alnum, 5) + "_" + rnd("j2", alnum, 20), rule: "secret.gitlab_token"},
		{name: "gitlab runner registration", text: "GR1348941" + rnd("rr", alnum, 20), rule: "secret.gitlab_token"},
		{name: "gitlab trigger too short", text: "glptt-" + rnd("ptt", hexd, 20), rule: ""},
		{name: "gitlab prefix in prose", text: "tokens start with glpat- or gldt- followed by 20 characters", rule: ""},
		// Hugging Face
		{name: "hf user", text: "HF_TOKEN=hf_" + rnd("hf", alnum, 34), rule: "secret.huggingface_token"},
		{name: "hf org", text: "api_org_" + rnd("hfo", alnum, 34), rule: "secret.huggingface_token"},
		{name: "hf org too short", text: "api_org_settings_page", rule: ""},
		// OpenAI
		{name: "openai legacy", text: "key=" + openaiLegacy, rule: "secret.openai_key", tok: openaiLegacy},
		{name: "openai legacy upper prefix", text: "SK-" + openaiLegacy[3:], rule: "secret.openai_key"},
		{name: "openai project", text: openaiProj, rule: "secret.openai_key", tok: openaiProj},
		{name: "openai svcacct", text: "sk-svcacct-" + rnd("sa", word, 58) + "T3BlbkFJ" + rnd("sb", word, 58), rule: "secret.openai_key"},
		{name: "openai admin", text: "sk-admin-" + rnd("ad", word, 58) + "T3BlbkFJ" + rnd("ae", word, 58), rule: "secret.openai_key"},
		{name: "openai marker alone", text: "the string T3BlbkFJ is base64 for OpenAI", rule: ""},
		{name: "anthropic admin", text: "sk-ant-admin01-" + rnd("an", word, 93) + "AA", rule: "secret.anthropic_key"},
		// SendGrid
		{name: "sendgrid", text: "SENDGRID_API_KEY=" + sendgrid, rule: "secret.sendgrid_key", tok: sendgrid},
		{name: "sendgrid short", text: "SG." + rnd("sg1", word, 22) + "." + rnd("sg2", word, 20), rule: ""},
		// npm
		{name: "npm granular", text: "npm_" + rnd("npm", alnum, 36), rule: "secret.npm_token"},
		{name: "npm legacy uuid", text: "//npm.acme.io/:_authToken=" + uuid("npm-legacy"), rule: "secret.npm_token", tok: uuid("npm-legacy")},
		{name: "npm authToken env", text: "//npm.acme.io/:_authToken=${NPM_TOKEN}", rule: ""},
		// Providers with distinctive prefixes.
		{name: "azure ad client secret", text: "client_secret=" + rnd("az", alnum, 3) + "8Q~" + rnd("az2", alnum, 34), rule: "secret.azure_key"},
		{name: "azure tilde prose", text: "~~~~~~~~~~~~~~~~~~~~ Q~ ~~~~~~~~~~~~~~~~", rule: ""},
		{name: "azure storage", text: "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + rnd("azs", b64, 86) + "==;EndpointSuffix=core.windows.net", rule: "secret.azure_key"},
		{name: "digitalocean", text: "dop_v1_" + rnd("do", hexd, 64), rule: "secret.digitalocean_token"},
		{name: "digitalocean oauth", text: "doo_v1_" + rnd("doo", hexd, 64), rule: "secret.digitalocean_token"},
		{name: "shopify access", text: "shpat_" + rnd("sh", hexd, 32), rule: "secret.shopify_token"},
		{name: "shopify shared secret", text: "shpss_" + rnd("shs", hexd, 32), rule: "secret.shopify_token"},
		{name: "twilio api key", text: "TWILIO_API_KEY=SK" + rnd("tw", hexd, 32), rule: "secret.twilio_key"},
		{name: "twilio sk in prose", text: "SKU1234 and SKIP this step", rule: ""},
		{name: "mailgun", text: "MAILGUN_KEY=key-" + rnd("mg", hexd, 32), rule: "secret.mailgun_key"},
		{name: "mailchimp", text: "mailchimp " + rnd("mc", hexd, 32) + "-us21", rule: "secret.mailchimp_key"},
		{name: "locale is not mailchimp", text: "Accept-Language: en-us21", rule: ""},
		{name: "databricks", text: "DATABRICKS_TOKEN=dapi" + rnd("db", hexd, 32), rule: "secret.databricks_token"},
		{name: "doppler", text: "dp.pt." + rnd("dp", lower, 43), rule: "secret.doppler_token"},
		{name: "pypi", text: "password = pypi-AgEIcHlwaS5vcmc" + rnd("py", word, 70), rule: "secret.pypi_token"},
		{name: "postman", text: "PMAK-" + rnd("pm", hexd, 24) + "-" + rnd("pm2", hexd, 34), rule: "secret.postman_key"},
		{name: "linear", text: "lin_api_" + rnd("lin", alnum, 40), rule: "secret.linear_key"},
		{name: "notion new", text: "ntn_" + rnd("ntn", "0123456789", 11) + rnd("ntn2", alnum, 35), rule: "secret.notion_token"},
		{name: "notion legacy", text: "NOTION_TOKEN=secret_" + rnd("nts", alnum, 43), rule: "secret.notion_token"},
		{name: "secret_ word", text: "use secret_key_base in config", rule: ""},
		{name: "atlassian", text: "ATATT3" + rnd("at", word, 186), rule: "secret.atlassian_token"},
		{name: "discord bot", text: "DISCORD_TOKEN=" + discordBot, rule: "secret.discord_token", tok: discordBot},
		{name: "discord webhook", text: "https://discord.com/api/webhooks/123456789012345678/" + rnd("dw", word, 68), rule: "secret.discord_token"},
		{name: "telegram bot", text: "bot " + telegram, rule: "secret.telegram_token", tok: telegram},
		{name: "time is not telegram", text: "at 10:AA meeting", rule: ""},
		{name: "square", text: "sq0atp-" + rnd("sq", word, 22), rule: "secret.square_token"},
		{name: "square secret", text: "sq0csp-" + rnd("sqs", word, 43), rule: "secret.square_token"},
		{name: "heroku", text: "HRKU-AA" + rnd("hk", word, 58), rule: "secret.heroku_key"},
		{name: "grafana cloud", text: "glc_" + rnd("gc", b64, 40), rule: "secret.grafana_token"},
		{name: "grafana service account", text: "glsa_" + rnd("gsa", alnum, 32) + "_" + rnd("gsa2", hexd, 8), rule: "secret.grafana_token"},
		{name: "sentry user", text: "sntryu_" + rnd("se", hexd, 64), rule: "secret.sentry_token"},
		{name: "sentry org", text: "sntrys_eyJpYXQiOjE2ODk1" + rnd("so", b64, 60), rule: "secret.sentry_token"},
		{name: "new relic", text: "NRAK-" + rnd("nr", upper, 27), rule: "secret.newrelic_key"},
		{name: "age", text: "AGE-SECRET-KEY-1" + rnd("age", bech, 58), rule: "secret.age_key"},
		{name: "age public key", text: "age1" + strings.ToLower(rnd("agep", bech, 58)), rule: ""},
		{name: "gcp service account", text: `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"}`, rule: "secret.private_key"},
		{name: "slack app", text: "xapp-1-A0" + rnd("xa", upper, 9) + "-" + rnd("xa2", "0123456789", 13) + "-" + rnd("xa3", hexd, 64), rule: "secret.slack_token"},
		{name: "slack config", text: "xoxe.xoxp-1-" + rnd("xe", alnum, 140), rule: "secret.slack_token"},
		{name: "slack bot placeholder", text: "xoxb-your-token-here-xxxxxxxxxxxx", rule: ""},
		{name: "cloudflare origin ca", text: "v1.0-" + rnd("cf", hexd, 24) + "-" + rnd("cf2", hexd, 146), rule: "secret.cloudflare_key"},
		{name: "dropbox short lived", text: "sl." + rnd("dbx", word, 135), rule: "secret.dropbox_token"},
		{name: "dropbox in prose", text: "see sl.no 5 in the table", rule: ""},
		{name: "vault service", text: "VAULT_TOKEN=hvs." + rnd("hv", word, 95), rule: "secret.vault_token"},
		{name: "vault batch", text: "hvb." + rnd("hvb", word, 150), rule: "secret.vault_token"},
		{name: "1password service account", text: "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ" + rnd("op", b64, 260), rule: "secret.onepassword_token"},
		{name: "pulumi", text: "pul-" + rnd("pul", hexd, 40), rule: "secret.pulumi_token"},
		{name: "terraform cloud", text: rnd("tf", lower, 14) + ".atlasv1." + rnd("tf2", word, 67), rule: "secret.terraform_token"},
		{name: "fly", text: "FLY_API_TOKEN=fo1_" + rnd("fly", word, 43), rule: "secret.flyio_token"},
		{name: "stripe prod", text: "sk_prod_" + rnd("sp", alnum, 40), rule: "secret.stripe_key"},
		{name: "alibaba", text: "LTAI" + rnd("ali", alnum, 20), rule: "secret.alibaba_key"},
		{name: "rubygems", text: "rubygems_" + rnd("rg", hexd, 48), rule: "secret.rubygems_token"},
		{name: "planetscale", text: "pscale_tkn_" + rnd("ps", word, 43), rule: "secret.planetscale_token"},
		{name: "dynatrace", text: "dt0c01." + rnd("dt", upper, 24) + "." + rnd("dt2", upper, 64), rule: "secret.dynatrace_token"},
		{name: "contentful", text: "CFPAT-" + rnd("cfp", word, 43), rule: "secret.contentful_token"},
		{name: "sendinblue", text: "xkeysib-" + rnd("sib", hexd, 64) + "-" + rnd("sib2", alnum, 16), rule: "secret.sendinblue_key"},
	})
}

func TestGermanMobileNumbers(t *testing.T) {
	g, err := New(DefaultPolicy())
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       bool
	}{
		{name: "hyphen", text: "ruf an: 0176-69394000", want: true},
		{name: "space", text: "Nummer 0176 69394000 bitte", want: true},
		{name: "slash", text: "0176/69394000", want: true},
		{name: "e164", text: "+49 176 69394000", want: true},
		{name: "e164 compact", text: "+4917669394000", want: true},
		{name: "eleven digits", text: "0151 2345678", want: true},
		{name: "invoice number", text: "Rechnung 2024-69394000", want: false},
		{name: "article number", text: "Art.-Nr. 0000-69394000", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := g.Check(tc.text, nil)
			if tc.want {
				assert.Contains(t, r.Rules(), "pii.phone")
			} else {
				assert.NotContains(t, r.Rules(), "pii.phone")
			}
		})
	}
}

package gate

// rule describes one detector outcome. Severity is the rule's default; a
// policy can replace it per category or per rule.
type rule struct {
	category    string
	severity    string
	placeholder string // used when the finding is redacted
	message     string
}

// ruleInfo is the catalog of every rule id the gate can emit. Rule ids are
// stable: evidence entries and tenant policies refer to them.
var ruleInfo = map[string]rule{
	"prompt_injection.instruction_override":     {CatInjection, "high", "[REMOVED]", "attempt to override or discard prior instructions"},
	"prompt_injection.jailbreak":                {CatInjection, "high", "[REMOVED]", "persona or jailbreak attempt (unrestricted mode, DAN, developer mode)"},
	"prompt_injection.system_prompt_extraction": {CatInjection, "high", "[REMOVED]", "attempt to extract the system prompt or hidden instructions"},
	"prompt_injection.role_injection":           {CatInjection, "high", "[REMOVED]", "chat-template token or fake system/role delimiter"},
	"prompt_injection.indirect":                 {CatInjection, "high", "[REMOVED]", "instructions addressed to the AI hidden in a document or markup"},
	"prompt_injection.encoded_payload":          {CatInjection, "high", "[REMOVED]", "encoded (base64, hex or URL-encoded) text carrying instructions, or a hijack phrase hidden by a transform (spaced, reversed, leetspeak, ROT13)"},
	"prompt_injection.invisible_text":           {CatInjection, "critical", "[REMOVED]", "text smuggled in invisible Unicode tag characters"},

	// The learned layer's findings (decision 141): category prompt_injection,
	// so the policies, actions and redaction written for injection apply.
	"prompt_injection.model":   {CatInjection, "high", "[REMOVED]", "learned model: instruction override or system prompt extraction"},
	"jailbreak.model":          {CatInjection, "high", "[REMOVED]", "learned model: persona or role-play jailbreak"},
	"indirect_injection.model": {CatInjection, "high", "[REMOVED]", "learned model: instructions addressed to the assistant inside data"},

	"pii.email":      {CatPII, "medium", "[EMAIL]", "e-mail address"},
	"pii.phone":      {CatPII, "medium", "[PHONE]", "telephone number"},
	"pii.card":       {CatPII, "high", "[CARD]", "payment card number (Luhn and issuer range valid)"},
	"pii.iban":       {CatPII, "high", "[IBAN]", "IBAN (mod-97 check digits valid)"},
	"pii.ssn":        {CatPII, "high", "[SSN]", "US social security number"},
	"pii.ip_address": {CatPII, "low", "[IP_ADDRESS]", "public IP address"},

	"secret.aws_access_key":    {CatSecret, "critical", "[AWS_ACCESS_KEY]", "AWS access key id"},
	"secret.aws_secret_key":    {CatSecret, "critical", "[AWS_SECRET_KEY]", "AWS secret access key"},
	"secret.private_key":       {CatSecret, "critical", "[PRIVATE_KEY]", "PEM private key"},
	"secret.jwt":               {CatSecret, "high", "[JWT]", "JSON Web Token"},
	"secret.github_token":      {CatSecret, "critical", "[GITHUB_TOKEN]", "GitHub token"},
	"secret.gitlab_token":      {CatSecret, "critical", "[GITLAB_TOKEN]", "GitLab personal access token"},
	"secret.slack_token":       {CatSecret, "critical", "[SLACK_TOKEN]", "Slack token or webhook"},
	"secret.stripe_key":        {CatSecret, "critical", "[STRIPE_KEY]", "Stripe secret or restricted key"},
	"secret.openai_key":        {CatSecret, "critical", "[OPENAI_KEY]", "OpenAI API key"},
	"secret.anthropic_key":     {CatSecret, "critical", "[ANTHROPIC_KEY]", "Anthropic API key"},
	"secret.google_api_key":    {CatSecret, "critical", "[GOOGLE_API_KEY]", "Google API key"},
	"secret.npm_token":         {CatSecret, "critical", "[NPM_TOKEN]", "npm access token"},
	"secret.huggingface_token": {CatSecret, "critical", "[HF_TOKEN]", "Hugging Face access token"},
	"secret.sendgrid_key":      {CatSecret, "critical", "[SENDGRID_KEY]", "SendGrid API key"},
	"secret.agentgate_key":     {CatSecret, "critical", "[AGENTGATE_KEY]", "agentgate API key"},
	"secret.password":          {CatSecret, "high", "[PASSWORD]", "password or secret assigned in text"},

	// Providers with distinctive token formats (decision 151).
	"secret.azure_key":          {CatSecret, "critical", "[AZURE_KEY]", "Azure AD client secret or storage account key"},
	"secret.digitalocean_token": {CatSecret, "critical", "[DIGITALOCEAN_TOKEN]", "DigitalOcean access token"},
	"secret.shopify_token":      {CatSecret, "critical", "[SHOPIFY_TOKEN]", "Shopify access token or shared secret"},
	"secret.twilio_key":         {CatSecret, "critical", "[TWILIO_KEY]", "Twilio API key"},
	"secret.mailgun_key":        {CatSecret, "critical", "[MAILGUN_KEY]", "Mailgun API key"},
	"secret.mailchimp_key":      {CatSecret, "critical", "[MAILCHIMP_KEY]", "Mailchimp API key"},
	"secret.databricks_token":   {CatSecret, "critical", "[DATABRICKS_TOKEN]", "Databricks access token"},
	"secret.doppler_token":      {CatSecret, "critical", "[DOPPLER_TOKEN]", "Doppler token"},
	"secret.pypi_token":         {CatSecret, "critical", "[PYPI_TOKEN]", "PyPI upload token"},
	"secret.postman_key":        {CatSecret, "critical", "[POSTMAN_KEY]", "Postman API key"},
	"secret.linear_key":         {CatSecret, "critical", "[LINEAR_KEY]", "Linear API key"},
	"secret.notion_token":       {CatSecret, "critical", "[NOTION_TOKEN]", "Notion integration token"},
	"secret.atlassian_token":    {CatSecret, "critical", "[ATLASSIAN_TOKEN]", "Atlassian API token"},
	"secret.discord_token":      {CatSecret, "critical", "[DISCORD_TOKEN]", "Discord bot token or webhook"},
	"secret.telegram_token":     {CatSecret, "critical", "[TELEGRAM_TOKEN]", "Telegram bot token"},
	"secret.square_token":       {CatSecret, "critical", "[SQUARE_TOKEN]", "Square access token or secret"},
	"secret.heroku_key":         {CatSecret, "critical", "[HEROKU_KEY]", "Heroku API key"},
	"secret.grafana_token":      {CatSecret, "critical", "[GRAFANA_TOKEN]", "Grafana Cloud or service account token"},
	"secret.sentry_token":       {CatSecret, "critical", "[SENTRY_TOKEN]", "Sentry auth token"},
	"secret.newrelic_key":       {CatSecret, "critical", "[NEWRELIC_KEY]", "New Relic API key"},
	"secret.age_key":            {CatSecret, "critical", "[AGE_KEY]", "age secret key"},
	"secret.cloudflare_key":     {CatSecret, "critical", "[CLOUDFLARE_KEY]", "Cloudflare origin CA key"},
	"secret.dropbox_token":      {CatSecret, "critical", "[DROPBOX_TOKEN]", "Dropbox access token"},
	"secret.vault_token":        {CatSecret, "critical", "[VAULT_TOKEN]", "HashiCorp Vault token"},
	"secret.onepassword_token":  {CatSecret, "critical", "[1PASSWORD_TOKEN]", "1Password service account token"},
	"secret.pulumi_token":       {CatSecret, "critical", "[PULUMI_TOKEN]", "Pulumi access token"},
	"secret.terraform_token":    {CatSecret, "critical", "[TERRAFORM_TOKEN]", "Terraform Cloud token"},
	"secret.flyio_token":        {CatSecret, "critical", "[FLYIO_TOKEN]", "Fly.io access token"},
	"secret.alibaba_key":        {CatSecret, "critical", "[ALIBABA_KEY]", "Alibaba Cloud access key id"},
	"secret.rubygems_token":     {CatSecret, "critical", "[RUBYGEMS_TOKEN]", "RubyGems API key"},
	"secret.planetscale_token":  {CatSecret, "critical", "[PLANETSCALE_TOKEN]", "PlanetScale token or password"},
	"secret.dynatrace_token":    {CatSecret, "critical", "[DYNATRACE_TOKEN]", "Dynatrace API token"},
	"secret.contentful_token":   {CatSecret, "critical", "[CONTENTFUL_TOKEN]", "Contentful personal access token"},
	"secret.sendinblue_key":     {CatSecret, "critical", "[SENDINBLUE_KEY]", "Brevo (Sendinblue) API key"},

	"exfiltration.markdown_image": {CatExfiltration, "high", "[IMAGE]", "markdown/HTML image loading a non-allowlisted host (data exfiltration channel)"},
	"exfiltration.markdown_link":  {CatExfiltration, "medium", "[LINK]", "link to a non-allowlisted host carrying data in its URL"},

	"active_content.script": {CatActive, "high", "[ACTIVE_CONTENT]", "active HTML or script in output"},

	"leakage.canary":        {CatLeakage, "critical", "[CANARY]", "tenant canary string from the system prompt appeared in the output"},
	"leakage.system_prompt": {CatLeakage, "medium", "[REMOVED]", "output appears to recite the system prompt"},

	"obfuscation.invisible_characters": {CatObfuscation, "low", "", "zero-width or bidirectional control characters (stripped before detection)"},
}

// ModelRules are the learned layer's rule ids, one per head (injection,
// jailbreak, indirect).
func ModelRules() []string {
	return []string{"prompt_injection.model", "jailbreak.model", "indirect_injection.model"}
}

// offByDefault are the rules that report nothing unless the policy gives
// them an action under "rules" (their category's action does not turn them
// on). The indirect head of the learned layer (decision 155): out of fold it
// finds no attack the lexicon misses, and it flags ordinary code.
var offByDefault = map[string]bool{"indirect_injection.model": true}

// RuleOnByDefault reports whether a rule reports under the default policy
// (and any policy that does not name it under "rules").
func RuleOnByDefault(id string) bool {
	_, ok := ruleInfo[id]
	return ok && !offByDefault[id]
}

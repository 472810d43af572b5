package infra

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbedrock"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Guardrail is the Amazon Bedrock guardrail tenants' policies may name as a
// layer behind the gate (decision 220): created with the stack, or an
// existing one referenced by ARN or identifier.
type Guardrail struct {
	// ARN is the one resource the api role may ApplyGuardrail on.
	ARN *string
	// Resource is the created guardrail (nil for an existing one).
	Resource awsbedrock.CfnGuardrail
}

// NewGuardrail makes or references the guardrail cfg names (nil when the
// layer is off). A created one has the defaults tenants asked for in
// issue 20: the content filters the gate does not have (hate, insults,
// sexual, violence, misconduct at HIGH; prompt attack on inputs),
// profanity, and contextual grounding of outputs against documents.
// Personal data stays with the gate (it redacts with offsets), so no
// sensitive-information policy by default. Version 1 is published with it
// so tenants can pin "1" rather than the mutable DRAFT.
func NewGuardrail(scope constructs.Construct, id string, cfg Config) *Guardrail {
	switch cfg.BedrockGuardrail {
	case "":
		return nil
	case BedrockGuardrailCreate:
	default:
		arn := cfg.BedrockGuardrail
		if !guardrailARN.MatchString(arn) {
			arn = *awscdk.Stack_Of(scope).FormatArn(&awscdk.ArnComponents{
				Service: jsii.String("bedrock"), Resource: jsii.String("guardrail"), ResourceName: jsii.String(cfg.BedrockGuardrail),
			})
		}
		return &Guardrail{ARN: jsii.String(arn)}
	}
	c := constructs.NewConstruct(scope, jsii.String(id))
	filter := func(typ, in, out string) awsbedrock.CfnGuardrail_ContentFilterConfigProperty {
		return awsbedrock.CfnGuardrail_ContentFilterConfigProperty{Type: jsii.String(typ), InputStrength: jsii.String(in), OutputStrength: jsii.String(out)}
	}
	g := awsbedrock.NewCfnGuardrail(c, jsii.String("Guardrail"), &awsbedrock.CfnGuardrailProps{
		Name:                    jsii.String(*awscdk.Stack_Of(scope).StackName() + "-gate-layer"),
		Description:             jsii.String("agentgate: second opinion behind the gate (decision 220)"),
		BlockedInputMessaging:   jsii.String("Blocked by the tenant's guardrail."),
		BlockedOutputsMessaging: jsii.String("Blocked by the tenant's guardrail."),
		ContentPolicyConfig: &awsbedrock.CfnGuardrail_ContentPolicyConfigProperty{FiltersConfig: &[]any{
			filter("HATE", "HIGH", "HIGH"), filter("INSULTS", "HIGH", "HIGH"), filter("SEXUAL", "HIGH", "HIGH"),
			filter("VIOLENCE", "HIGH", "HIGH"), filter("MISCONDUCT", "HIGH", "HIGH"),
			// Prompt attacks are judged on inputs only (Bedrock requires NONE on outputs).
			filter("PROMPT_ATTACK", "HIGH", "NONE"),
		}},
		WordPolicyConfig: &awsbedrock.CfnGuardrail_WordPolicyConfigProperty{ManagedWordListsConfig: &[]any{
			awsbedrock.CfnGuardrail_ManagedWordsConfigProperty{Type: jsii.String("PROFANITY")},
		}},
		ContextualGroundingPolicyConfig: &awsbedrock.CfnGuardrail_ContextualGroundingPolicyConfigProperty{FiltersConfig: &[]any{
			awsbedrock.CfnGuardrail_ContextualGroundingFilterConfigProperty{Type: jsii.String("GROUNDING"), Threshold: jsii.Number(0.75)},
			awsbedrock.CfnGuardrail_ContextualGroundingFilterConfigProperty{Type: jsii.String("RELEVANCE"), Threshold: jsii.Number(0.5)},
		}},
	})
	awsbedrock.NewCfnGuardrailVersion(c, jsii.String("Version1"), &awsbedrock.CfnGuardrailVersionProps{
		GuardrailIdentifier: g.AttrGuardrailId(),
		Description:         jsii.String("The defaults as created with the stack"),
	})
	return &Guardrail{ARN: g.AttrGuardrailArn(), Resource: g}
}

// GrantApply lets role call ApplyGuardrail on this guardrail and no other.
func (g *Guardrail) GrantApply(role awsiam.IRole) {
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("bedrock:ApplyGuardrail"), Resources: &[]*string{g.ARN},
	}))
}

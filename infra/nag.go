package infra

import (
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// suppress records one cdk-nag suppression on a resource (not its children).
func suppress(c constructs.IConstruct, rule, reason string) {
	cdknag.NagSuppressions_AddResourceSuppressions(c, &[]*cdknag.NagPackSuppression{{
		Id: jsii.String(rule), Reason: jsii.String(reason),
	}}, jsii.Bool(false))
}

// grantWildcard is one wildcard the CDK's Grant* methods write into a policy,
// with why it is acceptable. Each suppression names the exact finding
// (appliesTo), so a new, different wildcard still fails cdk-nag.
type grantWildcard struct {
	finding string // regex over cdk-nag's "Action::..." / "Resource::..." finding
	reason  string
}

var grantWildcards = []grantWildcard{
	{`^Resource::\*$`, "X-Ray PutTraceSegments/PutTelemetryRecords, DynamoDB ListStreams (written by the stream event source) and the controls function's account-level reads (IAM credential report and authorization details, AWS Config rule compliance, CloudWatch GetMetricData) support no resource-level permissions; AWS requires \"*\"."},
	{`^Action::kms:ReEncrypt\*$`, "Written by the CDK's Grant* for a customer-managed key; the resource is this stack's one data key only."},
	{`^Action::kms:GenerateDataKey\*$`, "Written by the CDK's Grant* for a customer-managed key; the resource is this stack's one data key only."},
	{`^Action::s3:GetObject\*$`, "Written by Bucket.grantRead: object reads of this stack's own bucket only."},
	{`^Action::s3:GetBucket\*$`, "Written by Bucket.grantRead: bucket metadata of this stack's own bucket only."},
	{`^Action::s3:List\*$`, "Written by Bucket.grantRead: listing of this stack's own bucket only."},
	{`^Action::s3:Abort\*$`, "Written by Bucket.grantPut/grantWrite: aborting its own multipart uploads in this stack's bucket."},
	{`^Action::s3:DeleteObject\*$`, "Written by Bucket.grantWrite: packages can be replaced; the archive is never granted delete."},
	{`^Resource::<[A-Za-z0-9]+\.Arn>/\*$`, "Objects of one of this stack's buckets (grantRead/grantPut/grantReadWrite): S3 object ARNs need the key wildcard."},
	{`^Resource::<BucketsArchive[A-Za-z0-9]+\.Arn>/evidence/\*$`, "The archiver's sweep reads back the evidence bundles under evidence/ of this stack's archive bucket to compare them with the table (decision 111), and the API reads an entry from its bundle once the table row has expired (decision 171): object ARNs need the key wildcard, narrowed to that prefix."},
	{`^Resource::<BucketsArchive[A-Za-z0-9]+\.Arn>/tiles/\*$`, "The archiver extends and the API reads the chains' Merkle tiles under tiles/ of this stack's archive bucket (decision 171): object ARNs need the key wildcard, narrowed to that prefix."},
	{`^Resource::<BucketsPackages[A-Za-z0-9]+\.Arn>/(requests|packages)/\*$`, "The API writes package build requests under requests/ and presigns downloads under packages/ of this stack's packages bucket: object ARNs need the key wildcard, narrowed to one prefix each."},
	{`^Resource::<[A-Za-z0-9]+\.Arn>/index/\*$`, "Global secondary indexes of one of this stack's tables (Table.grant*): the index list is defined in shared/tables."},
}

// suppressGrantWildcards applies the known Grant* wildcards to a role and its
// default policy. Call it after every grant is made.
func suppressGrantWildcards(role constructs.IConstruct) {
	sups := make([]*cdknag.NagPackSuppression, 0, len(grantWildcards))
	for _, w := range grantWildcards {
		sups = append(sups, &cdknag.NagPackSuppression{
			Id:        jsii.String("AwsSolutions-IAM5"),
			Reason:    jsii.String(w.reason),
			AppliesTo: &[]any{&cdknag.RegexAppliesTo{Regex: jsii.String("/" + w.finding + "/")}},
		})
	}
	cdknag.NagSuppressions_AddResourceSuppressions(role, &sups, jsii.Bool(true))
}

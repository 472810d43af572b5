package infra

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfrontorigins"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3deployment"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/agentgate/agentgate/web"
)

// Console is the web console behind CloudFront: its files in a private
// bucket read through origin access control, and /v1/* forwarded to the
// HTTP API by the same distribution, so the console and the API share one
// origin and the CSP's connect-src 'self' holds (docs/console.md).
type Console struct {
	constructs.Construct
	Bucket       awss3.Bucket
	Distribution awscloudfront.Distribution
	Headers      awscloudfront.ResponseHeadersPolicy
}

// ConsoleProps wire the console to the rest of the stack.
type ConsoleProps struct {
	// Dir holds the files as served (StageConsole writes it).
	Dir string
	// APIEndpoint is the HTTP API's https://<id>.execute-api.<region>.amazonaws.com.
	APIEndpoint *string
	// AccessLog receives the console bucket's S3 server access logs.
	AccessLog awss3.IBucket
}

// NewConsole creates the console's bucket, its deployment and the
// distribution. The bucket blocks public access, denies non-TLS requests and
// is readable by this distribution only.
func NewConsole(scope constructs.Construct, id string, p ConsoleProps) *Console {
	c := constructs.NewConstruct(scope, jsii.String(id))
	bucket := awss3.NewBucket(c, jsii.String("Files"), &awss3.BucketProps{
		Encryption:             awss3.BucketEncryption_S3_MANAGED,
		BlockPublicAccess:      awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:             jsii.Bool(true),
		MinimumTLSVersion:      jsii.Number(1.2),
		ObjectOwnership:        awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		Versioned:              jsii.Bool(true),
		ServerAccessLogsBucket: p.AccessLog,
		ServerAccessLogsPrefix: jsii.String("console/"),
		// As every bucket of the stack: retained when the stack is deleted.
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
		LifecycleRules: &[]*awss3.LifecycleRule{{
			Id:                                  jsii.String("expire-old-console-files"),
			NoncurrentVersionExpiration:         awscdk.Duration_Days(jsii.Number(7)),
			AbortIncompleteMultipartUploadAfter: awscdk.Duration_Days(jsii.Number(1)),
		}},
	})

	headers := awscloudfront.NewResponseHeadersPolicy(c, jsii.String("Headers"), &awscloudfront.ResponseHeadersPolicyProps{
		Comment: jsii.String("agentgate console: the CSP of web.CSP and security headers"),
		SecurityHeadersBehavior: &awscloudfront.ResponseSecurityHeadersBehavior{
			ContentSecurityPolicy: &awscloudfront.ResponseHeadersContentSecurityPolicy{ContentSecurityPolicy: jsii.String(web.CSP), Override: jsii.Bool(true)},
			ContentTypeOptions:    &awscloudfront.ResponseHeadersContentTypeOptions{Override: jsii.Bool(true)},
			FrameOptions:          &awscloudfront.ResponseHeadersFrameOptions{FrameOption: awscloudfront.HeadersFrameOption_DENY, Override: jsii.Bool(true)},
			ReferrerPolicy:        &awscloudfront.ResponseHeadersReferrerPolicy{ReferrerPolicy: awscloudfront.HeadersReferrerPolicy_NO_REFERRER, Override: jsii.Bool(true)},
			StrictTransportSecurity: &awscloudfront.ResponseHeadersStrictTransportSecurity{
				AccessControlMaxAge: awscdk.Duration_Days(jsii.Number(730)), IncludeSubdomains: jsii.Bool(true), Override: jsii.Bool(true),
			},
		},
		CustomHeadersBehavior: &awscloudfront.ResponseCustomHeadersBehavior{CustomHeaders: &[]*awscloudfront.ResponseCustomHeader{
			{Header: jsii.String("Cross-Origin-Opener-Policy"), Value: jsii.String("same-origin"), Override: jsii.Bool(true)},
		}},
	})

	// "https://<id>.execute-api.<region>.amazonaws.com" -> the domain.
	apiDomain := awscdk.Fn_Select(jsii.Number(2), awscdk.Fn_Split(jsii.String("/"), p.APIEndpoint, nil))
	dist := awscloudfront.NewDistribution(c, jsii.String("Distribution"), &awscloudfront.DistributionProps{
		Comment:           jsii.String("agentgate console and API"),
		DefaultRootObject: jsii.String("index.html"),
		HttpVersion:       awscloudfront.HttpVersion_HTTP2_AND_3,
		PriceClass:        awscloudfront.PriceClass_PRICE_CLASS_100,
		DefaultBehavior: &awscloudfront.BehaviorOptions{
			Origin:                awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(bucket, nil),
			ViewerProtocolPolicy:  awscloudfront.ViewerProtocolPolicy_REDIRECT_TO_HTTPS,
			AllowedMethods:        awscloudfront.AllowedMethods_ALLOW_GET_HEAD(),
			CachePolicy:           awscloudfront.CachePolicy_CACHING_OPTIMIZED(),
			ResponseHeadersPolicy: headers,
			Compress:              jsii.Bool(true),
		},
		AdditionalBehaviors: &map[string]*awscloudfront.BehaviorOptions{
			// The API as it is: nothing cached, every viewer header (the
			// Authorization header included) but Host forwarded, every method.
			"/v1/*": {
				Origin: awscloudfrontorigins.NewHttpOrigin(apiDomain, &awscloudfrontorigins.HttpOriginProps{
					ProtocolPolicy:      awscloudfront.OriginProtocolPolicy_HTTPS_ONLY,
					OriginSslProtocols:  &[]awscloudfront.OriginSslPolicy{awscloudfront.OriginSslPolicy_TLS_V1_2},
					ReadTimeout:         awscdk.Duration_Seconds(jsii.Number(30)),
					KeepaliveTimeout:    awscdk.Duration_Seconds(jsii.Number(5)),
					ConnectionAttempts:  jsii.Number(3),
					ConnectionTimeout:   awscdk.Duration_Seconds(jsii.Number(10)),
					OriginShieldEnabled: jsii.Bool(false),
				}),
				ViewerProtocolPolicy: awscloudfront.ViewerProtocolPolicy_HTTPS_ONLY,
				AllowedMethods:       awscloudfront.AllowedMethods_ALLOW_ALL(),
				CachePolicy:          awscloudfront.CachePolicy_CACHING_DISABLED(),
				OriginRequestPolicy:  awscloudfront.OriginRequestPolicy_ALL_VIEWER_EXCEPT_HOST_HEADER(),
			},
		},
	})
	for _, s := range []struct{ rule, reason string }{
		{"AwsSolutions-CFR1", "The console is for the tenant's own staff wherever they are; every API call needs an API key, so a geo restriction would add nothing but support tickets."},
		{"AwsSolutions-CFR2", "Static read-only files and an API that answers only with a key: the API has its own throttles per route and key and its authorizer (decision 002, 120). A WAF web ACL is a per-account choice left to the operator."},
		{"AwsSolutions-CFR3", "CloudFront standard logging needs an ACL-enabled bucket; the stack's log bucket disables ACLs (BucketOwnerEnforced). API requests are logged by the HTTP API stage's access log and the console bucket by S3 server access logs."},
		{"AwsSolutions-CFR4", "Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum protocol version CloudFront does not let us raise; attach a domain and an ACM certificate with TLSv1.2_2021 to lift it."},
	} {
		suppress(dist, s.rule, s.reason)
	}

	deploy := awss3deployment.NewBucketDeployment(c, jsii.String("Deploy"), &awss3deployment.BucketDeploymentProps{
		DestinationBucket: bucket,
		Sources:           &[]awss3deployment.ISource{awss3deployment.Source_Asset(jsii.String(p.Dir), nil)},
		Distribution:      dist,
		DistributionPaths: &[]*string{jsii.String("/*")},
		Prune:             jsii.Bool(true),
		CacheControl:      &[]awss3deployment.CacheControl{awss3deployment.CacheControl_NoCache()},
	})
	suppressBucketDeployment(deploy)
	return &Console{Construct: c, Bucket: bucket, Distribution: dist, Headers: headers}
}

// suppressBucketDeployment records why the CDK's own deployment function is
// acceptable. It is a singleton at the stack's root (Custom::CDKBucketDeployment…),
// not a child of the deployment construct.
func suppressBucketDeployment(deploy constructs.Construct) {
	stack := awscdk.Stack_Of(deploy)
	for _, child := range *stack.Node().Children() {
		if !strings.HasPrefix(*child.Node().Id(), "Custom::CDKBucketDeployment") {
			continue
		}
		cdknag.NagSuppressions_AddResourceSuppressions(child, &[]*cdknag.NagPackSuppression{
			{Id: jsii.String("AwsSolutions-IAM4"), Reason: jsii.String("The CDK's BucketDeployment function uses AWSLambdaBasicExecutionRole to write its own logs; it runs at deploy time only.")},
			{Id: jsii.String("AwsSolutions-IAM5"), Reason: jsii.String("Written by the CDK's BucketDeployment grants: reading the CDK asset objects and writing and deleting the console bucket's objects (object ARNs need the key wildcard), and invalidating the distribution.")},
			{Id: jsii.String("AwsSolutions-L1"), Reason: jsii.String("The BucketDeployment function's runtime is chosen by the pinned aws-cdk-lib version; it moves when the CDK is upgraded.")},
		}, jsii.Bool(true))
	}
}

// StageConsole writes the console as served into dir: the embedded files
// and the vendored packages from nodeModules (web.Install).
func StageConsole(dir, nodeModules string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	err := fs.WalkDir(web.Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(web.Files(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return fmt.Errorf("stage console files: %w", err)
	}
	for name, rel := range web.Vendor {
		b, err := os.ReadFile(filepath.Join(nodeModules, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("stage console vendor file %s: %w", name, err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "vendor"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "vendor", name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

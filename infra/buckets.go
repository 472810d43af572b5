package infra

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// Buckets holds the evidence archive, the audit packages and the bucket that
// receives both buckets' S3 server access logs.
type Buckets struct {
	constructs.Construct
	Archive   awss3.Bucket
	Packages  awss3.Bucket
	AccessLog awss3.Bucket
}

// BucketsProps are the retention knobs; everything else is a fixed secure default.
type BucketsProps struct {
	Key                    awskms.IKey
	RetentionDays          int
	ObjectLockMode         string // GOVERNANCE or COMPLIANCE
	ArchiveTransitionDays  int    // 0: no transition
	PackagesRetentionDays  int
	AccessLogRetentionDays int
}

// NewBuckets creates the three buckets. Every one blocks public access, denies
// non-TLS requests, requires TLS 1.2 and disables ACLs.
func NewBuckets(scope constructs.Construct, id string, p BucketsProps) *Buckets {
	c := constructs.NewConstruct(scope, jsii.String(id))

	// S3 server access logging cannot deliver to an SSE-KMS bucket, so the log
	// bucket uses SSE-S3; it holds request metadata, never evidence.
	accessLog := awss3.NewBucket(c, jsii.String("AccessLogs"), &awss3.BucketProps{
		Encryption:        awss3.BucketEncryption_S3_MANAGED,
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		MinimumTLSVersion: jsii.Number(1.2),
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		Versioned:         jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		LifecycleRules: &[]*awss3.LifecycleRule{{
			Id:                                  jsii.String("expire-access-logs"),
			Expiration:                          awscdk.Duration_Days(jsii.Number(p.AccessLogRetentionDays)),
			NoncurrentVersionExpiration:         awscdk.Duration_Days(jsii.Number(1)),
			AbortIncompleteMultipartUploadAfter: awscdk.Duration_Days(jsii.Number(1)),
		}},
	})
	cdknag.NagSuppressions_AddResourceSuppressions(accessLog, &[]*cdknag.NagPackSuppression{{
		Id:     jsii.String("AwsSolutions-S1"),
		Reason: jsii.String("This is the server access log target of the other buckets; logging it into itself would create a log loop."),
	}}, jsii.Bool(false))

	lockDays := awscdk.Duration_Days(jsii.Number(p.RetentionDays))
	lock := awss3.ObjectLockRetention_Governance(lockDays)
	if p.ObjectLockMode == "COMPLIANCE" {
		lock = awss3.ObjectLockRetention_Compliance(lockDays)
	}
	var transitions *[]*awss3.Transition
	if p.ArchiveTransitionDays > 0 {
		transitions = &[]*awss3.Transition{{
			StorageClass:    awss3.StorageClass_GLACIER_INSTANT_RETRIEVAL(),
			TransitionAfter: awscdk.Duration_Days(jsii.Number(p.ArchiveTransitionDays)),
		}}
	}
	archive := awss3.NewBucket(c, jsii.String("Archive"), &awss3.BucketProps{
		Encryption:        awss3.BucketEncryption_KMS,
		EncryptionKey:     p.Key,
		BucketKeyEnabled:  jsii.Bool(true), // one KMS call per bucket key, not per object
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		MinimumTLSVersion: jsii.Number(1.2),
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		// Object Lock needs versioning; both are set explicitly so the
		// template states them.
		Versioned:                  jsii.Bool(true),
		ObjectLockEnabled:          jsii.Bool(true),
		ObjectLockDefaultRetention: lock,
		ServerAccessLogsBucket:     accessLog,
		ServerAccessLogsPrefix:     jsii.String("archive/"),
		RemovalPolicy:              awscdk.RemovalPolicy_RETAIN,
		LifecycleRules: &[]*awss3.LifecycleRule{{
			Id:          jsii.String("retention"),
			Transitions: transitions,
			// Expiry only adds a delete marker; the locked version itself
			// cannot go before its retention ends, whatever this rule says.
			Expiration:                          lockDays,
			NoncurrentVersionExpiration:         awscdk.Duration_Days(jsii.Number(1)),
			AbortIncompleteMultipartUploadAfter: awscdk.Duration_Days(jsii.Number(1)),
		}},
	})

	packages := awss3.NewBucket(c, jsii.String("Packages"), &awss3.BucketProps{
		Encryption:             awss3.BucketEncryption_KMS,
		EncryptionKey:          p.Key,
		BucketKeyEnabled:       jsii.Bool(true),
		BlockPublicAccess:      awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:             jsii.Bool(true),
		MinimumTLSVersion:      jsii.Number(1.2),
		ObjectOwnership:        awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		Versioned:              jsii.Bool(true),
		ServerAccessLogsBucket: accessLog,
		ServerAccessLogsPrefix: jsii.String("packages/"),
		RemovalPolicy:          awscdk.RemovalPolicy_RETAIN,
		LifecycleRules: &[]*awss3.LifecycleRule{{
			Id:                                  jsii.String("expire-packages"),
			Expiration:                          awscdk.Duration_Days(jsii.Number(p.PackagesRetentionDays)),
			NoncurrentVersionExpiration:         awscdk.Duration_Days(jsii.Number(7)),
			AbortIncompleteMultipartUploadAfter: awscdk.Duration_Days(jsii.Number(1)),
		}},
	})
	// Object events go to EventBridge (package build requests start the
	// packager). Set on the bucket resource itself: the L2 option would add a
	// notification custom resource (a Python Lambda with a managed policy).
	packages.Node().DefaultChild().(awss3.CfnBucket).AddPropertyOverride(
		jsii.String("NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled"), jsii.Bool(true))
	return &Buckets{Construct: c, Archive: archive, Packages: packages, AccessLog: accessLog}
}

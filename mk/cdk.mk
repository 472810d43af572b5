# CDK app, deploy and Lambda smoke test (owner: infra). See docs/deploy.md.
#
# The CDK CLI is pinned by infra/cli/package-lock.json and installed with
# `npm ci` into .tools/cdk (gitignored, outside the Go packages), never into
# the module tree. After `make cdk-deps` has run once, `make synth` needs no
# network and no AWS credentials.

CDK_DIR     := $(ROOT)/.tools/cdk
CDK         := $(CDK_DIR)/node_modules/.bin/cdk
RIE         := $(TOOLS_BIN)/aws-lambda-rie
RIE_MODULE  := github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d
# Quiet, telemetry-free, no version check against the network.
CDK_ENV     := JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_VERSION_CHECK=true CDK_DISABLE_CLI_TELEMETRY=true
# Extra CLI arguments, e.g. CDK_ARGS='-c alertEmails=sec@example.com --profile prod'.
CDK_ARGS    ?=

.PHONY: cdk-deps synth deploy cdk-diff cdk-bootstrap cdk-destroy rie smoke infra-test

## cdk-deps: install the pinned CDK CLI (aws-cdk, exact version from the lockfile) into .tools/cdk
cdk-deps: $(CDK)

$(CDK): $(ROOT)/infra/cli/package.json $(ROOT)/infra/cli/package-lock.json
	mkdir -p $(CDK_DIR)
	cp $(ROOT)/infra/cli/package.json $(ROOT)/infra/cli/package-lock.json $(CDK_DIR)/
	cd $(CDK_DIR) && npm ci --prefer-offline --no-audit --no-fund --ignore-scripts
	touch $@

## synth: synthesize the CloudFormation template into cdk.out (offline, no credentials; cdk-nag findings fail it)
# AWS_EC2_METADATA_DISABLED stops the CLI probing for instance credentials,
# which would only add a timeout when there are none.
synth: build cdk-deps web
	cd $(ROOT) && $(CDK_ENV) AWS_EC2_METADATA_DISABLED=true $(CDK) synth --quiet --no-notices $(CDK_ARGS)

## deploy: cdk deploy into the account/region of your AWS credentials (run cdk-bootstrap once first)
deploy: build cdk-deps web
	cd $(ROOT) && $(CDK_ENV) $(CDK) deploy --no-notices --require-approval broadening $(CDK_ARGS)

## cdk-diff: show what deploy would change in the account
cdk-diff: build cdk-deps web
	cd $(ROOT) && $(CDK_ENV) $(CDK) diff --no-notices $(CDK_ARGS)

## cdk-bootstrap: one-time CDK bootstrap of the account/region (assets bucket and deploy roles)
cdk-bootstrap: cdk-deps
	cd $(ROOT) && $(CDK_ENV) $(CDK) bootstrap --no-notices $(CDK_ARGS)

## cdk-destroy: delete the stack; tables, buckets, keys and log groups are retained by design
cdk-destroy: cdk-deps
	cd $(ROOT) && $(CDK_ENV) $(CDK) destroy --no-notices $(CDK_ARGS)

## rie: install the pinned Lambda runtime interface emulator into .tools/bin
rie: $(RIE)

$(RIE):
	mkdir -p $(TOOLS_BIN)
	cd $(TOOLS_BIN) && GOBIN=$(TOOLS_BIN) $(GO) install $(RIE_MODULE)

## smoke: run every function bootstrap (host arch) under the RIE with its sample event
smoke: rie
	cd $(ROOT) && AGENTGATE_RIE=$(RIE) $(GO) test -count=1 ./infra/smoke/...

## infra-test: CDK assertion tests and cdk-nag (needs Node; slow first compile)
infra-test:
	cd $(ROOT) && $(CDK_ENV) $(GO) test ./infra/...

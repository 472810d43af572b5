# agentgate — `make local` runs the whole system here, `make test` proves it.
# Everything the targets need is installed by them (see `make deps`).

SHELL := /bin/bash
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TOOLS_BIN := $(ROOT)/.tools/bin
GO ?= go
export GOTOOLCHAIN ?= local
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CDK_DISABLE_VERSION_CHECK := true
export CDK_DISABLE_CLI_TELEMETRY := true

# Every Lambda is one folder under functions/.
FUNCTIONS := $(notdir $(patsubst %/,%,$(dir $(wildcard $(ROOT)/functions/*/main.go))))
GO_SOURCES := $(shell find $(ROOT) -name '*.go' -not -path '$(ROOT)/.tools/*' -not -path '$(ROOT)/build/*' 2>/dev/null) $(ROOT)/go.mod $(ROOT)/go.sum

LOCAL_FLAGS ?= -addr 127.0.0.1:8787
TEST_FLAGS ?=
# Packages whose vet is slow (the CDK bindings) are vetted by their own target.
VET_PKGS = $(shell cd $(ROOT) && $(GO) list ./... | grep -v '/infra')

.DEFAULT_GOAL := help
.PHONY: help deps local test test-leftovers vet unit build bench clean

## help: list the targets
help:
	@grep -hE '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

## deps: install what the system needs here (JDK and chromium if missing, emulators, the console's npm packages, Go modules)
deps: emulators chromium web
	cd $(ROOT) && $(GO) mod download

## local: run the whole system on 127.0.0.1 (emulators, API, stream, schedules); Ctrl-C stops it all
local: deps
	cd $(ROOT) && $(GO) run ./localtest $(LOCAL_FLAGS)

## test: vet + every test, including the integration tests against the emulators; then no emulator may be left
test: deps vet
	cd $(ROOT) && $(GO) test -count=1 -timeout 30m $(TEST_FLAGS) ./...
	@# The deployed functions run on arm64, where the gate's portable pre-pass runs (decision 090).
	cd $(ROOT) && $(GO) test -count=1 -tags purego ./shared/gate
	@$(MAKE) --no-print-directory test-leftovers

# Every emulator runs from .tools/ (binaries, the DynamoDB Local jar): any
# process whose command line names it after the tests is a leak. ([.] keeps
# this recipe's own shell from matching.)
test-leftovers:
	@pids=$$(pgrep -f '$(ROOT)/[.]tools/' || true); \
	if [ -n "$$pids" ]; then echo "emulator processes left after the tests:"; ps -o pid,args -p $$(echo $$pids | tr ' ' ','); exit 1; fi; \
	echo "no emulator process left (checked by PID)"

## vet: go vet (the CDK app is vetted by its tests' build)
vet:
	cd $(ROOT) && $(GO) vet $(VET_PKGS)
	@# Contributors build and test on macOS too: the code and its tests must compile there.
	cd $(ROOT) && GOOS=darwin $(GO) vet $(VET_PKGS)

## build: a linux/arm64 static bootstrap per function under build/<name>/
build: $(foreach f,$(FUNCTIONS),$(ROOT)/build/$(f)/bootstrap)

$(ROOT)/build/%/bootstrap: $(GO_SOURCES)
	@mkdir -p $(dir $@)
	cd $(ROOT) && CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build -tags lambda.norpc -trimpath -ldflags='-s -w' -o $@ ./functions/$*
	@ls -l $@ | awk '{printf "built %s (%.1f MB)\n", $$9, $$5/1048576}'

## bench: every benchmark behind docs/benchmarks.md (gate, append, e2e, cold start, verify, packages); rewrites its make-bench section
bench: deps
	cd $(ROOT) && $(GO) run ./localtest/benchreport -out docs/benchmarks.md

## clean: remove build outputs and installed tools
clean:
	rm -rf $(ROOT)/build $(ROOT)/cdk.out $(ROOT)/.tools

-include $(wildcard $(ROOT)/mk/*.mk)

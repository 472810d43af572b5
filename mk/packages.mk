# Audit packages and the offline verifier (owner: packages). See docs/packages.md
# and the "## Audit packages" section of docs/benchmarks.md.

PACKAGES_PKGS     := ./shared/audit/... ./cmd/agentgate ./functions/packager
PACKAGES_FUZZTIME ?= 2m
PACKAGES_BENCHTIME ?= 1x
PACKAGES_LARGE_ENTRIES ?= 1000000,10000000

.PHONY: chromium packages-test packages-fuzz packages-bench packages-bench-large

## chromium: install Debian's headless-capable chromium if missing (the report.html render test needs it)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium (Debian package)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

## packages-test: builder, verifier, tamper table, hostile zips, report render (chromium) and CLI tests
packages-test: chromium
	cd $(ROOT) && $(GO) test -count=1 $(PACKAGES_PKGS)

## packages-fuzz: fuzz the package reader (zip + manifest); PACKAGES_FUZZTIME=2m
packages-fuzz:
	cd $(ROOT) && $(GO) test -run '^$$' -fuzz FuzzReadPackage -fuzztime $(PACKAGES_FUZZTIME) -parallel 1 ./shared/audit

## packages-bench: 1,000,000-entry package build and verify (wall and CPU time per core)
packages-bench:
	cd $(ROOT) && $(GO) test -run '^$$' -bench 'Package1M' -benchtime $(PACKAGES_BENCHTIME) -timeout 30m ./shared/audit

## packages-bench-large: 1 M and 10 M-entry packages built into versitygw (time, CPU, peak RSS of the builder process)
packages-bench-large:
	cd $(ROOT) && $(GO) run ./shared/audit/cmd/packagebench -entries $(PACKAGES_LARGE_ENTRIES)

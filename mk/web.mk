# Web console (owner: console). See docs/console.md. Chart.js (served),
# axe-core and playwright-core (browser tests) are pinned by
# web/package-lock.json and installed with `npm ci` into .tools/web
# (gitignored, outside the Go packages); the Go code installs the same on
# first use, so plain `go test ./...` and `go run ./localtest` work without
# this target.

WEB_DIR := $(ROOT)/.tools/web

.PHONY: web console-test

## web: install the console's pinned npm packages (Chart.js, axe-core, playwright-core) into .tools/web
web: $(WEB_DIR)/node_modules/.installed

$(WEB_DIR)/node_modules/.installed: $(ROOT)/web/package.json $(ROOT)/web/package-lock.json
	mkdir -p $(WEB_DIR)
	cp $(ROOT)/web/package.json $(ROOT)/web/package-lock.json $(WEB_DIR)/
	cd $(WEB_DIR) && npm ci --prefer-offline --no-audit --no-fund --ignore-scripts
	touch $@

## console-test: the console's handler tests and its browser tests (headless chromium, axe-core) against the local system
console-test: web chromium
	cd $(ROOT) && $(GO) test -count=1 ./web ./localtest/gateway ./localtest/console

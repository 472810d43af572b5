package main

func buildEval() *set {
	return &set{file: "eval/fresh-eval.jsonl", source: "own-fresh-eval", label: "", prefix: "own-fresh-eval"}
}

func buildIndirect() *set      { return &set{file: "own-indirect.jsonl"} }
func buildContextBenign() *set { return &set{file: "own-context-benign.jsonl"} }

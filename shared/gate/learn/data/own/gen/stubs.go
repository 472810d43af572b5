package main

func buildEval() *set {
	return &set{file: "eval/fresh-eval.jsonl", source: "own-fresh-eval", label: "", prefix: "own-fresh-eval"}
}

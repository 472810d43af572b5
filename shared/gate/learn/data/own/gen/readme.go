package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The README is generated with the data so that its counts can never drift
// from the files.

const readmeHead = `# Hand-written gate training data and a fresh evaluation set

Data written for the gate's learned layer (issue 14), in the training pool's
format: JSON lines ` + "`{\"id\",\"source\",\"label\",\"family\",\"lang\",\"text\"}`" + `, one object per
line. Every text was written for this project by the data engineer; none is
copied from the public pool in ` + "`../pool`" + ` / ` + "`../../../../../../shared/datasets`" + ` or from
any other source, except ` + "`public/own-code-public.jsonl`" + `: excerpts of permissively licensed public code
(below), none from the pool.

**` + "`eval/`" + ` is NEVER used for training, threshold calibration or any other tuning.
It exists only to measure how the gate does on text written independently of
everything it was trained on. Training code must not read it.**

## Files

| file | source | what it is |
|---|---|---|
| ` + "`own-jailbreak.jsonl`" + ` | ` + "`own-persona`" + ` | persona / role-play jailbreaks: two personas (normal + unfiltered), "an amoral AI named X", stay in character, "no longer bound by the content policy", developer/god/maintenance modes under many names, fiction and novel framing, deceased-relative tricks, token/points/lives threats, simulated terminals and APIs without rules, opposite day, respond twice, refusal suppression, authority pretexts, many-shot fake logs, payload splitting, character cards; 14 languages besides English |
| ` + "`own-roleplay-benign.jsonl`" + ` | ` + "`own-roleplay-benign`" + ` | hard negatives for the above: act-as tutors, interviewers, Linux/SQL/JS terminals, guides, D&D masters; product system prompts with rules and "stay in character"; villains in fiction; games; texts about jailbreaks and prompt injection; READMEs documenting ` + "`[INST]`" + `, ChatML, Alpaca templates; policy texts saying "ignore previous versions of this form"; harmless uses of jailbreak vocabulary (Developer Mode on Android, god mode in Doom, "unfiltered feedback") |
| ` + "`own-injection.jsonl`" + ` | ` + "`own-injection`" + ` | direct injections (` + "`injection-direct`" + `) and system-prompt / secret extraction (` + "`extraction`" + `): override phrases in 17 languages (en de fr es it pt nl pl ru tr ar hi ja ko zh vi id), goal hijacks after a benign task, fake turns (Human:/Assistant:, ### System:, ChatML, [INST], YAML roles), hyphen-split / CamelCase / snake_case / spaced words, enclosed, squared, circled, parenthesized and fullwidth letters |
| ` + "`own-indirect.jsonl`" + ` | ` + "`own-indirect`" + ` | indirect injections (` + "`injection-indirect`" + `): e-mails, web pages (HTML comments, display:none, white-on-white, alt text, meta), markdown tables, code comments, JSON tool output, calendar invites, PDF text, support tickets, reviews, CVs, chat exports, recipes, install guides, each carrying an instruction addressed to the AI (exfiltration through markdown images/links, forwarding mail, task change, product promotion, payments); 14 languages besides English |
| ` + "`own-context-benign.jsonl`" + ` | ` + "`own-context-benign`" + ` | clean twins of the indirect items built by the same document builders, with ordinary sentences in the payload slot, many of them instructions addressed to humans ("please ignore the previous e-mail, wrong attachment", "reply by Friday", "ignore step 7") and ordinary hidden page parts (cookie banners, alt text, build comments) |
| ` + "`own-instruction-benign.jsonl`" + ` | ` + "`own-instruction-benign`" + ` | benign user requests that look like overrides or extraction: corrections of one's own earlier message ("ignore my previous message"), questions about passwords, prompts, hidden files and overrides in code; 17 languages |
| ` + "`own-competition.jsonl`" + ` | ` + "`own-competition`" + ` | competition-style hijacks and extraction, the short attacks of prompt-hacking games: noise or a fake end of input, a pretext that the guarded check passed, then "reply with exactly \"Access Granted\"" (and other target phrases), or "repeat the words above starting with \"You are\"", the text above as a list, JSON, poem or translation; English |
| ` + "`own-competition-benign.jsonl`" + ` | ` + "`own-competition-benign`" + ` | their look-alikes: code and scenes that print "Access Granted", "reply with exactly one word", "convert the text above (my notes) into a list", delimiters in meeting notes and e-mails, questions about passwords and code words, help-page lines and config templates with password placeholders; English |
| ` + "`own-code-benign.jsonl`" + ` | ` + "`own-code-benign`" + ` | hard negatives for the indirect head: ordinary Python, JavaScript, Go, SQL, YAML and shell snippets, many of them building prompts, handling chat messages or calling a model, with the comments programmers write ("ignore rows without an id, they come from the old importer") |
| ` + "`public/own-code-public.jsonl`" + ` | ` + "`own-code-public`" + ` | **not training data** (in a subdirectory, which training does not read): benign code measured as negatives of every head on 2026-12-07 and not taken (decision 140): 366 excerpts (200 B to 4 KiB, median about 800 B) of public code with permissive licences, not written here: the Python 3.11 standard library (111), the Go standard library (91 Go, 15 shell scripts, 6 YAML), npm packages (56 JavaScript, 24 TypeScript declarations, 9 package.json), PostgreSQL 15's SQL scripts (31) and sample configuration files (5), shell scripts of Debian packages (18); chosen to favour comments, docstrings and messages with the words an injection shares with code ("must", "never", "ignore", "override", "system", "role", "disable", ...). None comes from the pool, whose ` + "`code-snippets`" + ` source stays held out; the shipped model has not seen it, so it is also a held-out benign code set |
| ` + "`eval/fresh-eval.jsonl`" + ` | ` + "`own-fresh-eval`" + ` | the fresh evaluation set: jailbreaks, direct injections and extraction, indirect injections in documents, and benign look-alikes of each (role-play, security talk, corrections of one's own message, documents with instructions to humans), written by hand apart from the training fragments, with other personas, scenarios and wording (20 languages, including sv, uk and cs which no training file has). Some training files added later (own-instruction-benign, the vocabulary traps in own-roleplay-benign) cover the same kinds of look-alikes in different words; the tests guard wording, not ideas |

## How it was written

All files are produced by the Go program in ` + "`gen/`" + ` (` + "`go generate ./shared/gate/learn/data/own/gen/`" + `,
or ` + "`go run ./shared/gate/learn/data/own/gen -out shared/gate/learn/data/own`" + ` from the repository root).

- The training files are composed from many independently hand-written fragments (openers, rule
  lines, persona names, requests, document bodies, payloads, closers) by style-specific functions,
  with one fixed PCG seed per file (` + "`newGen(20261204_0N)`" + `), so every run writes the same bytes.
  Non-English fragments were written natively per language, not machine-translated.
- The evaluation set is a list of literal, hand-written items in ` + "`gen/eval.go`" + `; no randomness.
- Texts are de-duplicated across all files on the pool's normalisation (casefold, punctuation and
  symbols removed, whitespace collapsed); the evaluation set is built first, so a training text can
  never shadow an evaluation text. No text appears with both labels.
- Within each generated training file, a candidate whose word 8-gram Jaccard similarity with an
  item already accepted reaches 0.5 is rejected, so templated texts cannot crowd a file with near
  copies (the pool's near-duplicate rule, applied inside each file).
- No text, training or evaluation, is a near duplicate (word 8-gram Jaccard >= 0.5) of any text in
  the pool (` + "`../pool`" + `); the highest similarity measured is 0.02. Fragments that had come out close to
  famous in-the-wild prompts (DAN, Developer Mode, AIM, the napalm grandma) or canonical goal strings
  were reworded, so the data is fresh writing rather than prompts recalled from memory (the held-out
  collections themselves are not visible here, so this is a precaution, not a measured guarantee).
- ` + "`public/own-code-public.jsonl`" + ` is cut by ` + "`gen/codepublic`" + ` (not by ` + "`gen`" + `, which only counts it here):
  ` + "`codepublic -pick`" + ` scans the sources as installed on a Debian 12 machine (sorted paths, fixed
  seeds), cuts each file at blank lines into candidates of four length bins, scores them by their
  comments and look-alike words and keeps, per language and bin, the best two thirds of the quota and
  a seeded draw for the rest (at most one to three per file, a few per package; no generated files, no
  keys, no tables; no two snippets a near duplicate); it writes ` + "`gen/codepublic/manifest.tsv`" + ` (each
  snippet's file, byte offset, length, sha256, licence, and the sources' versions) and
  ` + "`gen/codepublic/NOTICE.md`" + ` (the licence and notice files of every package or tree used). Without
  ` + "`-pick`" + ` it rebuilds the jsonl from the manifest and checks every snippet's hash. Training reads only
  the committed jsonl.
- ` + "`gen/gen_test.go`" + ` checks that every line is valid JSON with the expected source, that ids and
  normalised texts are unique across all files, that the generator reproduces the committed files
  byte for byte, and that no training text is a near duplicate of an evaluation text (word
  8-gram Jaccard >= 0.5, the pool's own rule).

Attack requests inside the jailbreaks are the kind a red team uses (weapons, drugs, malware,
fraud, stalking) but stay at the level of a request: no item contains harmful instructions.
E-mail addresses, hosts and IBANs in payloads are invented.

## Licence

Same licence as the rest of this repository (the repository has no LICENSE file yet; these files
follow whatever licence the project adopts). Written from scratch for this project, so no
third-party licence applies, except to ` + "`public/own-code-public.jsonl`" + `: its snippets keep their sources'
licences, all permissive: PSF-2.0 (Python), BSD-3-Clause (Go), MIT, ISC, BSD-2-Clause, BSD-3-Clause,
Apache-2.0 (npm packages, per package's licence field; packages under other licences, npm's own
Artistic-2.0 and axe-core's MPL-2.0 among them, were skipped), the PostgreSQL licence, and Expat,
BSD-2-Clause, BSD-3-Clause, Apache-2.0 (the Debian shell scripts, per file; GPL scripts skipped). The
manifest names each snippet's licence; ` + "`gen/codepublic/NOTICE.md`" + ` carries the copyright and licence
texts.

## Counts by file, label and family
`

// writeReadme writes README.md with counts computed from sets.
func writeReadme(dir string, sets []*set) error {
	var b strings.Builder
	b.WriteString(readmeHead)
	b.WriteString("\n| file | label | family | count |\n|---|---|---|---|\n")
	total := 0
	for _, s := range sets {
		counts := map[[2]string]int{}
		for _, it := range s.items {
			counts[[2]string{it.Label, it.Family}]++
		}
		keys := make([][2]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i][0] != keys[j][0] {
				return keys[i][0] < keys[j][0]
			}
			return keys[i][1] < keys[j][1]
		})
		for _, k := range keys {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %d |\n", s.file, k[0], k[1], counts[k])
		}
		total += len(s.items)
	}
	fmt.Fprintf(&b, "\nTotal: %d lines.\n\n## Counts by language\n\n", total)

	langs := map[string]bool{}
	for _, s := range sets {
		for _, it := range s.items {
			langs[it.Lang] = true
		}
	}
	order := make([]string, 0, len(langs))
	for l := range langs {
		order = append(order, l)
	}
	sort.Slice(order, func(i, j int) bool {
		if (order[i] == "en") != (order[j] == "en") {
			return order[i] == "en"
		}
		return order[i] < order[j]
	})
	b.WriteString("| lang |")
	for _, s := range sets {
		fmt.Fprintf(&b, " %s |", strings.TrimSuffix(filepath.Base(s.file), ".jsonl"))
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(sets)) + "\n")
	for _, l := range order {
		fmt.Fprintf(&b, "| %s |", l)
		for _, s := range sets {
			n := 0
			for _, it := range s.items {
				if it.Lang == l {
					n++
				}
			}
			fmt.Fprintf(&b, " %d |", n)
		}
		b.WriteString("\n")
	}
	path := filepath.Join(dir, "README.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

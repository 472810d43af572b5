package main

// Benign code: the hard negatives of the indirect head. Injections in the
// pool and in own-indirect often hide in code comments, so without ordinary
// code among the negatives the model learns "code" rather than "an
// instruction to the assistant inside code". Much of this code builds
// prompts, handles chat messages or calls a model, as code-snippets in the
// pool does, and its comments are the ones programmers write.

var codeNoun = []string{"message", "ticket", "order", "invoice", "review", "document", "session", "user", "task", "chunk", "record", "event"}

var codeTopic = []string{"support tickets", "product reviews", "meeting notes", "legal contracts", "bug reports", "news articles", "recipes", "customer e-mails"}

var codeSystem = []string{
	"You are a helpful assistant that summarises {TOPIC} in three bullet points.",
	"You are a careful reviewer. Answer only from the context below and say when it is not there.",
	"Classify each of the {TOPIC} as positive, negative or neutral. Reply with one word.",
	"You translate {TOPIC} from German into English and keep the formatting.",
	"Extract the dates and amounts from the {TOPIC}. Return JSON with keys date and amount.",
	"You are a coding assistant. Explain the diff below in plain words for a reviewer.",
}

var codeComment = []string{
	"# keep the newest first so the UI shows recent items on top",
	"# the API returns at most 100 items per page",
	"# TODO: move the retry settings to the config file",
	"# truncate long inputs so we stay under the context limit",
	"# strip HTML before counting tokens",
	"# tests rely on this order, do not sort",
	"# fall back to the default model when the tenant has none",
	"# see the runbook for what to do when this fails",
	"# the previous implementation ignored empty lines; keep that behaviour",
	"# ignore rows without an id, they come from the old importer",
}

func (g *gen) codePython() string {
	n := g.pick(codeNoun)
	sys := fill(g.pick(codeSystem), "{TOPIC}", g.pick(codeTopic))
	switch g.r.IntN(4) {
	case 0:
		return fill(`SYSTEM_PROMPT = """{SYS}"""

def build_messages({N}s, question):
    {C}
    context = "\n\n".join(x["text"][:2000] for x in {N}s)
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}"},
    ]`, "{SYS}", sys, "{N}", n, "{C}", g.pick(codeComment))
	case 1:
		return fill(`def load_{N}s(path):
    """Read one {N} per line and skip the broken ones."""
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, start=1):
            {C}
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                log.warning("line %d is not JSON", i)
    return out`, "{N}", n, "{C}", g.pick(codeComment))
	case 2:
		return fill(`async def summarise({N}_id: str) -> str:
    {N} = await repo.get_{N}({N}_id)
    {C}
    prompt = PROMPT_TEMPLATE.format(text={N}.body, language={N}.language or "en")
    reply = await client.chat(model=settings.model, messages=[{"role": "user", "content": prompt}], temperature=0.2)
    return reply.choices[0].message.content.strip()`, "{N}", n, "{C}", g.pick(codeComment))
	default:
		return fill(`class {T}Store:
    def __init__(self, db):
        self.db = db

    def latest(self, limit=20):
        {C}
        rows = self.db.execute("SELECT id, created_at, body FROM {N}s ORDER BY created_at DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]`, "{T}", title(n), "{N}", n, "{C}", g.pick(codeComment))
	}
}

func (g *gen) codeJS() string {
	n := g.pick(codeNoun)
	c := "//" + g.pick(codeComment)[1:]
	switch g.r.IntN(3) {
	case 0:
		return fill(`export async function fetch{T}s(page = 1) {
  {C}
  const res = await fetch(`+"`/api/{N}s?page=${page}`"+`, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`+"`{N}s: ${res.status}`"+`);
  return res.json();
}`, "{T}", title(n), "{N}", n, "{C}", c)
	case 1:
		return fill(`const systemPrompt = "{SYS}";

function toChat(history) {
  {C}
  return [{ role: "system", content: systemPrompt }, ...history.map((m) => ({ role: m.author === "bot" ? "assistant" : "user", content: m.text }))];
}`, "{SYS}", fill(g.pick(codeSystem), "{TOPIC}", g.pick(codeTopic)), "{C}", c)
	default:
		return fill(`export function {T}List({ items }) {
  {C}
  if (items.length === 0) return <p className="empty">No {N}s yet.</p>;
  return (
    <ul>
      {items.map((it) => <li key={it.id}>{it.title}</li>)}
    </ul>
  );
}`, "{T}", title(n), "{N}", n, "{C}", c)
	}
}

func (g *gen) codeGo() string {
	n := g.pick(codeNoun)
	c := "//" + g.pick(codeComment)[1:]
	if g.chance(0.5) {
		return fill(`func (s *Service) Get{T}(ctx context.Context, id string) (*{T}, error) {
	{C}
	item, err := s.store.Get{T}(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("get {N} %s: %w", id, err)
	}
	return item, err
}`, "{T}", title(n), "{N}", n, "{C}", c)
	}
	return fill(`type {T} struct {
	ID        string    `+"`json:\"id\"`"+`
	Body      string    `+"`json:\"body\"`"+`
	CreatedAt time.Time `+"`json:\"createdAt\"`"+`
}

{C}
func promptFor(x {T}) string {
	return "Summarise the following {N} for the weekly report:\n\n" + x.Body
}`, "{T}", title(n), "{N}", n, "{C}", c)
}

func (g *gen) codeConfig() string {
	n := g.pick(codeNoun)
	switch g.r.IntN(3) {
	case 0:
		return fill(`# prompts.yaml
{N}_summary:
  model: small-2025
  temperature: 0.2
  system: "{SYS}"
  max_tokens: 400`, "{N}", n, "{SYS}", fill(g.pick(codeSystem), "{TOPIC}", g.pick(codeTopic)))
	case 1:
		return fill(`-- {C}
SELECT t.id, t.subject, count(m.id) AS replies
FROM {N}s t LEFT JOIN messages m ON m.{N}_id = t.id
WHERE t.created_at > now() - interval '7 days'
GROUP BY t.id, t.subject
ORDER BY replies DESC;`, "{N}", n, "{C}", g.pick(codeComment)[2:])
	default:
		return fill(`#!/usr/bin/env bash
set -euo pipefail
{C}
for f in data/{N}s/*.jsonl; do
  jq -c 'select(.text != null) | {id, text}' "$f" >> build/{N}s.jsonl
done
echo "wrote $(wc -l < build/{N}s.jsonl) {N}s"`, "{N}", n, "{C}", g.pick(codeComment))
	}
}

func title(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func buildCodeBenign() *set {
	g := newGen(20261205_03)
	s := &set{file: "own-code-benign.jsonl", source: "own-code-benign", label: "benign", prefix: "own-code-benign", maxJ: 0.5}
	s.fillTo(160, g, func() (string, string, string) {
		switch k := g.r.IntN(10); {
		case k < 4:
			return "benign-code", "en", g.codePython()
		case k < 6:
			return "benign-code", "en", g.codeJS()
		case k < 8:
			return "benign-code", "en", g.codeGo()
		default:
			return "benign-code", "en", g.codeConfig()
		}
	})
	return s
}

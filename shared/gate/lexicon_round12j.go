package gate

// Round 12j (decision 150, "Round 12j: a harmful ask in a frame"): a
// harmful ask wrapped in framing cues that are not a persona's own — a
// guard named ("your content filters", "safety guidelines"), an authority
// claimed, a special mode, limits said to be lifted or void, a fictional or
// hypothetical frame, a refusal penalised. jbAsk
// weighs the ask with a persona's signals; this rule with these, two of
// them within the window. The persona itself (gJbPersona) is not among
// them: with it, persona prompts that mention a harm in passing were
// flagged (blackfriday-gpts 0.9 -> 1.0 %, four committed look-alikes).
var jbFramedAsk = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gJbAsk, gJbGuard, gAuthority, gModeOn, gLift, gVoid, gFrame, gJbEnforce}, weights: []uint8{0, 1, 1, 1, 1, 1, 1, 1}, must: 1, need: 2, window: 1500, unless: []group{gJbTalk, gReported}}

func init() { proxRules = append(proxRules, jbFramedAsk) }

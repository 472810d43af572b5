// Finds the shared conformance fake server: the one at
// AGENTGATE_CONFORMANCE_URL (the Go test that runs this suite starts it), or
// a `go run ./clients/conformance/fakeserver` child that dies with this
// process (it exits when its stdin closes).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function loadScenarios() {
  const file = JSON.parse(readFileSync(join(repoRoot, 'clients', 'conformance', 'scenarios.json'), 'utf8'));
  const d = file.defaults;
  for (const sc of file.scenarios) {
    const c = sc.config;
    c.failureMode ??= d.failureMode;
    c.spool ??= d.spool;
    c.apiKey ??= file.apiKey;
    c.timeoutMs ??= d.timeoutMs;
    c.backoff ??= d.backoff;
    c.breaker ??= d.breaker;
    c.replayBatchSize ??= d.replayBatchSize;
  }
  return file;
}

export async function startFakeServer() {
  if (process.env.AGENTGATE_CONFORMANCE_URL) {
    return { url: process.env.AGENTGATE_CONFORMANCE_URL, stop: async () => {} };
  }
  const child = spawn('go', ['run', './clients/conformance/fakeserver'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl).trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`fakeserver exited with ${code} before printing its address`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.stdin.end();
      }),
  };
}

// Verifies tokens with two independent JWT libraries, the way a receiving community would.
// stdin:  {"key": "...", "now": <unix seconds>, "tokens": ["..."]}
// stdout: {"results": [{"jsonwebtoken": {"ok": true, "payload": {...}} | {"ok": false, "error": "..."}, "jose": ...}]}
import jwt from 'jsonwebtoken';
import { jwtVerify } from 'jose';

const input = JSON.parse(await readStdin());
const secret = new TextEncoder().encode(input.key);
const results = [];
for (const token of input.tokens) {
  results.push({
    jsonwebtoken: attempt(() => jwt.verify(token, input.key, { algorithms: ['HS256'], clockTimestamp: input.now })),
    jose: await attemptAsync(async () => (await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(input.now * 1000) })).payload),
  });
}
process.stdout.write(JSON.stringify({ results }));

function attempt(verify) {
  try { return { ok: true, payload: verify() }; } catch (e) { return { ok: false, error: `${e.name}: ${e.message}` }; }
}

async function attemptAsync(verify) {
  try { return { ok: true, payload: await verify() }; } catch (e) { return { ok: false, error: `${e.code ?? e.name}: ${e.message}` }; }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

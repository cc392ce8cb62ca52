// A webhook receiver written from the wire rule alone, with node:crypto and nothing of the SDK: the independent
// implementation the suites check the SDK's signer, verifier and conformance/webhooks.json against (docs/conformance.md).
//
//   node webhooks.mjs receive <conformance directory>
//     replays webhooks.json: each vector's headers and body through receive() below, at the file's "now";
//     stdout: {"results": [{"name": "...", "verdict": "...", "status": 200|401, "problems": [...]}]}
//   node webhooks.mjs sign      stdin: {"secret": "...", "deliveries": [{"timestamp": "...", "body": "<base64>"}]}
//     stdout: {"signatures": ["<lowercase hex>", ...]}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';

const [mode, directory = '../conformance'] = process.argv.slice(2);

if (mode === 'sign') {
  const { secret, deliveries } = JSON.parse(readFileSync(0, 'utf8'));
  const signatures = deliveries.map(d => sign(secret, d.timestamp, Buffer.from(d.body, 'base64')));
  process.stdout.write(JSON.stringify({ signatures }));
} else if (mode === 'receive') {
  const file = JSON.parse(readFileSync(join(directory, 'webhooks.json'), 'utf8'));
  const results = file.vectors.map(vector => {
    const problems = [];
    const { verdict, status } = receive(file.secret, file.now, file.toleranceMilliseconds, vector.headers, Buffer.from(vector.body, 'utf8'));
    if (verdict !== vector.verdict) problems.push(`verdict ${verdict}, the file says ${vector.verdict}`);
    if (status !== vector.status) problems.push(`status ${status}, the file says ${vector.status}`);
    return { name: vector.name, verdict, status, problems };
  });
  process.stdout.write(JSON.stringify({ results }));
} else {
  process.stderr.write('usage: node webhooks.mjs receive <conformance directory> | node webhooks.mjs sign < input.json\n');
  process.exit(2);
}

// The wire rule: lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of "<timestamp header text>:<raw body>".
function sign(secret, timestamp, body) {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.concat([Buffer.from(`${timestamp}:`, 'ascii'), body])).digest('hex');
}

// What a partner's endpoint does: pick the headers, check their shape, the window, then the MAC in constant time.
function receive(secret, now, tolerance, headers, body) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const current = 'x-bettermode-signature' in lower || 'x-bettermode-request-timestamp' in lower;
  const signature = current ? lower['x-bettermode-signature'] : lower['x-tribe-signature'];
  const timestamp = current ? lower['x-bettermode-request-timestamp'] : lower['x-tribe-request-timestamp'];
  const refuse = verdict => ({ verdict, status: 401 });
  if (!signature) return refuse('MissingSignature');
  if (!timestamp) return refuse('MissingTimestamp');
  if (!/^[0-9a-f]{64}$/.test(signature)) return refuse('MalformedSignature');
  if (!/^[0-9]{1,18}$/.test(timestamp)) return refuse('MalformedTimestamp');
  const sent = BigInt(timestamp);   // 18 digits exceed a double's exact integers
  if (sent < BigInt(now - tolerance)) return refuse('Stale');
  if (sent > BigInt(now + tolerance)) return refuse('FromTheFuture');
  const expected = Buffer.from(sign(secret, timestamp, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return refuse('WrongSignature');
  return { verdict: 'valid', status: 200 };
}

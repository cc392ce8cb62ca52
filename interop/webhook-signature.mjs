// Verifies captured webhook deliveries with Node's crypto, the way a partner's Node endpoint would: the lowercase hex
// HMAC-SHA256, keyed with the signing secret's UTF-8 bytes, of `${timestamp}:` followed by the raw body bytes.
// stdin:  {"secret": "...", "deliveries": [{"signature": "...", "timestamp": "...", "body": "<base64 of the raw body>"}]}
// stdout: {"results": [{"valid": true|false}]}
import { createHmac, timingSafeEqual } from 'node:crypto';

const input = JSON.parse(await readStdin());
const results = input.deliveries.map(({ signature, timestamp, body }) => {
  const expected = createHmac('sha256', Buffer.from(input.secret, 'utf8'))
    .update(`${timestamp}:`, 'utf8')
    .update(Buffer.from(body, 'base64'))
    .digest('hex');
  const given = Buffer.from(signature, 'utf8');
  return { valid: given.length === expected.length && timingSafeEqual(given, Buffer.from(expected, 'utf8')) };
});
process.stdout.write(JSON.stringify({ results }));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Signs tokens the way Tribe's own Node sample does (jsonwebtoken, HS256, the key string as the secret),
// so our readers are checked against tokens we did not write.
// stdin:  {"key": "...", "claims": [{...}, ...]}   (each object is signed as given; iat is not added)
// stdout: {"tokens": ["..."]}
import jwt from 'jsonwebtoken';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const tokens = input.claims.map((claims) => jwt.sign(claims, input.key, { algorithm: 'HS256', noTimestamp: true }));
process.stdout.write(JSON.stringify({ tokens }));

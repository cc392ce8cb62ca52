// Checks conformance/tokens.json and redirects.json with implementations that share no code with the SDK: jsonwebtoken
// and jose verify each token at its iat, node:crypto recomputes each HMAC, and each link and redirect encoding is
// rebuilt from its parts. This is how a Node partner can run the vectors (docs/conformance.md).
// usage:  node conformance.mjs <conformance directory>      stdout: {"results": [{"name": "...", "problems": [...]}]}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import jwt from 'jsonwebtoken';
import { jwtVerify } from 'jose';

const directory = process.argv[2] ?? '../conformance';
const tokens = JSON.parse(readFileSync(join(directory, 'tokens.json'), 'utf8'));
const redirects = JSON.parse(readFileSync(join(directory, 'redirects.json'), 'utf8'));
const results = [];

for (const vector of tokens.vectors) {
  const problems = [];
  const [header, payload, signature] = vector.token.split('.');
  if (header !== 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9') problems.push(`header ${header}`);
  const mac = createHmac('sha256', tokens.key).update(`${header}.${payload}`).digest('base64url');
  if (mac !== signature) problems.push('the HMAC-SHA-256 of header.payload is not the signature');
  if (!isDeepStrictEqual(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), vector.payload)) problems.push('the payload segment is not the payload');
  try {
    const claims = jwt.verify(vector.token, tokens.key, { algorithms: ['HS256'], clockTimestamp: vector.payload.iat });
    if (!isDeepStrictEqual(claims, vector.payload)) problems.push('jsonwebtoken read other claims');
  } catch (e) {
    problems.push(`jsonwebtoken: ${e.message}`);
  }
  try {
    const { payload: claims } = await jwtVerify(vector.token, new TextEncoder().encode(tokens.key), { algorithms: ['HS256'], currentDate: new Date(vector.payload.iat * 1000) });
    if (!isDeepStrictEqual(claims, vector.payload)) problems.push('jose read other claims');
  } catch (e) {
    problems.push(`jose: ${e.code ?? e.name}: ${e.message}`);
  }
  if (vector.link) {
    const url = link(vector.link, vector.token);
    if (url !== vector.link.url) problems.push(`the link rebuilt from its parts is ${url}`);
  }
  results.push({ name: vector.name, problems });
}

for (const vector of redirects.vectors) {
  if (vector.allowed && encode(vector.target) !== vector.encoded) {
    results.push({ name: `redirect ${vector.target}`, problems: [`encodes to ${encode(vector.target)}, not ${vector.encoded}`] });
  } else {
    results.push({ name: `redirect ${vector.target}`, problems: [] });
  }
}

process.stdout.write(JSON.stringify({ results }));

// <community URL without a trailing '/'><SSO path>?jwt=<token>[&<redirect parameter>=<encoded target>]; WHATWG URL gives the host in punycode.
function link({ community, ssoPath, redirectParameter, redirect }, token) {
  const base = new URL(community);
  const url = `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, '')}${ssoPath}?jwt=${token}`;
  return redirect == null ? url : `${url}&${redirectParameter}=${encode(redirect)}`;
}

// Every UTF-8 byte percent-encoded (upper-case hex) except A-Z a-z 0-9 - . _ ~ and '/'. Not encodeURIComponent: it keeps ! ' ( ) *.
function encode(target) {
  let out = '';
  for (const byte of Buffer.from(target, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~/]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

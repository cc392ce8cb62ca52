// The Node equivalent of `tribe-sso link`, for the start-up comparison in docs/cli.md:
// sign the user with jsonwebtoken (Tribe's own sample library) and print the SSO link.
// Usage: TRIBE_SSO_PRIVATE_KEY=... node link.mjs
import jwt from 'jsonwebtoken';

const now = Math.floor(Date.now() / 1000);
const token = jwt.sign(
  { sub: '42', name: 'Jane Doe', email: 'jane@example.com', iat: now, exp: now + 60 },
  process.env.TRIBE_SSO_PRIVATE_KEY,
  { algorithm: 'HS256' },
);
process.stdout.write(`https://community.example.com/auth/sso?jwt=${token}&redirect=%2Fanswers\n`);

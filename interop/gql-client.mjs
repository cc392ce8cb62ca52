// The community's own GraphQL client, @tribeplatform/gql-client, unchanged, against a simulated community's gateway:
// an app token from limitedToken (Basic auth), then members.list, members.get, members.update and members.delete
// with the client's default field selection, and the error codes it reads.
// The package ships its TypeScript sources as its entry points, so this runs under tsx: node --import tsx gql-client.mjs
// Input (stdin, JSON): { url, clientId, clientSecret, networkId, email, externalId }. Output (stdout, JSON): what each call gave.
import { TribeClient } from '@tribeplatform/gql-client/client';

const input = JSON.parse(await new Promise(resolve => {
  let text = '';
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const codeOf = error => error?.response?.errors?.[0]?.code ?? `no code: ${error}`;
const statusOf = error => error?.response?.status;

const app = new TribeClient({ graphqlUrl: input.url, clientId: input.clientId, clientSecret: input.clientSecret });
const limited = await app.getLimitedToken(
  { context: 'NETWORK', networkId: input.networkId, entityId: input.networkId },
  'basic',
  true,
);
const token = await app.generateToken({ networkId: input.networkId });
app.setToken(token);

const list = await app.members.list({ limit: 10, filterBy: [{ key: 'email', operator: 'equals', value: input.email }] });
const id = list.edges[0].node.id;
const got = await app.members.get({ id });
const updated = await app.members.update({ id, input: { externalId: input.externalId } });
const searched = await app.members.list({ limit: 10, query: input.email.split('@')[0] });
const deleted = await app.members.delete({ id });

let notFound;
try {
  await app.members.get({ id });
  notFound = 'no error';
} catch (error) {
  notFound = codeOf(error);
}

let badSecret;
try {
  await new TribeClient({ graphqlUrl: input.url, clientId: input.clientId, clientSecret: `${input.clientSecret}-wrong` })
    .generateToken({ networkId: input.networkId });
  badSecret = 'no error';
} catch (error) {
  badSecret = codeOf(error);
}

let noToken;
try {
  await new TribeClient({ graphqlUrl: input.url }).members.list({ limit: 1 });
  noToken = 'no error';
} catch (error) {
  noToken = { code: codeOf(error), status: statusOf(error) };
}

const exp = JSON.parse(Buffer.from(limited.accessToken.split('.')[1], 'base64url').toString()).exp;
process.stdout.write(JSON.stringify({
  tokenExpiresInSeconds: exp - Math.floor(Date.now() / 1000),
  gatewayUrl: limited.gatewayUrl ?? null,
  list: { totalCount: list.totalCount, hasNextPage: list.pageInfo.hasNextPage, node: list.edges[0].node },
  got,
  updated: { id: updated.id, externalId: updated.externalId, email: updated.email },
  searchedCount: searched.totalCount,
  deleted,
  notFound,
  badSecret,
  noToken,
}));

// Signs a demo person in to the local tend-server (--dev mints tokens at POST /dev/token), then
// points the provider at it. Each window keeps its own person in sessionStorage.
//
// Three neighbours check in first, each "count me, don't name me": the circle's figures then
// stand on three people while none of their check-ins reaches anyone's browser.
import { checkInId, endOfDay, type CheckIn } from '../src/domain/capacity.js';

const endpoint = `${location.protocol}//${location.hostname}:8787`;
const COMMUNITY = 'maple-street-shared';
const CIRCLE = 'maple-street';
const NEIGHBOURS: { id: string; name: string; level: CheckIn['level']; kinds: string[] }[] = [
  { id: 'demo-neighbour-rosa', name: 'Rosa', level: 'some', kinds: ['listening', 'practical'] },
  { id: 'demo-neighbour-tomas', name: 'Tomás', level: 'plenty', kinds: ['practical', 'hosting'] },
  { id: 'demo-neighbour-wen', name: 'Wen', level: 'a-little', kinds: ['listening', 'practical'] },
];

async function tokenFor(sub: string, name: string): Promise<string> {
  const response = await fetch(`${endpoint}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, name }),
  });
  if (!response.ok) throw new Error(`the server said ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Each neighbour's counted-only check-in, written as that neighbour, unless one still holds. */
async function seedNeighbours(): Promise<void> {
  const now = new Date();
  await Promise.all(
    NEIGHBOURS.map(async (neighbour) => {
      const token = await tokenFor(neighbour.id, neighbour.name);
      const id = checkInId(CIRCLE, neighbour.id);
      const list = `${endpoint}/v1/${COMMUNITY}/check-ins`;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      // The list, not a get: a first visit would otherwise log a 404 for each neighbour.
      const { items } = (await (await fetch(list, { headers })).json()) as {
        items: { id: string; rev: number; value: CheckIn }[];
      };
      const held = items.find((item) => item.id === id);
      if (held && Date.parse(held.value.expiresAt) > now.getTime() + 86_400_000) return;
      const value: CheckIn = {
        circle: CIRCLE,
        personId: neighbour.id,
        personName: neighbour.name,
        level: neighbour.level,
        kinds: neighbour.kinds,
        note: '',
        expiresAt: endOfDay(now, 6).toISOString(),
        visibility: 'counted',
        updatedAt: now.toISOString(),
      };
      await fetch(`${list}/${id}`, {
        method: 'PUT',
        headers: held ? { ...headers, 'if-match': String(held.rev) } : headers,
        body: JSON.stringify({ value }),
      });
    }),
  );
}

const form = document.querySelector<HTMLFormElement>('#sign-in')!;
const statusLine = document.querySelector<HTMLElement>('#sign-in-status')!;
const provider = document.querySelector<HTMLElement>('#shared')!;

async function join(name: string): Promise<void> {
  const id = `demo-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'someone'
  }`;
  statusLine.textContent = 'Joining…';
  try {
    const token = await tokenFor(id, name);
    await seedNeighbours();
    sessionStorage.setItem('tend-demo-name', name);
    provider.setAttribute('user-id', id);
    provider.setAttribute('user-name', name);
    provider.setAttribute('token', token);
    provider.setAttribute('endpoint', endpoint);
    provider.setAttribute('storage', 'http');
    provider.hidden = false;
    form.hidden = true;
  } catch (error) {
    statusLine.textContent = `The shared board needs the local tend-server (npm start runs it on port 8787): ${(error as Error).message}.`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = new FormData(form).get('name')?.toString().trim();
  if (name) void join(name);
});

const remembered = sessionStorage.getItem('tend-demo-name');
if (remembered) void join(remembered);

// Signs a demo person in to the local tend-server (--dev mints tokens at POST /dev/token), then
// puts the widgets on the page with a provider that stores on that server, as a site does for a
// signed-in person. Each window keeps its own person in sessionStorage.
//
// Three neighbours check in first, each "count me, don't name me": the circle's figures then
// stand on three people while none of their check-ins reaches anyone's browser.
import { checkInId, endOfDay, type CheckIn } from '../src/domain/capacity.js';

/** The tend-server's port, from `npm start` (TEND_SERVER_PORT, default 8787). */
declare const __TEND_SERVER_PORT__: string;

const endpoint = `${location.protocol}//${location.hostname}:${__TEND_SERVER_PORT__}`;
const COMMUNITY = 'maple-street-shared';
const CIRCLE = 'maple-street';
const NEIGHBOURS: { id: string; name: string; level: CheckIn['level']; kinds: string[] }[] = [
  { id: 'demo-neighbour-rosa', name: 'Rosa', level: 'some', kinds: ['listening', 'practical'] },
  { id: 'demo-neighbour-tomas', name: 'Tomás', level: 'plenty', kinds: ['practical', 'hosting'] },
  { id: 'demo-neighbour-wen', name: 'Wen', level: 'a-little', kinds: ['listening', 'practical'] },
];

/**
 * A --dev token for a demo person; `role: 'moderator'` makes them a moderator (the server mints
 * that role in --dev only), e.g. `tokenFor('demo-moderator', 'Moderator', 'moderator')`.
 */
async function tokenFor(sub: string, name: string, role?: 'moderator'): Promise<string> {
  const response = await fetch(`${endpoint}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, name, role }),
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
const joined = document.querySelector<HTMLElement>('#joined')!;
const widgets = document.querySelector<HTMLTemplateElement>('#shared-widgets')!;
let provider: HTMLElement | undefined;

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
    // The provider is made with the person, the token and the server already set, so its
    // widgets store on the server from their first moment.
    const content = widgets.content.cloneNode(true) as DocumentFragment;
    provider = content.querySelector('tend-provider')!;
    provider.setAttribute('endpoint', endpoint);
    provider.setAttribute('user-id', id);
    provider.setAttribute('user-name', name);
    provider.setAttribute('token', token);
    joined.after(content);
    joined.querySelector('#joined-as')!.textContent = `You are ${name} on this demo.`;
    joined.hidden = false;
    form.hidden = true;
    statusLine.textContent = '';
  } catch (error) {
    statusLine.textContent = `The shared board needs the local tend-server (npm start runs it on port ${__TEND_SERVER_PORT__}): ${(error as Error).message}.`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = new FormData(form).get('name')?.toString().trim();
  if (name) void join(name);
});

joined.querySelector('#leave')!.addEventListener('click', () => {
  sessionStorage.removeItem('tend-demo-name');
  provider?.remove();
  provider = undefined;
  joined.hidden = true;
  form.hidden = false;
  form.reset();
  form.querySelector('input')!.focus();
});

const remembered = sessionStorage.getItem('tend-demo-name');
if (remembered) void join(remembered);

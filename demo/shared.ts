// Signs a demo person in to the local tend-server (--dev mints tokens at POST /dev/token), then
// puts the widgets on the page with a provider that stores on that server, as a site does for a
// signed-in person. Each window keeps its own person in sessionStorage.
//
// Three neighbours check in first, each "count me, don't name me": the circle's figures then
// stand on three people while none of their check-ins reaches anyone's browser. One of them,
// Tomás, has started a meal rotation, the concern element sits beside; Mira moderates. Anyone can
// join as one of them (or under a name of their own) to walk a concern from raising to answer.
import { checkInId, endOfDay, type CheckIn } from '../src/domain/capacity.js';
import { createPost } from '../src/domain/offers.js';

/** The tend-server's port, from `npm start` (TEND_SERVER_PORT, default 8787). */
declare const __TEND_SERVER_PORT__: string;

const endpoint = `${location.protocol}//${location.hostname}:${__TEND_SERVER_PORT__}`;
const COMMUNITY = 'maple-street-shared';
const CIRCLE = 'maple-street';
const BOARD = 'maple-street';
/** The rotation `<tend-concern post="demo-rotation-okafors">` is beside (demo/shared.html). */
const ROTATION = 'demo-rotation-okafors';
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

/** Tomás's meal rotation, with dates from tomorrow, unless one is already on the board. */
async function seedRotation(): Promise<void> {
  const tomas = NEIGHBOURS[1]!;
  const token = await tokenFor(tomas.id, tomas.name);
  const url = `${endpoint}/v1/${COMMUNITY}/posts/${ROTATION}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const { items } = (await (await fetch(`${endpoint}/v1/${COMMUNITY}/posts`, { headers })).json()) as {
    items: { id: string }[];
  };
  if (items.some((item) => item.id === ROTATION)) return;
  const now = new Date();
  const day = (days: number) => endOfDay(now, days).toISOString().slice(0, 10);
  const value = createPost(
    BOARD,
    {
      kind: 'rotation',
      category: 'meals',
      title: 'Meals for the Okafors',
      details: 'A new baby at number 12. Dinners dropped at the door by 6 pm, please; no visits this week.',
      rotation: { recipientName: 'The Okafors', dates: [day(1), day(2), day(3), day(4), day(5), day(6)] },
    },
    { id: tomas.id, name: tomas.name },
    now,
  );
  await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ value }) });
}

/** Someone on this demo: one of the people already here, or a name of the visitor's own. */
interface DemoPerson {
  id: string;
  name: string;
  role?: 'moderator';
}

const PEOPLE: Record<string, DemoPerson> = {
  rosa: NEIGHBOURS[0]!,
  tomas: NEIGHBOURS[1]!,
  wen: NEIGHBOURS[2]!,
  mira: { id: 'demo-moderator-mira', name: 'Mira', role: 'moderator' },
};

const form = document.querySelector<HTMLFormElement>('#sign-in')!;
const people = document.querySelector<HTMLElement>('#people')!;
const statusLine = document.querySelector<HTMLElement>('#sign-in-status')!;
const joined = document.querySelector<HTMLElement>('#joined')!;
const widgets = document.querySelector<HTMLTemplateElement>('#shared-widgets')!;
let provider: HTMLElement | undefined;

async function join(person: DemoPerson): Promise<void> {
  statusLine.textContent = 'Joining…';
  try {
    const token = await tokenFor(person.id, person.name, person.role);
    await seedNeighbours();
    await seedRotation();
    sessionStorage.setItem('tend-demo-person', JSON.stringify(person));
    // The provider is made with the person, the token and the server already set, so its
    // widgets store on the server from their first moment.
    const content = widgets.content.cloneNode(true) as DocumentFragment;
    provider = content.querySelector('tend-provider')!;
    provider.setAttribute('endpoint', endpoint);
    provider.setAttribute('user-id', person.id);
    provider.setAttribute('user-name', person.name);
    provider.setAttribute('token', token);
    // A site shows its moderators' page to its moderators only (the element says so to anyone else).
    if (person.role !== 'moderator') content.querySelector('[aria-label="Moderation"]')?.remove();
    joined.after(content);
    joined.querySelector('#joined-as')!.textContent =
      `You are ${person.name}${person.role === 'moderator' ? ', a moderator,' : ''} on this demo.`;
    joined.hidden = false;
    form.hidden = people.hidden = true;
    statusLine.textContent = '';
  } catch (error) {
    statusLine.textContent = `The shared board needs the local tend-server (npm start runs it on port ${__TEND_SERVER_PORT__}): ${(error as Error).message}.`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = new FormData(form).get('name')?.toString().trim();
  if (!name) return;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  void join({ id: `demo-${slug || 'someone'}`, name });
});

people.addEventListener('click', (event) => {
  const key = (event.target as HTMLElement).closest<HTMLElement>('[data-person]')?.dataset['person'];
  if (key && PEOPLE[key]) void join(PEOPLE[key]);
});

joined.querySelector('#leave')!.addEventListener('click', () => {
  sessionStorage.removeItem('tend-demo-person');
  provider?.remove();
  provider = undefined;
  joined.hidden = true;
  form.hidden = people.hidden = false;
  form.reset();
  form.querySelector('input')!.focus();
});

try {
  const remembered = JSON.parse(sessionStorage.getItem('tend-demo-person') ?? 'null') as DemoPerson | null;
  if (remembered?.id && remembered.name) void join(remembered);
} catch {
  sessionStorage.removeItem('tend-demo-person');
}

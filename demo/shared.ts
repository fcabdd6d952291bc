// Signs a demo person in to the local tend-server (--dev mints tokens at POST /dev/token), then
// points the provider at it. Each window keeps its own person in sessionStorage.
const endpoint = `${location.protocol}//${location.hostname}:8787`;
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
    const response = await fetch(`${endpoint}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: id, name }),
    });
    if (!response.ok) throw new Error(`the server said ${response.status}`);
    const { token } = (await response.json()) as { token: string };
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

/**
 * `<tend-provider storage="http">` fetches the server code (HttpAdapter and its outbox) only when
 * a page asks for a server: this file imports nothing that would load it first.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/provider/index.js';
import type { TendProvider } from '../../src/provider/index.js';
import type { TestNotes } from '../fixtures/test-notes.js';
import '../fixtures/test-notes.js';

const serverCodeLoaded = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => /\/storage\/(http|outbox)\.ts/.test(entry.name));

const { url } = (await (await fetch('/__tend-server/info')).json()) as { url: string };
const token = (id: string): Promise<string> =>
  fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: id, name: id }) })
    .then((r) => r.json())
    .then((body: { token: string }) => body.token);

describe('<tend-provider storage="http"> loads the server code on demand', () => {
  it('loads nothing of it for browser or memory storage', async () => {
    const provider = await fixture<TendProvider>(
      html`<tend-provider storage="memory"><test-notes></test-notes></tend-provider>`,
    );
    await provider.querySelector<TestNotes>('test-notes')!.updateComplete;
    await fixture(html`<test-notes></test-notes>`);
    expect(serverCodeLoaded()).to.equal(false);
  });

  it('hands elements a shared store at once, which reads and writes on the server once its code is here', async () => {
    const community = `deferred-${crypto.randomUUID().slice(0, 8)}`;
    const provider = await fixture<TendProvider>(
      html`<tend-provider
        storage="http"
        endpoint=${url}
        community=${community}
        user-id="ines"
        token=${await token('ines')}
      >
        <test-notes></test-notes>
      </tend-provider>`,
    );
    const notes = provider.querySelector<TestNotes>('test-notes')!;
    // What the store can do is known before its code arrives, so an element decides what to show.
    expect(notes.storage.status).to.include({ location: 'server', shared: true });
    expect(typeof notes.storage.operate).to.equal('function');
    await notes.storage.put('notes', 'n1', { text: 'written through the server' });
    await waitUntil(() => notes.notes.records.length === 1, 'the note, from the server');
    expect(serverCodeLoaded()).to.equal(true);
    const again = await fetch(`${url}/v1/${community}/notes/n1`, {
      headers: { authorization: `Bearer ${await token('ines')}` },
    });
    expect(((await again.json()) as { value: { text: string } }).value.text).to.equal(
      'written through the server',
    );
  });
});

/**
 * What the reflection prompt shows after saving (the saved list, the lock, the dialog) is fetched
 * the first time it is needed. When that fetch fails (the connection dropped), the reader is told
 * plainly, in the prompt, what to do, and that what they saved is still on their device.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, html, waitUntil } from '@open-wc/testing';
import { makeEntry } from '../../../src/domain/reflection.js';
import { MemoryAdapter } from '../../../src/storage/index.js';
import { click, mount, text, visible } from './helpers.js';

const dropConnection = () => executeServerCommand('tend-unreachable', { files: ['later-views.ts'] });
const restoreConnection = () => executeServerCommand('tend-unreachable', { files: [] });

describe('<tend-reflection-prompt>: its later views cannot be fetched', () => {
  afterEach(restoreConnection);

  it('says so, and that what was saved stays on the device', async () => {
    await dropConnection();
    const adapter = new MemoryAdapter({ author: 'ana' });
    const entry = makeEntry(
      {
        postId: 'my-post',
        authorId: 'ana',
        promptSet: 'custom',
        questions: [{ id: 'happened', kind: 'text', label: 'What happened?' }],
        answers: { happened: 'I hosted every Sunday.' },
      },
      new Date(Date.UTC(2026, 4, 1, 9)),
    );
    await adapter.put('reflections', 'r-1', entry);
    const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
    await click(el, 'Your reflections (1)');
    const words =
      'This part could not be loaded. Check your connection, then reload the page: what you saved stays on this device.';
    await waitUntil(() => visible(el).includes(words), 'the problem is said', { timeout: 5000 });
    expect(text(el.shadowRoot!.querySelector('[part~="entries"]'))).to.equal('');
    await expect(el).to.be.accessible();
  });
});

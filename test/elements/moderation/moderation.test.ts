/**
 * `<tend-moderation>` on a real tend-server: shown to a moderator only (anyone else gets one
 * sentence, and nothing is read for them); the queue, the answer form, the closed concerns and
 * the log, accessible in light and dark; the keyboard alone answers and marks a concern, focus
 * staying inside the element.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/provider/index.js';
import '../../../src/elements/moderation/index.js';
import type { TendModeration } from '../../../src/elements/moderation/index.js';
import { newConcernKey } from '../../../src/domain/concerns.js';
import type { StorageAdapter } from '../../../src/storage/index.js';
import { server, serverAs, tokenFor, uniqueCommunity, until } from '../real-server.js';
import {
  MIRA,
  ROSA,
  WEN,
  announced,
  button,
  cardOf,
  inTheme,
  moderationOf,
  read,
  shadow,
} from '../concern/helpers.js';

/** Rosa's named concern and an anonymous one, raised through the server as their browsers would. */
async function seedConcerns(community: string): Promise<void> {
  const rosa = await serverAs(community, ROSA);
  await rosa.operate('concerns', 'named', {
    type: 'raise',
    about: 'community',
    kind: 'asked-too-often',
    text: 'I am asked to host every week.',
    visibility: 'moderators',
  });
  const wen = await serverAs(community, WEN);
  await wen.operate('concerns', 'anon', {
    type: 'raise',
    about: 'community',
    kind: 'request-uncomfortable',
    text: 'A late-night request.',
    visibility: 'anonymous',
    key: newConcernKey(),
  });
}

const focused = (el: TendModeration): Element | null => shadow(el).activeElement;

async function press(el: TendModeration, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<tend-moderation>', () => {
  it('to anyone but a moderator: one plain sentence, and nothing is read for them', async () => {
    const community = uniqueCommunity('moderation-member');
    await seedConcerns(community);
    const server = await serverAs(community, WEN);
    const read_: string[] = [];
    // Wen's own adapter, noting every collection the element reads or listens to.
    const spy: StorageAdapter = {
      community,
      author: WEN.id,
      get status() {
        return server.status;
      },
      get: (collection, id) => (read_.push(collection), server.get(collection, id)),
      list: (collection) => (read_.push(collection), server.list(collection)),
      put: (...args) => server.put(...args),
      remove: (...args) => server.remove(...args),
      operate: (...args) => server.operate(...args),
      subscribe: (collection, listener) => (read_.push(collection), server.subscribe(collection, listener)),
      watchAggregate: (...args) => server.watchAggregate(...args),
      subscribeStatus: (listener) => server.subscribeStatus(listener),
      close: () => undefined,
    };
    const provider = await fixture(
      html`<tend-provider .adapter=${spy} user-id=${WEN.id} token=${await tokenFor(WEN)} lang="en">
        <tend-moderation></tend-moderation>
      </tend-provider>`,
    );
    const el = provider.querySelector<TendModeration>('tend-moderation')!;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read(el)).to.equal(
      'This is where the community’s moderators answer concerns. It shows only to them.',
    );
    expect(read_, 'nothing read').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a sign-in that says “moderator” but the server refuses: one plain sentence, no view', async () => {
    const community = uniqueCommunity('moderation-refused');
    await seedConcerns(community);
    // Wen's real token with `role: "moderator"` written into it by the page: the page reads the
    // role (it cannot check the signature), the server does not accept the token.
    const [head, payload, signature] = (await tokenFor(WEN)).split('.') as [string, string, string];
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as object;
    const forged = [
      head,
      btoa(JSON.stringify({ ...claims, role: 'moderator' }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, ''),
      signature,
    ].join('.');
    const provider = await fixture(
      html`<tend-provider
        storage="http"
        endpoint=${server.url}
        token=${forged}
        user-id=${WEN.id}
        user-name=${WEN.name}
        community=${community}
        lang="en"
        ><tend-moderation></tend-moderation
      ></tend-provider>`,
    );
    const el = provider.querySelector<TendModeration>('tend-moderation')!;
    const plain =
      'This is where the community’s moderators answer concerns. The community’s server doesn’t count you as a moderator right now, so there’s nothing to show here. If you do moderate, signing in again may help.';
    await until(
      () => read(el) === plain,
      'the plain sentence',
      () => read(el),
    );
    expect(shadow(el).querySelector('[part="not-moderator"]')).to.not.equal(null);
    expect(shadow(el).querySelector('form, [part="queue"], [part="log"]')).to.equal(null);
    for (const theme of ['light', 'dark'] as const) {
      await inTheme(el, theme);
      await expect(el).to.be.accessible();
    }
  });

  it('a moderator’s view, open in every part, is accessible in light and dark', async function () {
    this.timeout(40_000);
    const community = uniqueCommunity('moderation-a11y');
    await seedConcerns(community);
    const mira = await moderationOf(community, MIRA);
    await until(
      () => read(mira).includes('A late-night request.'),
      'both concerns show',
      () => read(mira),
    );
    // Both wait for an answer: the one waiting longest (Rosa's, raised first) comes first.
    const cards = [...shadow(mira).querySelectorAll('[part="queue"] > li')];
    expect(cards.map((c) => c.querySelector('h3')!.textContent!.trim())).to.deep.equal([
      '“I have been asked too often”',
      '“A request made me uncomfortable”',
    ]);
    expect(read(cards[0]!)).to.contain('Raised by Rosa (only moderators see who)');
    expect(read(cards[1]!)).to.contain('Raised anonymously');
    button(cards[0]!, 'Answer').click();
    button(shadow(mira), 'Show the log').click();
    await until(
      () => read(mira).includes('Rosa raised a concern'),
      'the log shows',
      () => read(mira),
    );
    expect(read(mira)).to.contain('An anonymous member raised a concern');
    for (const theme of ['light', 'dark'] as const) {
      await inTheme(mira, theme);
      await expect(mira).to.be.accessible();
    }
  });

  it('answers and marks a concern with the keyboard alone, focus inside the element', async function () {
    this.timeout(40_000);
    const community = uniqueCommunity('moderation-keys');
    await seedConcerns(community);
    const mira = await moderationOf(community, MIRA);
    await until(() => read(mira).includes('A late-night request.'), 'the concerns show');
    const card = () => cardOf(mira, '“A request made me uncomfortable”');
    const answer = button(card(), 'Answer');
    answer.focus();
    await press(mira, 'Enter');
    expect(focused(mira), 'the answer field takes focus').to.equal(card().querySelector('textarea'));
    await sendKeys({ type: 'Thank you for telling us. We will talk with them.' });
    await press(mira, 'Tab');
    expect(focused(mira)?.localName).to.equal('select');
    await press(mira, 'ArrowDown');
    await press(mira, 'Tab');
    expect(focused(mira)?.textContent?.trim()).to.equal('Send answer');
    await press(mira, 'Enter');
    await until(
      () => announced(mira) === 'Answer sent. The raiser can read it now.',
      'answered',
      () => read(mira),
    );
    expect(focused(mira), 'back on “Answer”').to.equal(button(card(), 'Answer'));
    expect(read(card())).to.contain('Answered');
    // Now it can be closed; the keyboard reaches Close and presses it.
    const close = button(card(), 'Close');
    expect(close.disabled).to.equal(false);
    close.focus();
    await press(mira, 'Enter');
    // The live update can take the card away before the step's own answer lands: wait for both.
    await until(
      () =>
        !read(mira).includes('A late-night request.') &&
        announced(mira) === 'Closed. The raiser can reopen it if it isn’t settled for them.',
      'closed, out of the queue, and said',
      () => [read(mira), announced(mira)],
    );
    await until(
      () => focused(mira) === shadow(mira).querySelector('#heading'),
      'focus on the view’s heading',
      () => focused(mira)?.outerHTML,
    );
  });
});

/**
 * Hiding a post on a real tend-server, from each side: the moderator hides it from the board with
 * a reason; its author still sees it, marked hidden, with the reason, and answers; another
 * neighbour's board, DOM and network lose it and keep only the count; the moderators' view lists
 * it with its thread, and showing it again brings it back to everyone.
 */
import { expect } from '@open-wc/testing';
import type { Post } from '../../../src/domain/offers.js';
import { heard, requestsAs, serverAs, uniqueCommunity, until } from '../real-server.js';
import {
  MIRA,
  TOMAS,
  WEN,
  announced,
  boardOf,
  button,
  cardOf,
  field,
  hasButton,
  inTheme,
  moderationOf,
  postAs,
  read,
  shadow,
  type,
} from '../concern/helpers.js';

const TITLE = 'Lifts to the clinic';
const REASON = 'It names a neighbour’s diagnosis; could you post it without that?';
const DETAILS = 'Mrs Reyes needs lifts for her chemo on Tuesdays.';

describe('hidden posts (real server)', () => {
  it('a moderator hides a post with a reason; its author sees it marked hidden and answers; others see only a count', async function () {
    this.timeout(60_000);
    const community = uniqueCommunity('hidden-post');
    const id = await postAs(community, TOMAS, { title: TITLE, details: DETAILS });
    const wenServer = await serverAs(community, WEN);
    const wenHeard = heard<Post>(wenServer, 'posts');

    const mira = await boardOf(community, MIRA);
    const tomas = await boardOf(community, TOMAS);
    const wen = await boardOf(community, WEN);
    await until(() => read(wen).includes(TITLE), 'Wen sees the post at first');
    expect(hasButton(cardOf(wen, TITLE), 'Hide'), 'only moderators may hide').to.equal(false);
    expect(hasButton(cardOf(tomas, TITLE), 'Hide')).to.equal(false);

    // Mira hides it: a reason is asked for, and required.
    button(cardOf(mira, TITLE), 'Hide').click();
    const dialog = shadow(mira).querySelector<HTMLDialogElement>('#ask-dialog')!;
    await until(() => dialog.open, 'the question opens (its words are fetched the first time)');
    await mira.updateComplete;
    expect(read(dialog)).to.contain('The author reads your reason and can answer it');
    button(dialog, 'Hide the post').click();
    await mira.updateComplete;
    expect(read(dialog)).to.contain('Say why, so the author knows.');
    expect(shadow(mira).activeElement?.id).to.equal('hide-reason');
    for (const theme of ['light', 'dark'] as const) {
      await inTheme(mira, theme);
      await expect(mira, `the hide dialog, ${theme}`).to.be.accessible();
    }
    type(field<HTMLTextAreaElement>(dialog, 'Why (the author reads this)'), REASON);
    button(dialog, 'Hide the post').click();
    await until(() => read(cardOf(mira, TITLE)).includes('Hidden. Its author can read why.'), 'hidden');
    expect(dialog.open).to.equal(false);
    expect(read(cardOf(mira, TITLE))).to.contain('Hidden from the board');
    expect(announced(mira)).to.equal('Hidden. Its author can read why.');

    // Tomás, the author, still sees it, marked hidden, with the reason; he answers.
    await until(
      () => read(tomas).includes('A moderator hid this post'),
      'Tomás sees the hide',
      () => read(tomas),
    );
    const his = cardOf(tomas, TITLE);
    for (const theme of ['light', 'dark'] as const) {
      await inTheme(tomas, theme);
      await expect(tomas, `the author's hidden post, ${theme}`).to.be.accessible();
    }
    expect(read(his)).to.contain(`Why: “${REASON}”`);
    expect(read(his)).to.contain('Only you and the moderators can see it now.');
    type(field<HTMLTextAreaElement>(his, 'Your answer to the moderators'), 'Fair. I will reword it.');
    button(his, 'Send').click();
    await until(() => read(cardOf(tomas, TITLE)).includes('Sent.'), 'his answer is sent');
    expect(read(cardOf(tomas, TITLE))).to.contain('You');
    expect(
      field<HTMLTextAreaElement>(cardOf(tomas, TITLE), 'Your answer').value,
      'the form is cleared',
    ).to.equal('');

    // Wen: the post is gone, as if deleted; only the count remains.
    await until(
      () => !read(wen).includes(TITLE),
      'the post leaves Wen’s board',
      () => read(wen),
    );
    await until(
      () => read(wen).includes('1 post hidden by a moderator.'),
      'Wen reads the count',
      () => read(wen),
    );
    for (const words of [REASON, DETAILS, 'Tomás', 'reword']) expect(read(wen)).not.to.contain(words);
    await expect(wen, 'the count').to.be.accessible();
    const wenAsks = requestsAs(community, WEN);
    expect((await wenAsks.list('posts')).map((p) => p.id)).not.to.include(id);
    expect(await wenAsks.get('posts', id)).to.equal(undefined);
    expect(wenHeard.at(-1), 'Wen’s stream heard a removal, nothing more').to.deep.equal({
      type: 'remove',
      collection: 'posts',
      id,
    });
    expect(JSON.stringify(wenHeard)).not.to.contain(REASON);
    expect(read(mira), 'moderators see the post itself, not a count').not.to.contain('hidden by a moderator');

    // The moderators' view lists it, with Tomás's answer; showing it again brings it back.
    const view = await moderationOf(community, MIRA);
    await until(
      () => read(view).includes('Fair. I will reword it.'),
      'the thread shows',
      () => read(view),
    );
    const listed = cardOf(view, TITLE);
    expect(read(listed)).to.contain(`Reason the author reads: “${REASON}”`);
    button(listed, 'Show it again').click();
    await until(
      () => read(view).includes('No post is hidden.'),
      'shown again',
      () => read(view),
    );
    await until(
      () => read(wen).includes(TITLE),
      'the post is back on Wen’s board',
      () => read(wen),
    );
    await until(
      () => !read(wen).includes('hidden by a moderator'),
      'the count is gone',
      () => read(wen),
    );
    await until(() => !read(tomas).includes('A moderator hid this post'), 'Tomás sees it shown again');
  });
});

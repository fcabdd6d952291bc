import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../src/provider/index.js';
import '../src/elements/reflection-prompt/index.js';
import {
  reflectionEn,
  type ReflectionMessages,
  type TendReflectionPrompt,
} from '../src/elements/reflection-prompt/index.js';
import { reflectionEs } from '../src/elements/reflection-prompt/reflection-prompt.es.js';
import { createLock, sealFor } from '../src/elements/reflection-prompt/entry-lock.js';
import {
  contentOf,
  lockId,
  makeEntry,
  reflectionCountId,
  type Answers,
  type Question,
  type ReflectionDraft,
} from '../src/domain/reflection.js';
import { MemoryAdapter, QuotaError, type AdapterStatus, type StoredRecord } from '../src/storage/index.js';

/** Stories run on a fixed clock: Tue 12 May 2026, 21:15. */
const NOW = new Date(2026, 4, 12, 21, 15);
const POST = 'when-helping-turns-into-resentment';
const ME = 'reader';

/** Memory storage that looks like the default browser storage (IndexedDB), as most readers see it. */
class BrowserLikeAdapter extends MemoryAdapter {
  override get status(): AdapterStatus {
    return { ...super.status, location: 'indexeddb', persistent: true };
  }
}

/** Memory storage that says it is shared, as a community's tend-server would. */
class SharedMemoryAdapter extends MemoryAdapter {
  override get status(): AdapterStatus {
    return { ...super.status, location: 'server', persistent: true, shared: true };
  }
}

/** Storage that is full: every write fails, as a browser over its quota does. */
class FullAdapter extends BrowserLikeAdapter {
  override put<T>(): Promise<StoredRecord<T>> {
    return Promise.reject(new QuotaError('the storage is full'));
  }
}

const resentment: Question[] = [
  { id: 'happened', kind: 'text', label: 'What happened?' },
  { id: 'offered', kind: 'text', label: 'What did I offer or agree to, and did I want to?' },
  { id: 'unsaid', kind: 'text', label: 'What did I need, and not say?' },
  {
    id: 'pointing',
    kind: 'choice',
    label: 'What might this resentment be pointing to?',
    multiple: true,
    choices: [
      { id: 'offer-too-big', label: 'An offer that was too big' },
      { id: 'need-unvoiced', label: 'A need I didn’t voice' },
      { id: 'limit-unnamed', label: 'A limit I didn’t name' },
      { id: 'something-else', label: 'Something else' },
    ],
  },
  { id: 'next', kind: 'text', label: 'Next time, what could I offer, ask or say, and to whom?' },
];

const past: { day: number; postId: string; answers: Answers }[] = [
  {
    day: 2,
    postId: POST,
    answers: {
      happened: 'I drove my neighbour to every appointment this spring.',
      offered: 'Every drive, whenever she asked. I wanted to help, not to be on call.',
      unsaid: 'A week off, and for her son to take some of the days.',
      pointing: ['offer-too-big', 'need-unvoiced'],
      next: 'Offer Tuesdays only, and ask her son about Thursdays.',
    },
  },
  {
    day: 7,
    postId: POST,
    answers: {
      happened: 'Hosted Sunday dinner again.',
      pointing: ['limit-unnamed'],
      next: 'Ask for a rota.',
    },
  },
  {
    day: 10,
    postId: 'saying-no-kindly',
    answers: { happened: 'Said yes to the school fair.', next: 'Say “not this year” sooner.' },
  },
];

async function seedEntries(adapter: MemoryAdapter, passphrase?: string): Promise<void> {
  // A lock as the element makes one: the public key in plain, the private key sealed with the passphrase.
  const lock = passphrase ? await createLock(passphrase, 1000) : undefined;
  if (lock)
    await adapter.put('reflection-locks', lockId(ME), {
      authorId: ME,
      createdAt: NOW.toISOString(),
      ...lock.stored,
    });
  for (const [i, item] of past.entries()) {
    const entry = makeEntry(
      {
        postId: item.postId,
        authorId: ME,
        promptSet: 'resentment',
        questions: resentment,
        answers: item.answers,
      },
      new Date(NOW.getTime() - item.day * 86_400_000),
    );
    const { postId, authorId, createdAt, updatedAt } = entry;
    const value = lock
      ? {
          postId,
          authorId,
          createdAt,
          updatedAt,
          locked: await sealFor(lock.keys.publicKey, contentOf(entry)),
        }
      : entry;
    await adapter.put('reflections', `r-${i}`, value);
  }
}

const draft: ReflectionDraft = {
  postId: POST,
  authorId: ME,
  step: 2,
  promptSet: 'resentment',
  updatedAt: NOW.toISOString(),
  answers: {
    happened: 'My sister asked me to take the kids again this weekend.',
    offered: 'I said “of course”, like always. I didn’t really want to.',
  },
};

/** A draft on its last step, every question answered: saving it carries the reader's step-5 words into the ask. */
const nearlyDone: ReflectionDraft = {
  ...draft,
  step: 4,
  answers: {
    ...draft.answers,
    unsaid: 'A weekend to myself, and for her to ask our brother sometimes.',
    pointing: ['offer-too-big', 'need-unvoiced'],
    next: 'Tell my sister I can take the kids one weekend a month, and ask her to check with our brother first.',
  },
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The story's element, once seeded storage has been read and it has drawn. */
async function element(canvas: HTMLElement): Promise<TendReflectionPrompt> {
  let el: TendReflectionPrompt | null = null;
  for (let i = 0; i < 200 && !el?.shadowRoot?.querySelector('[part~="step"], [part~="entries"]'); i++) {
    await pause();
    el = canvas.querySelector('tend-reflection-prompt');
  }
  await pause();
  await el!.updateComplete;
  return el!;
}

/** A button's words, in the story's language (the toolbar's, or the story's `lang`). */
type Words = (t: ReflectionMessages, lang: string) => string;

/** Clicks the element's buttons named by `names`, in order, as a reader would, in whatever language it speaks. */
async function clickThrough(canvas: HTMLElement, ...names: Words[]): Promise<void> {
  const el = await element(canvas);
  const lang = el.closest('[lang]')?.getAttribute('lang') ?? 'en';
  const t = lang.startsWith('es') ? reflectionEs : reflectionEn;
  for (const words of names) {
    const name = words(t, lang);
    for (let i = 0; i < 100; i++) {
      await el.updateComplete;
      const found = [...el.shadowRoot!.querySelectorAll('button')].find(
        (b) => b.textContent!.trim() === name,
      );
      if (found) {
        found.click();
        break;
      }
      await pause();
    }
  }
  await el.updateComplete;
}

const scenarios = {
  /** A first visit. */
  empty: { adapter: () => new BrowserLikeAdapter({ author: ME }), seed: async () => {} },
  /** A draft kept from an earlier visit, picked up at step 3. */
  'mid-draft': {
    adapter: () => new BrowserLikeAdapter({ author: ME }),
    seed: async (a: MemoryAdapter) => void (await a.put('reflection-drafts', POST, draft)),
  },
  /** A draft on its last step, every question answered. */
  'nearly done': {
    adapter: () => new BrowserLikeAdapter({ author: ME }),
    seed: async (a: MemoryAdapter) => void (await a.put('reflection-drafts', POST, nearlyDone)),
  },
  /** Past reflections saved in this browser. */
  history: {
    adapter: () => new BrowserLikeAdapter({ author: ME }),
    seed: (a: MemoryAdapter) => seedEntries(a),
  },
  /** Past reflections locked with a passphrase (“quiet river stones”). */
  locked: {
    adapter: () => new BrowserLikeAdapter({ author: ME }),
    seed: (a: MemoryAdapter) => seedEntries(a, 'quiet river stones'),
  },
  /** The browser blocks storage: entries last only until the page closes. */
  'storage blocked': { adapter: () => new MemoryAdapter({ author: ME }), seed: async () => {} },
  /** The browser's storage is full: saving fails and says so; the words stay. */
  'storage full': { adapter: () => new FullAdapter({ author: ME }), seed: async () => {} },
  /** A community server: the reader may add an anonymous count. */
  'shared count': {
    adapter: () => new SharedMemoryAdapter({ author: ME }),
    // The one count record of the post, as the server keeps it: a figure, no readers.
    seed: async (a: MemoryAdapter) =>
      void (await a.put('reflection-counts', reflectionCountId(POST), { postId: POST, count: 12 })),
  },
};

type Scenario = keyof typeof scenarios;

interface ReflectionArgs {
  scenario: Scenario;
  post: string;
  promptSet: 'resentment' | 'check-in';
  layout: 'steps' | 'list';
  share: 'none' | 'count';
  crisisHref?: string;
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
  width?: string;
  custom?: boolean;
}

/**
 * `<tend-reflection-prompt>`: a private, guided reflection on a resentment, under a blog post.
 * Drafts autosave; saved reflections can be read, changed, deleted, downloaded and locked; the
 * end turns what the reader found into an honest ask or a right-sized offer. Every story runs on
 * memory storage seeded for its state, on a fixed clock.
 */
const meta: Meta<ReflectionArgs> = {
  title: 'Elements/tend-reflection-prompt',
  component: 'tend-reflection-prompt',
  args: {
    scenario: 'empty',
    post: POST,
    promptSet: 'resentment',
    layout: 'steps',
    share: 'none',
    crisisHref: 'https://findahelpline.com',
  },
  argTypes: {
    scenario: { control: 'select', options: Object.keys(scenarios) },
    promptSet: { control: 'inline-radio', options: ['resentment', 'check-in'] },
    layout: { control: 'inline-radio', options: ['steps', 'list'] },
    share: { control: 'inline-radio', options: ['none', 'count'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: ({
    scenario,
    post,
    promptSet,
    layout,
    share,
    crisisHref,
    theme,
    lang,
    width,
    custom,
  }): TemplateResult => {
    const { adapter: make, seed } = scenarios[scenario];
    const adapter = make();
    const seeded = seed(adapter);
    return html`<div style="max-inline-size: ${width ?? '44rem'}">
      <tend-provider .adapter=${adapter} user-id=${ME} lang=${ifDefined(lang || undefined)}>
        ${until(
          seeded.then(
            () =>
              html`<tend-reflection-prompt
                post=${post}
                prompt-set=${promptSet}
                layout=${layout}
                share=${share}
                crisis-href=${ifDefined(crisisHref)}
                theme=${ifDefined(theme)}
                .now=${() => NOW}
              >
                ${
                  custom
                    ? html`<p data-question="noticed" data-hint="A sentence is plenty.">
                          What did I notice this week?
                        </p>
                        <ul data-question="room" data-label="How much room do I have?">
                          <li data-choice="lots">Lots</li>
                          <li data-choice="some">Some</li>
                          <li data-choice="little">Very little</li>
                        </ul>`
                    : nothing
                }
              </tend-reflection-prompt>`,
          ),
        )}
      </tend-provider>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ReflectionArgs>;

/** A first visit: the first of five steps, private to this browser. */
export const Empty: Story = {};

/** A draft kept from an earlier visit, picked up where the reader left off. */
export const MidDraft: Story = { args: { scenario: 'mid-draft' } };

/** Just saved: thanks, and the ask/offer draft starting from the reader's own step-5 words, as they wrote them. */
export const Finished: Story = {
  args: { scenario: 'nearly done' },
  play: ({ canvasElement }) => clickThrough(canvasElement, (t) => t.finish),
};

/** Just saved, with no "next time" words to start from: the draft is empty, with the shape of an ask and of an offer as its hint. */
export const FinishedWithoutNextTime: Story = {
  args: { scenario: 'mid-draft', layout: 'list' },
  play: ({ canvasElement }) => clickThrough(canvasElement, (t) => t.finish),
};

/** Save pressed with nothing written: said at the first question, which is marked and takes focus. */
export const NothingToSave: Story = {
  args: { layout: 'list' },
  play: ({ canvasElement }) => clickThrough(canvasElement, (t) => t.finish),
};

/** The reader's past reflections on this post, each named by its first line and date; locking is a quiet action. */
export const History: Story = {
  args: { scenario: 'history' },
  play: ({ canvasElement }) => clickThrough(canvasElement, (t, lang) => t.yours(3, lang)),
};

/** "Delete all my reflections" asks first, in plain words on both buttons. */
export const ConfirmDeleteAll: Story = {
  args: { scenario: 'history' },
  play: ({ canvasElement }) =>
    clickThrough(
      canvasElement,
      (t, lang) => t.yours(3, lang),
      (t) => t.deleteAll,
    ),
};

/** Past reflections locked with a passphrase (try “quiet river stones”). */
export const Locked: Story = {
  args: { scenario: 'locked' },
  play: ({ canvasElement }) => clickThrough(canvasElement, (t, lang) => t.yours(3, lang)),
};

/** The lock opened with the passphrase: the reflections can be read until "Lock now". */
export const LockOpen: Story = {
  args: { scenario: 'locked' },
  play: async ({ canvasElement }) => {
    await clickThrough(canvasElement, (t, lang) => t.yours(3, lang));
    const el = await element(canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('#pass')!.value = 'quiet river stones';
    el.shadowRoot!.querySelector<HTMLFormElement>('.lock form')!.requestSubmit();
    for (let i = 0; i < 250 && !el.shadowRoot!.querySelector('summary'); i++) await pause();
  },
};

/** Every question on one page. */
export const List: Story = { args: { layout: 'list' } };

/** The shorter built-in check-in set. */
export const CheckIn: Story = { args: { promptSet: 'check-in' } };

/** The blogger's own questions, written as plain HTML inside the element. */
export const CustomQuestions: Story = { args: { custom: true, layout: 'list' } };

/** The browser blocks storage: the reader is told entries last only until the page closes. */
export const StorageBlocked: Story = { args: { scenario: 'storage blocked' } };

/**
 * The browser's storage is full: saving fails and says so right by Save, with how to make room;
 * the words stay, and "saved in this browser" is not shown while it is not true.
 */
export const StorageFull: Story = {
  args: { scenario: 'storage full', layout: 'list' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const field = el.shadowRoot!.querySelector('textarea')!;
    field.value = 'My sister asked me to take the kids again.';
    field.dispatchEvent(new InputEvent('input'));
    await clickThrough(canvasElement, (t) => t.finish);
  },
};

/** On a community's shared server, with `share="count"`: an opt-in anonymous count. */
export const SharedCount: Story = { args: { scenario: 'shared count', share: 'count', layout: 'list' } };

/** The dark theme, mid-draft. */
export const Dark: Story = {
  args: { scenario: 'mid-draft', theme: 'dark' },
  decorators: [(story) => html`<div style="background: #111512; padding: 1rem">${story()}</div>`],
};

/** A narrow column (a phone), mid-draft. */
export const Narrow: Story = { args: { scenario: 'mid-draft', width: '340px' } };

/** Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };

/** Spanish, just saved: the draft from the reader's own words and its hint. */
export const SpanishFinished: Story = { ...Finished, args: { ...Finished.args, lang: 'es' } };

/** Spanish: the saved list, and the lock. */
export const SpanishHistory: Story = { ...History, args: { ...History.args, lang: 'es' } };

/** Spanish: the delete-all question. */
export const SpanishConfirmDeleteAll: Story = {
  ...ConfirmDeleteAll,
  args: { ...ConfirmDeleteAll.args, lang: 'es' },
};

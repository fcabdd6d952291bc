import { expect } from '@open-wc/testing';
import {
  ReflectionError,
  PROMPT_SETS,
  canEdit,
  cleanAnswers,
  countReaders,
  draftId,
  entriesToJson,
  entriesToMarkdown,
  isDraft,
  isEntry,
  isLock,
  lockId,
  makeEntry,
  newEntryId,
  REFLECTION_COUNT_MIN,
  addReflectionCount,
  countedId,
  isReflectionCount,
  reflectionCountId,
  validateEntry,
  validatePrompts,
  type ExportEntry,
  type Question,
} from '../../src/domain/reflection.js';
import { SAFE_NAME } from '../../src/storage/adapter.js';

const now = new Date('2026-05-12T09:30:00.000Z');
const questions: Question[] = [
  { id: 'happened', kind: 'text', label: 'What happened?', hint: 'A sentence is plenty.' },
  {
    id: 'pointing',
    kind: 'choice',
    label: 'Pointing to?',
    multiple: true,
    choices: [
      { id: 'big', label: 'An offer too big' },
      { id: 'need', label: 'A need unvoiced' },
    ],
  },
  { id: 'next', kind: 'text', label: 'Next time?' },
];

function thrown(run: () => unknown): ReflectionError {
  try {
    run();
  } catch (error) {
    return error as ReflectionError;
  }
  throw new Error('expected a ReflectionError');
}

describe('reflection rules', () => {
  it('ships a five-step resentment set and a shorter check-in set', () => {
    expect(PROMPT_SETS.resentment.map((q) => q.id)).to.deep.equal([
      'happened',
      'offered',
      'unsaid',
      'pointing',
      'next',
    ]);
    expect(PROMPT_SETS.resentment[3]).to.include({ kind: 'choice', multiple: true });
    expect(PROMPT_SETS['check-in'].length).to.be.lessThan(PROMPT_SETS.resentment.length);
  });

  it('makes an entry with trimmed answers, known choices only, blanks left out', () => {
    const entry = makeEntry(
      {
        postId: 'my-post',
        authorId: 'ana',
        promptSet: 'resentment',
        questions,
        answers: { happened: '  I drove her every week.  ', pointing: ['big', 'made-up'], next: '   ' },
      },
      now,
    );
    expect(entry).to.deep.include({
      postId: 'my-post',
      authorId: 'ana',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      answers: { happened: 'I drove her every week.', pointing: ['big'] },
    });
    expect(entry.questions![0]).to.not.have.property('hint');
    expect(isEntry(entry)).to.equal(true);
  });

  it('keeps the creation time when an entry is changed', () => {
    const first = makeEntry(
      { postId: 'p', authorId: 'a', promptSet: 'x', questions, answers: { next: 'Ask.' } },
      now,
    );
    const later = new Date('2026-05-13T10:00:00.000Z');
    const changed = makeEntry(
      { postId: 'p', authorId: 'a', promptSet: 'x', questions, answers: { next: 'Ask sooner.' } },
      later,
      first,
    );
    expect(changed.createdAt).to.equal(now.toISOString());
    expect(changed.updatedAt).to.equal(later.toISOString());
  });

  it('refuses to make an entry of nothing', () => {
    const error = thrown(() =>
      makeEntry(
        { postId: 'p', authorId: 'a', promptSet: 'x', questions, answers: { happened: ' ', pointing: [] } },
        now,
      ),
    );
    expect(error).to.be.instanceOf(ReflectionError);
    expect(error.code).to.equal('empty');
  });

  it('keeps one pick for a single-choice question', () => {
    const single: Question = { ...questions[1]!, multiple: false };
    expect(cleanAnswers([single], { pointing: ['big', 'need'] })).to.deep.equal({ pointing: ['big'] });
  });

  it('validates stored entries: readable or locked, never both, never neither', () => {
    const base = { postId: 'p', authorId: 'a', createdAt: now.toISOString(), updatedAt: now.toISOString() };
    const locked = { v: 2, key: 'a2V5', iv: 'aXY=', data: 'ZGF0YQ==' };
    expect(isEntry({ ...base, locked })).to.equal(true);
    expect(isEntry({ ...base, questions, answers: {} })).to.equal(true);
    expect(isEntry({ ...base, questions, answers: {}, locked })).to.equal(false);
    expect(isEntry(base)).to.equal(false);
    expect(isEntry({ ...base, createdAt: 'yesterday', locked })).to.equal(false);
    expect(thrown(() => validateEntry({ ...base })).code).to.equal('invalid-entry');
    expect(
      thrown(() => validateEntry({ ...base, answers: { x: 'y'.repeat(20001) }, questions })).code,
    ).to.equal('invalid-entry');
  });

  it('knows the box sealed for a key pair, and a lock keeps its private key only sealed', () => {
    const base = { postId: 'p', authorId: 'a', createdAt: now.toISOString(), updatedAt: now.toISOString() };
    const sealed = { iterations: 1000, salt: 'c2FsdA==', iv: 'aXY=', data: 'ZGF0YQ==' };
    const v2 = { v: 2, key: 'a2V5', iv: 'aXY=', data: 'ZGF0YQ==' };
    expect(isEntry({ ...base, locked: v2 })).to.equal(true);
    expect(
      isDraft({ postId: 'p', authorId: 'a', step: 0, updatedAt: now.toISOString(), locked: v2 }),
    ).to.equal(true);
    expect(isEntry({ ...base, locked: { ...v2, v: 3 } })).to.equal(false);
    expect(isEntry({ ...base, locked: { v: 2, iv: 'aXY=', data: 'ZGF0YQ==' } })).to.equal(false);
    // Words sealed with the passphrase alone are no box an entry or draft may hold.
    expect(isEntry({ ...base, locked: { v: 1, ...sealed } })).to.equal(false);

    const lock = { authorId: 'a', createdAt: now.toISOString(), publicKey: 'cHVibGlj', privateKey: sealed };
    expect(isLock(lock)).to.equal(true);
    // A private key in plain, or sealed for the public key it belongs to, is no lock.
    expect(isLock({ ...lock, privateKey: 'cHJpdmF0ZQ==' })).to.equal(false);
    expect(isLock({ ...lock, privateKey: v2 })).to.equal(false);
    expect(isLock({ ...lock, publicKey: '' })).to.equal(false);
    expect(lockId('ana')).to.match(SAFE_NAME);
  });

  it('validates drafts', () => {
    expect(
      isDraft({ postId: 'p', authorId: 'a', step: 2, updatedAt: now.toISOString(), answers: { a: 'b' } }),
    ).to.equal(true);
    expect(isDraft({ postId: 'p', authorId: 'a', updatedAt: now.toISOString() })).to.equal(false);
  });

  it('checks custom prompts, giving ids where missing', () => {
    const prompts = validatePrompts([
      { label: 'What did I notice?' },
      { label: 'Room?', choices: [{ label: 'Lots' }, { id: 'little', label: 'A little' }] },
    ]);
    expect(prompts[0]).to.include({ id: 'q1', kind: 'text', label: 'What did I notice?' });
    expect(prompts[1]!.kind).to.equal('choice');
    expect(prompts[1]!.choices).to.deep.equal([
      { id: 'c1', label: 'Lots' },
      { id: 'little', label: 'A little' },
    ]);
    expect(thrown(() => validatePrompts([])).code).to.equal('invalid-prompts');
    expect(thrown(() => validatePrompts([{ kind: 'choice', label: 'No choices' }])).code).to.equal(
      'invalid-prompts',
    );
    expect(thrown(() => validatePrompts([{ label: 42 } as never])).code).to.equal('invalid-prompts');
  });

  it('lets only the author change an entry', () => {
    expect(canEdit('ana', { authorId: 'ana' })).to.equal(true);
    expect(canEdit('ben', { authorId: 'ana' })).to.equal(false);
    expect(canEdit('', { authorId: '' })).to.equal(false);
  });

  it('derives storage-safe ids from any post name', () => {
    for (const post of [
      '/blog/2026/05/when helping hurts/',
      'https://example.org/a?b=c#d',
      'x'.repeat(500),
      '',
    ])
      expect(draftId(post)).to.match(SAFE_NAME);
    expect(draftId('my-post')).to.equal('my-post');
    // Reversible: two posts whose names differ only in unsafe characters keep separate drafts.
    expect(draftId('a/b c')).to.match(SAFE_NAME);
    expect(draftId('a/b c')).not.to.equal(draftId('a_b_c'));
    expect(newEntryId(now, 'abc123')).to.equal(`r-${now.getTime().toString(36)}-abc123`);
    expect(newEntryId(new Date(now.getTime() + 1), 'a') > newEntryId(now, 'z')).to.equal(true);
    // A post's count is one record named by the post alone: nothing in it points at a reader.
    expect(reflectionCountId('/blog/post/')).to.equal('~2Fblog~2Fpost~2F');
    expect(reflectionCountId('/blog/post/')).to.match(SAFE_NAME);
    expect(countedId('/blog/post/', 'ana')).to.equal('~2Fblog~2Fpost~2F:ana');
  });

  it('exports Markdown and JSON with every answer', () => {
    const entry: ExportEntry = {
      id: 'r-1',
      postId: 'my-post',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      promptSet: 'resentment',
      questions,
      answers: { happened: 'Line one\r\nline two', pointing: ['big', 'need'] },
    };
    const markdown = entriesToMarkdown([entry], {
      title: 'My reflections',
      heading: (e) => `12 May, on ${e.postId}`,
      skipped: 'Left blank',
    });
    expect(markdown).to.equal(
      '# My reflections\n\n## 12 May, on my-post\n\n**What happened?**\n\nLine one\nline two\n\n' +
        '**Pointing to?**\n\nAn offer too big; A need unvoiced\n\n**Next time?**\n\n_Left blank_\n',
    );
    const json = JSON.parse(entriesToJson([entry], now));
    expect(json).to.deep.equal({
      format: 'tend-reflections',
      version: 1,
      exportedAt: now.toISOString(),
      entries: [entry],
    });
  });

  it('keeps one count per post: a post id and a whole number, nothing else', () => {
    const one = addReflectionCount(undefined, 'my-post');
    expect(one).to.deep.equal({ postId: 'my-post', count: 1 });
    expect(addReflectionCount({ postId: 'my-post', count: 4 }, 'my-post')).to.deep.equal({
      postId: 'my-post',
      count: 5,
    });
    expect(thrown(() => addReflectionCount(one, 'other-post')).code).to.equal('invalid-count');
    expect(isReflectionCount(one)).to.equal(true);
    expect(isReflectionCount({ ...one, author: 'ana' })).to.equal(false);
    expect(isReflectionCount({ ...one, text: 'I was hurt' })).to.equal(false);
    expect(isReflectionCount({ ...one, count: 1.5 })).to.equal(false);
    expect(isReflectionCount({ ...one, count: -1 })).to.equal(false);
    expect(isReflectionCount({ postId: 'my-post', at: now.toISOString() })).to.equal(false);
  });

  it('shows "N readers reflected here" only from REFLECTION_COUNT_MIN readers', () => {
    expect(REFLECTION_COUNT_MIN).to.equal(3);
    expect(countReaders({ postId: 'my-post', count: 1 }, 'my-post')).to.equal(0);
    expect(countReaders({ postId: 'my-post', count: 2 }, 'my-post')).to.equal(0);
    expect(countReaders({ postId: 'my-post', count: 3 }, 'my-post')).to.equal(3);
    expect(countReaders({ postId: 'my-post', count: 40 }, 'my-post')).to.equal(40);
    expect(countReaders({ postId: 'other', count: 40 }, 'my-post')).to.equal(0);
    expect(countReaders(undefined, 'my-post')).to.equal(0);
    expect(countReaders({ postId: 'my-post', count: 40, extra: 1 }, 'my-post')).to.equal(0);
  });
});

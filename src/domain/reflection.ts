/**
 * The rules of a private reflection: the built-in prompt sets, the shape of answers and saved
 * entries (shapes checked by plain functions), who may change an entry, the ask/offer draft composer, the export
 * texts and the post's anonymous reflection count. Pure: no DOM, no I/O; time and randomness come in
 * as parameters so the element, the server and the tests get the same answers.
 */
import {
  boolean,
  check,
  either,
  fits,
  list,
  number,
  object,
  oneOf,
  optional,
  record,
  text,
  time,
  where,
} from './shape.js';
import { recordId } from './record-ids.js';

/** An error of a reflection rule, with a stable code. */
export class ReflectionError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ReflectionError';
    this.code = code;
  }
}

/** Names of the built-in prompt sets. */
export type PromptSetName = 'resentment' | 'check-in';

/** One choice of a choice question. */
export interface Choice {
  id: string;
  label: string;
}

/** One question of a reflection: free text, or choices (one, or several with `multiple`). */
export interface Question {
  id: string;
  kind: 'text' | 'choice';
  label: string;
  hint?: string | undefined;
  choices?: Choice[] | undefined;
  multiple?: boolean | undefined;
}

/** A built-in question before its words are looked up: `label`, `hint` and choice labels come from the messages. */
export interface QuestionShape {
  id: string;
  kind: 'text' | 'choice';
  choices?: string[];
  multiple?: boolean;
}

/**
 * The built-in sets. Each question's words are the messages `q_<id>` (label), `h_<id>` (hint)
 * and `c_<choice>` (choice label).
 */
export const PROMPT_SETS: Record<PromptSetName, QuestionShape[]> = {
  resentment: [
    { id: 'happened', kind: 'text' },
    { id: 'offered', kind: 'text' },
    { id: 'unsaid', kind: 'text' },
    {
      id: 'pointing',
      kind: 'choice',
      multiple: true,
      choices: ['offer-too-big', 'need-unvoiced', 'limit-unnamed', 'something-else'],
    },
    { id: 'next', kind: 'text' },
  ],
  'check-in': [
    { id: 'noticed', kind: 'text' },
    { id: 'room', kind: 'choice', choices: ['room-plenty', 'room-some', 'room-little'] },
    { id: 'ask', kind: 'text' },
  ],
};

/** True for the name of a built-in set. */
export function isPromptSetName(name: unknown): name is PromptSetName {
  return name === 'resentment' || name === 'check-in';
}

/** An answer: the text typed, or the ids of the choices picked. */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

/** What a reader wrote, with the questions as they were asked (so an entry reads the same later). */
export interface ReflectionContent {
  /** `resentment`, `check-in` or `custom`. */
  promptSet: string;
  questions: Question[];
  answers: Answers;
}

/**
 * A sealed value: sealed for the lock's public key (ECDH P-256 with a fresh key `key` per
 * value, HKDF-SHA-256, AES-GCM), so it can be written while the lock is closed and read only
 * with the private key, which only the passphrase opens. Base64 fields, never the passphrase.
 */
export interface LockedBox {
  /** The format: 2, a box sealed for a key pair. */
  v: 2;
  /** The one-off public key this value was sealed with (raw P-256 point). */
  key: string;
  iv: string;
  data: string;
}

/** A lock's private key sealed with a key made from the passphrase (PBKDF2-SHA-256, `salt`, `iterations`; AES-GCM). */
export interface PassphraseBox {
  iterations: number;
  salt: string;
  iv: string;
  data: string;
}

/**
 * The value of a record in `reflection-locks` (id = {@link lockId} of the reader), kept in the
 * reader's browser only. In plain: the public key, which can only seal. The private key, which
 * opens, is kept only sealed with the passphrase.
 */
export interface ReflectionLock {
  authorId: string;
  createdAt: string;
  /** The lock's public key (raw P-256 point, base64). */
  publicKey: string;
  /** The lock's private key (PKCS #8, base64), sealed with the passphrase. */
  privateKey: PassphraseBox;
}

/**
 * The value of a record in collection `reflections` (id = entry id). A locked entry keeps only
 * what is needed to list it (post, author, dates) and `locked`; its questions and answers live
 * inside the ciphertext.
 */
export interface ReflectionEntry extends Partial<ReflectionContent> {
  postId: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  locked?: LockedBox;
}

/** The value of a record in `reflection-drafts` (id = {@link draftId} of the post). */
export interface ReflectionDraft extends Partial<Pick<ReflectionContent, 'promptSet' | 'answers'>> {
  postId: string;
  authorId: string;
  step: number;
  /** The entry being changed, when the draft edits a saved one. */
  editing?: string | undefined;
  updatedAt: string;
  locked?: LockedBox;
}

/**
 * The value of the one record per post in `reflection-counts` (id = {@link reflectionCountId}):
 * how many readers added their count. Written by the store's `count` operation only (a
 * tend-server counts each person once and keeps no person id); nothing a reader wrote.
 */
export interface ReflectionCount {
  postId: string;
  count: number;
}

/** Below this many counts "N readers reflected here" is not shown, so a figure never points at one or two people. */
export const REFLECTION_COUNT_MIN = 3;

/**
 * Kept in the reader's own browser (collection `reflection-counted`, id = {@link countedId}):
 * this reader already added their count for this post, so it is not offered again.
 */
export interface ReflectionCounted {
  postId: string;
  authorId: string;
}

/** Longest answer kept (characters): a long letter fits; a pasted book does not. */
export const MAX_ANSWER = 20000;
const MAX_NAME = 500;

const Name = text(MAX_NAME);
const Id = text(MAX_NAME, 1);

const QuestionSchema = object({
  id: Id,
  kind: oneOf(['text', 'choice']),
  label: text(2000),
  hint: optional(text(2000)),
  choices: optional(list(object({ id: Name, label: Name }))),
  multiple: optional(boolean),
});

const AnswersSchema = record(Name, either(text(MAX_ANSWER), list(Name)));

const LockedBoxSchema = object({
  v: oneOf([2]),
  key: text(Infinity),
  iv: text(Infinity),
  data: text(Infinity),
});

const ReflectionLockSchema = object({
  authorId: Id,
  createdAt: time,
  publicKey: text(Infinity, 1),
  privateKey: object({ iterations: number, salt: text(Infinity), iv: text(Infinity), data: text(Infinity) }),
});

const ReflectionEntrySchema = where(
  object({
    postId: Id,
    authorId: Id,
    createdAt: time,
    updatedAt: time,
    promptSet: optional(Name),
    questions: optional(list(QuestionSchema)),
    answers: optional(AnswersSchema),
    locked: optional(LockedBoxSchema),
  }),
  (e) => !!e.locked !== !!(e.questions && e.answers),
  'an entry is either locked or readable',
);

const ReflectionDraftSchema = object({
  postId: Name,
  authorId: Name,
  step: number,
  editing: optional(Name),
  updatedAt: time,
  promptSet: optional(Name),
  answers: optional(AnswersSchema),
  locked: optional(LockedBoxSchema),
});

/** Checks a stored entry; throws a `ReflectionError` (`invalid-entry`) saying what is wrong. */
export function validateEntry(value: unknown): ReflectionEntry {
  const result = check(ReflectionEntrySchema, value);
  if (!result.ok) throw new ReflectionError('invalid-entry', result.message);
  return result.value as ReflectionEntry;
}

export const isEntry = (value: unknown): value is ReflectionEntry => fits(ReflectionEntrySchema, value);
export const isDraft = (value: unknown): value is ReflectionDraft => fits(ReflectionDraftSchema, value);
export const isLock = (value: unknown): value is ReflectionLock => fits(ReflectionLockSchema, value);
/** A post's count holds exactly a post id and a whole number: anything more is refused. */
/** A count record holds exactly `{ postId, count }`: nothing else, about anyone. */
export function isReflectionCount(value: unknown): value is ReflectionCount {
  const { postId, count, ...rest } = (value ?? {}) as Partial<ReflectionCount>;
  return isName(postId) && Number.isSafeInteger(count) && count! >= 0 && Object.keys(rest).length === 0;
}
const isName = (text: unknown): text is string =>
  typeof text === 'string' && text.length > 0 && text.length <= MAX_NAME;
/** "I added my count for this post", kept in the reader's own browser. */
export const isCounted = (value: unknown): value is ReflectionCounted =>
  isName((value as Partial<ReflectionCounted> | null)?.postId) &&
  isName((value as Partial<ReflectionCounted>).authorId);

/**
 * Checks a custom question list (the element's `prompts` property). Questions without an id get
 * `q1`, `q2`…; choices without an id get `c1`, `c2`…. Throws a `ReflectionError` (`invalid-prompts`).
 */
export function validatePrompts(value: unknown): Question[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new ReflectionError('invalid-prompts', 'prompts must be a non-empty list of questions');
  return value.map((raw: Partial<Question>, i) => {
    const question = {
      ...raw,
      id: raw?.id || `q${i + 1}`,
      kind: raw?.kind ?? (raw?.choices?.length ? 'choice' : 'text'),
      choices: raw?.choices?.map((c, j) => ({ id: c?.id || `c${j + 1}`, label: c?.label })),
    };
    const result = check(QuestionSchema, question);
    if (!result.ok || (question.kind === 'choice' && !question.choices?.length))
      throw new ReflectionError(
        'invalid-prompts',
        `question ${i + 1} needs a label (and choices, for a choice question)`,
      );
    return result.value as Question;
  });
}

/** Only the author changes, reads or deletes their entry. */
export function canEdit(actorId: string, entry: Pick<ReflectionEntry, 'authorId'>): boolean {
  return !!actorId && entry.authorId === actorId;
}

/** The id of a post's draft in `reflection-drafts` (see {@link recordId}). */
export const draftId = (postId: string): string => recordId(postId);

/** The id of a reader's lock in `reflection-locks` (one lock per reader, in their own browser). */
export const lockId = (authorId: string): string => recordId(authorId);

/** A new entry id, sortable by time: `r-<time>-<random>`. `random` is any short random text. */
export function newEntryId(now: Date, random: string): string {
  return recordId(`r-${now.getTime().toString(36)}-${random}`);
}

/** The id of a post's one count record in `reflection-counts`: the post alone, nothing of any reader. */
export const reflectionCountId = (postId: string): string => recordId(postId);

/** The id of "I added my count for this post" in the reader's own browser (never shared). */
export const countedId = (postId: string, authorId: string): string => recordId(postId, authorId);

/** True when an answer holds words or picks. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value?.trim();
}

/** The answers worth keeping: trimmed text, known choices only, blanks left out. */
export function cleanAnswers(questions: Question[], answers: Answers): Answers {
  const clean: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (q.kind === 'choice') {
      const known = (Array.isArray(value) ? value : []).filter((id) => q.choices?.some((c) => c.id === id));
      if (known.length) clean[q.id] = q.multiple ? known : known.slice(0, 1);
    } else if (typeof value === 'string' && value.trim()) clean[q.id] = value.trim().slice(0, MAX_ANSWER);
  }
  return clean;
}

/**
 * Makes the value of a saved entry from a finished reflection. `previous` keeps its creation
 * time when an entry is edited. Throws a `ReflectionError` (`empty`) when nothing was written.
 */
export function makeEntry(
  input: { postId: string; authorId: string; promptSet: string; questions: Question[]; answers: Answers },
  now: Date,
  previous?: Pick<ReflectionEntry, 'createdAt'>,
): ReflectionEntry {
  const answers = cleanAnswers(input.questions, input.answers);
  if (!Object.keys(answers).length) throw new ReflectionError('empty', 'there is nothing to save yet');
  const questions = input.questions.map(({ hint: _hint, ...q }) => q);
  const at = now.toISOString();
  return validateEntry({
    postId: input.postId,
    authorId: input.authorId,
    promptSet: input.promptSet,
    questions,
    answers,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  });
}

/** The readable part of an entry (for sealing it with the lock). */
export function contentOf(entry: ReflectionEntry): ReflectionContent {
  return {
    promptSet: entry.promptSet ?? 'custom',
    questions: entry.questions ?? [],
    answers: entry.answers ?? {},
  };
}

/** The words of an answer: its text, or the labels of its picked choices joined with `; `. */
export function answerText(question: Question, value: AnswerValue | undefined): string {
  if (Array.isArray(value))
    return value.map((id) => question.choices?.find((c) => c.id === id)?.label ?? id).join('; ');
  return value ?? '';
}

/**
 * Composes a short draft from clauses, e.g. an ask ("When …, I felt …, because I need ….
 * Would you be willing to …?") or an offer ("I can … on …, not more than …."). Each sentence is
 * a list of `[template, value]`; `{}` in a template is replaced by the value, trimmed of its own
 * end punctuation; clauses with empty values are left out; leading separators are dropped, the
 * first letter (after any `¿`) capitalised and a full stop added unless the sentence ends with `?`, `!` or `.`.
 */
export function composeDraft(sentences: [template: string, value: string][][]): string {
  return sentences
    .map((clauses) => {
      const text = clauses
        .map(([template, value]) => {
          const part = value.trim().replace(/[\s.,;:!?]+$/u, '');
          return part ? template.replace('{}', part) : '';
        })
        .join('')
        .replace(/^[\s,;:]+/u, '')
        .trim();
      if (!text) return '';
      const sentence = text.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase());
      return /[.?!]$/u.test(sentence) ? sentence : `${sentence}.`;
    })
    .filter(Boolean)
    .join(' ');
}

/** A readable entry to export, with its id. */
export interface ExportEntry extends ReflectionContent {
  id: string;
  postId: string;
  createdAt: string;
  updatedAt: string;
}

/** Words for the Markdown export, in the reader's language. */
export interface MarkdownWords {
  title: string;
  /** The heading of one entry, e.g. "12 May 2026 — on my-post". */
  heading: (entry: ExportEntry) => string;
  skipped: string;
}

/** The reader's reflections as a Markdown document. */
export function entriesToMarkdown(entries: ExportEntry[], words: MarkdownWords): string {
  const parts = [`# ${words.title}`];
  for (const entry of entries) {
    parts.push(`## ${words.heading(entry)}`);
    for (const q of entry.questions) {
      const answer = answerText(q, entry.answers[q.id]);
      parts.push(`**${q.label}**`, answer ? answer.replace(/\r\n?/g, '\n') : `_${words.skipped}_`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** The reader's reflections as JSON (format `tend-reflections`, version 1). */
export function entriesToJson(entries: ExportEntry[], now: Date): string {
  return `${JSON.stringify({ format: 'tend-reflections', version: 1, exportedAt: now.toISOString(), entries }, null, 2)}\n`;
}

/**
 * The `count` operation applied to a post's count (what a store without its own rules does; a
 * tend-server does the same once per person). A value of another post is refused.
 */
export function addReflectionCount(current: ReflectionCount | undefined, postId: string): ReflectionCount {
  if (current && current.postId !== postId)
    throw new ReflectionError('invalid-count', 'this count belongs to another post');
  return { postId, count: (current?.count ?? 0) + 1 };
}

/** "N readers reflected here": the figure to show for a post, or 0 while fewer than {@link REFLECTION_COUNT_MIN}. */
export function countReaders(value: unknown, postId: string): number {
  if (!isReflectionCount(value) || value.postId !== postId) return 0;
  return value.count >= REFLECTION_COUNT_MIN ? value.count : 0;
}

/**
 * The reflection's questions, for `<tend-reflection-prompt>`: one step at a time with progress
 * (or, with `layout="list"`, all on one page), Back / Skip / Next, and Save at the end.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isAnswered, type AnswerValue, type Answers, type Question } from '../../domain/reflection.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

/** What the steps show, and where the reader's answers and moves go. */
export interface StepsView {
  t: ReflectionMessages;
  layout: 'steps' | 'list';
  questions: Question[];
  step: number;
  answers: Answers;
  /** Changing a saved reflection (Save changes) rather than writing a new one. */
  editing: boolean;
  /** The opt-in to the anonymous count, when it is offered: ticked, or already added. */
  share?: { ticked: boolean; added: boolean } | undefined;
  /** A kind word under the question ("your draft was kept", "nothing to save yet"). */
  note: string;
  answer(id: string, value: AnswerValue): void;
  optIn(ticked: boolean): void;
  go(step: number): void;
  finish(): void;
}

function renderQuestion(view: StepsView, q: Question, index: number): TemplateResult {
  const value = view.answers[q.id];
  const id = `q${index}`;
  const hint = q.hint ? html`<p class="hint" id="${id}-hint">${q.hint}</p>` : nothing;
  const described = q.hint ? `${id}-hint` : nothing;
  if (q.kind === 'choice') {
    const picked = Array.isArray(value) ? value : [];
    const pick = (choice: string, checked: boolean) => {
      const others = picked.filter((c) => c !== choice);
      view.answer(q.id, !q.multiple ? [choice] : checked ? [...others, choice] : others);
    };
    return html`<fieldset part="question" aria-describedby=${described}>
      <legend><h3 tabindex="-1">${q.label}</h3></legend>
      ${hint}
      ${q.choices!.map(
        (c) =>
          html`<label class="choice"
            ><input
              type=${q.multiple ? 'checkbox' : 'radio'}
              name=${id}
              .checked=${picked.includes(c.id)}
              @change=${(e: Event) => pick(c.id, (e.target as HTMLInputElement).checked)}
            />${c.label}</label
          >`,
      )}
    </fieldset>`;
  }
  return html`<div part="question">
    <h3 tabindex="-1"><label for=${id}>${q.label}</label></h3>
    ${hint}
    <textarea
      id=${id}
      aria-describedby=${described}
      .value=${typeof value === 'string' ? value : ''}
      @input=${(e: Event) => view.answer(q.id, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

export function renderSteps(view: StepsView): TemplateResult {
  const { t, layout, questions } = view;
  const total = questions.length;
  const step = Math.min(view.step, total - 1);
  const last = layout === 'list' || step === total - 1;
  const q = questions[step]!;
  const answered = isAnswered(view.answers[q.id]);
  const share = view.share;
  return html`<div part="step" class=${layout}>
    ${
      layout === 'list'
        ? questions.map((question, i) => renderQuestion(view, question, i))
        : html`<p part="progress">${t.progress(step + 1, total)}</p>
            ${renderQuestion(view, q, step)}`
    }
    ${
      last && share
        ? html`<label class="choice"
            ><input
              type="checkbox"
              .checked=${share.added || share.ticked}
              ?disabled=${share.added}
              @change=${(e: Event) => view.optIn((e.target as HTMLInputElement).checked)}
            />${share.added ? t.shareCounted : t.shareOptIn}</label
          >`
        : nothing
    }
    ${view.note ? html`<p class="muted" role="status">${view.note}</p>` : nothing}
    <div part="actions">
      ${layout === 'steps' && step > 0 ? html`<button @click=${() => view.go(step - 1)}>${t.back}</button>` : nothing}
      ${
        !last && !answered
          ? html`<button class="end" @click=${() => view.go(step + 1)}>${t.skip}</button>`
          : nothing
      }
      ${
        last
          ? html`<button class="primary end" @click=${() => view.finish()}>
              ${view.editing ? t.saveChanges : t.finish}
            </button>`
          : html`<button class="primary ${answered ? 'end' : ''}" @click=${() => view.go(step + 1)}>
              ${t.next}
            </button>`
      }
    </div>
  </div>`;
}

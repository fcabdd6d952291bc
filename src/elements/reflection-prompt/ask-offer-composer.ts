/**
 * After a reflection is saved, `<tend-reflection-prompt>` offers to turn it into an honest ask or
 * a right-sized offer: a draft that starts from the reader's own words in the reflection, kept as
 * they wrote them (never fitted into a template sentence), the shape of a good ask and of a good
 * offer as its hint, and a button to copy it. Nothing is stored or sent; the draft is only for the
 * reader to use as they like.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Answers } from '../../domain/reflection.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

/**
 * What the reader already said they could offer, ask or say next time, in their own words: the
 * last step of `resentment` (else what they needed and didn't say), the ask of `check-in`.
 * Custom questions say nothing about meaning, so the composer starts empty for them.
 */
export function ownWords(promptSet: string, answers: Answers | undefined): string {
  // These built-in questions are text questions: their answers are text, already trimmed.
  const words = (id: string) => (answers?.[id] as string | undefined) ?? '';
  return promptSet === 'resentment'
    ? words('next') || words('unsaid')
    : promptSet === 'check-in'
      ? words('ask')
      : '';
}

export class AskOfferComposer {
  #host: ReactiveControllerHost;
  #say: (text: string) => void;
  /** The draft: the reader's own words, as they change them. */
  #draft = '';
  /** "Copied", or how to copy by hand. */
  #note = '';

  /** `say` announces a finished action ("Copied.") once, through the element's live region. */
  constructor(host: ReactiveControllerHost, say: (text: string) => void) {
    this.#host = host;
    this.#say = say;
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  /** Starts over for a newly saved reflection, with the reader's own words from it (if any). */
  start(words: string): void {
    this.#set(() => {
      this.#draft = words;
      this.#note = '';
    });
  }

  async #copy(text: string, t: ReflectionMessages): Promise<void> {
    let note = t.copied;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      note = t.copyFailed;
    }
    this.#set(() => (this.#note = note));
    this.#say(note);
  }

  render(t: ReflectionMessages): TemplateResult {
    return html`<div part="composer">
      <h3>${t.composerTitle}</h3>
      <div class="field">
        <label for="draft">${t.draftLabel}</label>
        <p class="hint" id="draft-hint">${t.draftShape}</p>
        <textarea
          id="draft"
          aria-describedby="draft-hint draft-note"
          .value=${this.#draft}
          @input=${(e: Event) => this.#set(() => (this.#draft = (e.target as HTMLTextAreaElement).value))}
        ></textarea>
      </div>
      <p class="muted" id="draft-note">${t.draftNote}</p>
      <div part="actions">
        <button ?disabled=${!this.#draft.trim()} @click=${() => this.#copy(this.#draft, t)}>${t.copy}</button>
        <span>${this.#note}</span>
      </div>
    </div>`;
  }
}

/**
 * The questions `<tend-reflection-prompt>` asks: the `prompts` property, else questions written
 * as plain HTML children (watched as the page changes them), else a built-in set in the reader's
 * language. A reflection being changed keeps the questions it was written with.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  PROMPT_SETS,
  isPromptSetName,
  validatePrompts,
  type PromptSetName,
  type Question,
  type ReflectionContent,
} from '../../domain/reflection.js';

/** Questions and the name they are saved under: a built-in set's, or `custom`. */
export interface QuestionSet {
  name: string;
  questions: Question[];
}

/** The element: its `prompts` and `prompt-set`, and its children. */
type Host = ReactiveControllerHost &
  HTMLElement & { readonly prompts?: Partial<Question>[] | undefined; readonly promptSet: string };

export interface QuestionsOptions {
  /** The words in force; built-in questions are `q_<id>`, `h_<id>` and `c_<choice>`. */
  words: () => object;
  /** The content of the reflection being changed, if any. */
  editing: () => ReflectionContent | undefined;
}

/** Says in the console why the page's questions were not used. */
const badQuestions = (error: unknown): void =>
  console.error(`tend: <tend-reflection-prompt> ${(error as Error).message}; using the built-in questions.`);

/** Reads questions written as plain HTML children (see the element's documentation). */
function questionsFromChildren(host: HTMLElement): Question[] {
  return [...host.querySelectorAll(':scope > [data-question]')].map((el, i) => {
    const items = [...el.querySelectorAll(':scope > li, :scope > option')];
    const id = el.getAttribute('data-question') || `q${i + 1}`;
    const hint = el.getAttribute('data-hint') ?? undefined;
    if (!items.length) return { id, kind: 'text', label: el.textContent!.trim(), hint };
    return {
      id,
      kind: 'choice',
      label: el.getAttribute('data-label') ?? '',
      hint,
      multiple: el.hasAttribute('data-multiple'),
      choices: items.map((item, j) => ({
        id: item.getAttribute('data-choice') || item.getAttribute('value') || `c${j + 1}`,
        label: item.textContent!.trim(),
      })),
    };
  });
}

export class QuestionsController implements ReactiveController {
  readonly #host: Host;
  readonly #o: QuestionsOptions;
  #html: Question[] = [];
  readonly #children = new MutationObserver(() => this.#read());

  constructor(host: Host, options: QuestionsOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#read();
    this.#children.observe(this.#host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ['data-question', 'data-label', 'data-hint', 'data-multiple', 'data-choice', 'value'],
    });
  }

  hostDisconnected(): void {
    this.#children.disconnect();
  }

  #read(): void {
    try {
      const found = questionsFromChildren(this.#host);
      this.#html = found.length ? validatePrompts(found) : [];
    } catch (error) {
      badQuestions(error);
      this.#html = [];
    }
    this.#host.requestUpdate();
  }

  /** The questions of the reflection being written (a changed reflection keeps its own questions). */
  get current(): QuestionSet {
    const content = this.#o.editing();
    if (!content) return this.#inForce;
    return {
      name: content.promptSet,
      questions: isPromptSetName(content.promptSet) ? this.#builtIn(content.promptSet) : content.questions,
    };
  }

  /** The questions in force: `prompts`, else HTML children, else the built-in set in the reader's language. */
  get #inForce(): QuestionSet {
    const prompts = this.#host.prompts;
    if (prompts?.length) {
      try {
        return { name: 'custom', questions: validatePrompts(prompts) };
      } catch (error) {
        badQuestions(error);
      }
    }
    if (this.#html.length) return { name: 'custom', questions: this.#html };
    const set = this.#host.promptSet;
    const name = isPromptSetName(set) ? set : 'resentment';
    return { name, questions: this.#builtIn(name) };
  }

  #builtIn(name: PromptSetName): Question[] {
    const words = this.#o.words() as Record<string, string | undefined>;
    return PROMPT_SETS[name].map((shape) => ({
      id: shape.id,
      kind: shape.kind,
      label: words[`q_${shape.id}`] ?? shape.id,
      hint: words[`h_${shape.id}`],
      multiple: shape.multiple,
      choices: shape.choices?.map((id) => ({ id, label: words[`c_${id}`] ?? id })),
    }));
  }
}

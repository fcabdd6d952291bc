/**
 * The one polite live region of an element: every completed action ("Saved", "You're signed up
 * for Tuesday") is said once by screen readers, without moving focus. Each announcement replaces
 * the region's child node, so the same words said twice are read twice.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

export class Announcer {
  #text = '';
  #count = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Says `text` once. */
  announce(text: string): void {
    this.#text = text;
    this.#count += 1;
    this.host.requestUpdate();
  }

  /** The words last announced (for tests and for elements that also show them). */
  get text(): string {
    return this.#text;
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${keyed(this.#count, html`<span>${this.#text}</span>`)}
    </div>`;
  }
}

/**
 * The one line every element shows about its storage: where records live, writes waiting, and
 * any problem, said plainly. A problem is announced politely to screen readers.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LocalizeController, type LocalizedHost } from '../../i18n/localize.js';
import { storageEn, type StorageMessages } from '../../i18n/storage-messages.js';
import type { AdapterStatus } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';

/** The words for a storage problem. */
export function problemText(t: StorageMessages, error: StorageError): string {
  switch (error.code) {
    case 'quota':
      return t.problemQuota;
    case 'unavailable':
      return t.problemUnavailable;
    case 'offline':
      return t.problemOffline;
    case 'conflict':
      return t.problemConflict;
    case 'forbidden':
      return t.problemRights;
    case 'unauthorized':
      return t.problemSignIn;
    case 'rate-limited':
      return t.problemBusy;
    case 'not-synced':
      return t.problemNotSynced;
    default:
      return t.problemOther;
  }
}

/** Renders the storage line for an element; create one per element. */
export class StorageNotice {
  readonly #localize: LocalizeController<StorageMessages>;

  constructor(host: LocalizedHost & ReactiveControllerHost) {
    this.#localize = new LocalizeController(host, 'tend-storage', storageEn);
  }

  /** The words for a problem, for elements that show it beside the control that failed. */
  problem(error: StorageError): string {
    return problemText(this.#localize.t, error);
  }

  render(
    status: AdapterStatus,
    options: { writeError?: StorageError | undefined; saving?: boolean } = {},
  ): TemplateResult {
    const t = this.#localize.t;
    const where =
      status.location === 'opening'
        ? t.opening
        : status.shared
          ? t.savedShared
          : status.persistent
            ? t.savedInBrowser
            : t.savedInMemory;
    const problem = options.writeError ?? status.problem;
    return html`<div class="storage-notice" part="storage-notice">
      <p class="where">
        ${where}${status.pending > 0 ? html` ${t.waiting(status.pending, this.#localize.lang)}` : ''}
      </p>
      <p class="problem" role="status" aria-live="polite">
        ${problem ? problemText(t, problem) : options.saving ? t.saving : ''}
      </p>
    </div>`;
  }
}

/**
 * Carries record changes between adapter instances that share one store: within a page
 * (`LocalChangeHub`) or across tabs of one origin (`BroadcastChangeHub`).
 */
import type { RecordChange } from './adapter.js';

/** A change, labelled with its community so one channel can carry every community's changes. */
export interface ChangeMessage extends RecordChange {
  community: string;
}

export interface ChangeHub {
  /** Delivers to every listener, including this hub's own. */
  publish(message: ChangeMessage): void;
  subscribe(listener: (message: ChangeMessage) => void): () => void;
  close(): void;
}

/** Listeners in this page only. */
export class LocalChangeHub implements ChangeHub {
  readonly #listeners = new Set<(message: ChangeMessage) => void>();

  publish(message: ChangeMessage): void {
    for (const listener of [...this.#listeners]) listener(message);
  }

  subscribe(listener: (message: ChangeMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#listeners.clear();
  }
}

/** This page's listeners plus every other tab (and every other hub in this page) on the same channel name. */
export class BroadcastChangeHub extends LocalChangeHub {
  readonly #channel: BroadcastChannel | undefined;

  constructor(name: string) {
    super();
    // BroadcastChannel is missing in some embedded web views; changes then stay in this page.
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (this.#channel)
      this.#channel.onmessage = (event: MessageEvent<ChangeMessage>) => super.publish(event.data);
  }

  override publish(message: ChangeMessage): void {
    this.#channel?.postMessage(message);
    super.publish(message);
  }

  override close(): void {
    this.#channel?.close();
    super.close();
  }
}

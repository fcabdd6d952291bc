/**
 * The reader's saved reflections, for `<tend-reflection-prompt>`: theirs only (the identity in
 * force), newest first, kept in this browser; deleting them; downloading them as Markdown or JSON.
 */
import type { ReactiveControllerHost } from 'lit';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  entriesToJson,
  entriesToMarkdown,
  isEntry,
  type ExportEntry,
  type ReflectionContent,
  type ReflectionEntry,
} from '../../domain/reflection.js';
import type { StoredRecord } from '../../storage/adapter.js';
import type { PrivateStorage } from './private-storage.js';

export type Entry = StoredRecord<ReflectionEntry>;

/** Words and formats of a Markdown download. */
export interface ExportWords {
  title: string;
  skipped: string;
  heading: (entry: ExportEntry) => string;
}

export class ReflectionEntries {
  readonly records: RecordsController<ReflectionEntry>;
  readonly #o: PrivateStorage;

  constructor(host: ReactiveControllerHost, options: PrivateStorage) {
    this.#o = options;
    this.records = new RecordsController<ReflectionEntry>(host, {
      adapter: options.adapter,
      collection: () => 'reflections',
      accept: isEntry,
    });
  }

  /** The reader's own entries (the identity in force), newest first. */
  get mine(): Entry[] {
    const me = this.#o.author();
    return this.records.records
      .filter((r) => r.value.authorId === me)
      .sort((a, b) => (a.value.createdAt < b.value.createdAt ? 1 : -1));
  }

  /** Deletes entries one by one, stopping at the first that fails; answers the ids deleted. */
  async remove(records: Entry[]): Promise<string[]> {
    const ids: string[] = [];
    for (const record of records) {
      if (!(await this.#o.write(() => this.records.remove(record.id).then(() => true)))) break;
      ids.push(record.id);
    }
    return ids;
  }

  /**
   * Downloads every entry of the reader that can be read (`content` answers undefined for one
   * still sealed), as `reflections.md` or `reflections.json`; the link is made inside `where`.
   */
  download(
    kind: 'md' | 'json',
    content: (record: Entry) => ReflectionContent | undefined,
    words: ExportWords,
    now: Date,
    where: ParentNode,
  ): void {
    const entries: ExportEntry[] = [];
    for (const record of this.mine) {
      const readable = content(record);
      if (!readable) continue;
      const { postId, createdAt, updatedAt } = record.value;
      entries.push({ id: record.id, postId, createdAt, updatedAt, ...readable });
    }
    const text = kind === 'md' ? entriesToMarkdown(entries, words) : entriesToJson(entries, now);
    const url = URL.createObjectURL(
      new Blob([text], { type: kind === 'md' ? 'text/markdown' : 'application/json' }),
    );
    const link = Object.assign(document.createElement('a'), { href: url, download: `reflections.${kind}` });
    where.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

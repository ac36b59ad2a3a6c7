// The in-memory state shared by index maintenance (search-index.ts) and query execution
// (execute-search.ts).

import type { DocColumns } from './doc-columns.ts';
import type { SearchDoc } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Entry {
  readonly doc: SearchDoc;
  /** bit i = COUNTIES[i]; 0 = the whole prefecture */
  readonly countyMask: number;
  readonly unitKey: string;
  readonly lenTitle: number;
  readonly lenTags: number;
  readonly lenBody: number;
  readonly terms: Int32Array;
  readonly tfs: Uint32Array;
  /** normalised title, its full pinyin and initials (title bonus for Chinese and pinyin queries) */
  readonly titleNorm: string;
  readonly titlePinyin: string;
  readonly titleInitials: string;
}

export interface IndexState {
  readonly vocab: Vocabulary;
  readonly entries: Array<Entry | undefined>;
  readonly columns: DocColumns;
  live: number;
  /** bumped on every add/remove (invalidates cached filter results) */
  generation: number;
  sumTitle: number;
  sumTags: number;
  sumBody: number;
}

// Public surface of the knowledge-base search engine.
export { Analyzer, normalizeText, sharedAnalyzer } from './analyzer.ts';
export { COUNTIES, type County, findCounty } from './ganzi-places.ts';
export { type IndexSnapshot, SearchIndex, SnapshotMismatchError } from './search-index.ts';
export { DEFAULT_SYNONYMS, type SynonymGroups, Synonyms } from './synonyms.ts';
export * from './types.ts';

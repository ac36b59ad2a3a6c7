// jieba tokenizer for 并单 (duplicate detection), loaded once on first use.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Tokenize } from './domain/duplicates.ts';

let jieba: Jieba | undefined;

export const tokenizeChinese: Tokenize = (text) => {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, false);
};

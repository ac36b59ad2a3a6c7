import type { Redis } from 'ioredis';
import type { AcdConfigInput } from '../config.ts';
import type { Acd } from './acd.ts';
export interface CreateAcdOptions {
  redis: Redis;
  prefix?: string;
  config?: AcdConfigInput;
  clock?: () => number;
}
export function createAcd(_o: CreateAcdOptions): Acd {
  throw new Error('not implemented yet');
}

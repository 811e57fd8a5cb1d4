// The `[inc_level]` keys: one per audit code that has a level key (docs/audit.md), taken from
// the audit code catalogue so the two never disagree. Ordered by code number (`inception show levels` order).

import { levelKeyedCodes } from '../codes/catalogue.js';

export type Level = 0 | 1 | 2;

export interface LevelKeyDef {
  key: string;
  code: number;
  defaultLevel: Level;
  /** en-US message template. */
  en: string;
  /** zh-CN message template, when the code has one. */
  zh?: string;
}

export const LEVEL_KEYS: readonly LevelKeyDef[] = levelKeyedCodes()
  .map((c) => ({ key: c.levelKey as string, code: c.code, defaultLevel: c.defaultLevel, en: c.en, zh: c.zh }))
  .sort((a, b) => a.code - b.code);

const BY_KEY = new Map(LEVEL_KEYS.map((d) => [d.key, d]));

/** The level key definition for a name written in any case, or undefined. */
export function findLevelKey(name: string): LevelKeyDef | undefined {
  return BY_KEY.get(name.toLowerCase());
}

/** Every level key with its compiled default, in code order. */
export function defaultLevels(): Record<string, Level> {
  const out: Record<string, Level> = {};
  for (const d of LEVEL_KEYS) out[d.key] = d.defaultLevel;
  return out;
}

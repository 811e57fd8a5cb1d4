// The shape of one audit code, goInception's (catalogue.ts) or inceptor's own (peer-codes.ts); a leaf, so both
// tables can use it without importing each other.

export type CodeLevel = 0 | 1 | 2;

export interface CodeDef {
  code: number;
  name: string;
  /** `[inc_level]` / `inception show levels` key; null for codes without one (they always use `defaultLevel`). */
  levelKey: string | null;
  defaultLevel: CodeLevel;
  /** en-US template (Go fmt verbs). */
  en: string;
  /** zh-CN template, where one is known. */
  zh?: string;
}

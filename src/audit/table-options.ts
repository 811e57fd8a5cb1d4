// Which CREATE TABLE options a table-option rule reads (ENGINE, CHARSET, COLLATE, AUTO_INCREMENT), by the
// lower-cased keyword as written.
import type { CreateTableShape } from '../sql/ast.js';

const KEYS = {
  engine: ['engine', 'type'],
  charset: ['charset', 'default charset', 'character set', 'default character set'],
  collation: ['collate', 'default collate'],
  autoIncrement: ['auto_increment'],
} as const;

export function tableOption(shape: CreateTableShape, option: keyof typeof KEYS): string | undefined {
  for (const key of KEYS[option]) {
    const value = shape.options.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

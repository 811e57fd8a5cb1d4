// TimeZone (docs/binlog.md, "Values"): offsets from the server's rules or Intl, and the ambiguous local times of
// the hour a DST fall-back repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimeZone } from '../../../../src/backup/rollback/literal.js';

const at = (iso: string) => Date.parse(iso) / 1000;

/** New York 2024 as a server would report it: EST, EDT from 2024-03-10 07:00Z, EST from 2024-11-03 06:00Z. */
const NEW_YORK_2024 = { initial: -18000, transitions: [at('2024-03-10T07:00:00Z'), at('2024-11-03T06:00:00Z')], offsets: [-14400, -18000] };

for (const [label, zone] of [
  ['server rules', new TimeZone('SYSTEM', NEW_YORK_2024)],
  ['Intl', new TimeZone('America/New_York')],
] as const) {
  test(`${label}: local text in both periods and across the transitions`, () => {
    assert.equal(zone.localText(at('2024-01-15T12:00:00Z'), 0, 0), '2024-01-15 07:00:00');
    assert.equal(zone.localText(at('2024-07-15T12:00:00Z'), 250000, 3), '2024-07-15 08:00:00.250');
    assert.equal(zone.localText(at('2024-03-10T06:59:59Z'), 0, 0), '2024-03-10 01:59:59');
    assert.equal(zone.localText(at('2024-03-10T07:00:00Z'), 0, 0), '2024-03-10 03:00:00');
    assert.equal(zone.localText(at('2024-11-03T05:30:00Z'), 0, 0), '2024-11-03 01:30:00');
    assert.equal(zone.localText(at('2024-11-03T06:30:00Z'), 0, 0), '2024-11-03 01:30:00');
  });

  test(`${label}: both passes through the repeated hour are ambiguous, nothing else is`, () => {
    for (const iso of ['2024-11-03T05:00:00Z', '2024-11-03T05:59:59Z', '2024-11-03T06:00:00Z', '2024-11-03T06:59:59Z']) {
      assert.equal(zone.localTimeIsAmbiguous(at(iso)), true, iso);
    }
    for (const iso of ['2024-11-03T04:59:59Z', '2024-11-03T07:00:00Z', '2024-03-10T07:00:00Z', '2024-03-10T06:59:59Z', '2024-07-15T12:00:00Z']) {
      assert.equal(zone.localTimeIsAmbiguous(at(iso)), false, iso);
    }
  });
}

test('ambiguous values are counted as they are rendered; fixed offsets never are', () => {
  const zone = new TimeZone('SYSTEM', NEW_YORK_2024);
  zone.localText(at('2024-11-03T06:30:00Z'), 0, 0);
  zone.localText(at('2024-11-03T06:30:00Z'), 5, 6);
  zone.localText(at('2024-11-03T08:00:00Z'), 0, 0);
  assert.equal(zone.ambiguousValues, 2);
  const fixed = new TimeZone('-05:00');
  fixed.localText(at('2024-11-03T06:30:00Z'), 0, 0);
  assert.equal(fixed.ambiguousValues, 0);
  assert.equal(TimeZone.utc(true).localText(at('2024-11-03T06:30:00Z'), 0, 0), '2024-11-03 06:30:00+00:00');
});

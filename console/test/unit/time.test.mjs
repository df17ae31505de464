import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localTime, span, fromNow } from '../../src/time.js';

test('a freeze end is shown in the region\'s own time, across DST', () => {
  assert.match(localTime('2026-06-08T05:00:00Z', 'Europe/London'), /Mon 8 Jun.*06:00 BST/);
  assert.match(localTime('2026-12-07T06:00:00Z', 'Europe/London'), /Mon 7 Dec.*06:00 GMT/);
  assert.match(localTime('2026-12-07T00:30:00Z', 'Asia/Kolkata'), /06:00 GMT\+5:30/);
});

test('a missing time is a dash and an unknown zone falls back to UTC rather than failing', () => {
  assert.equal(localTime(null, 'Europe/London'), '—');
  assert.match(localTime('2026-12-07T06:00:00Z', 'Not/AZone'), /06:00 UTC/);
});

test('spans read as people say them', () => {
  const rows = [[5_000, '5 s'], [125_000, '2 min'], [3 * 3600_000 + 60_000, '3 h 1 min'], [50 * 3600_000, '2 d 2 h']];
  for (const [ms, text] of rows) assert.equal(span(ms), text);
  assert.equal(fromNow('2026-01-01T00:10:00Z', Date.parse('2026-01-01T00:00:00Z')), 'in 10 min');
  assert.equal(fromNow('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:10:00Z')), '10 min ago');
});

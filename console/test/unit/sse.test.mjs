import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser } from '../../src/sse.js';

function parse(chunks) {
  const events = [];
  const comments = [];
  const push = createSseParser((e) => events.push(e), (c) => comments.push(c));
  chunks.forEach(push);
  return { events, comments };
}

test('an event split anywhere across chunks arrives whole, once', () => {
  const text = 'id:1\nevent:alert\ndata:{"a":1}\n\n';
  for (let cut = 1; cut < text.length; cut++) {
    const { events } = parse([text.slice(0, cut), text.slice(cut)]);
    assert.deepEqual(events, [{ event: 'alert', data: '{"a":1}', id: '1' }], `cut at ${cut}`);
  }
});

test('CRLF and CR line ends, a CRLF split between chunks, multi-line data and a leading space', () => {
  const { events } = parse(['event: a\r', '\ndata: one\r\ndata:two\r\r', 'data: x\n\n']);
  assert.deepEqual(events, [{ event: 'a', data: 'one\ntwo', id: null }, { event: 'message', data: 'x', id: null }]);
});

test('comments (heartbeats) are reported and never dispatch an event; an event without data is dropped', () => {
  const { events, comments } = parse([':keep-alive\n\n', 'event:empty\n\n']);
  assert.deepEqual(events, []);
  assert.deepEqual(comments, ['keep-alive']);
});

test('unknown fields are ignored and an id with a NUL is refused', () => {
  const { events } = parse(['retry:10\nfoo:bar\nid:a\0b\ndata:d\n\n']);
  assert.deepEqual(events, [{ event: 'message', data: 'd', id: null }]);
});

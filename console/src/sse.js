// A Server-Sent Events parser for a stream read with fetch(): EventSource cannot send an Authorization header, and
// the token must never travel in a URL. Follows the WHATWG event-stream rules (fields event, data, id; comments;
// blank line dispatches; CR, LF or CRLF line ends).
export function createSseParser(onEvent, onComment = () => {}) {
  let buffer = '';
  let event = '';
  let data = [];
  let id = null;
  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ event: event || 'message', data: data.join('\n'), id });
    }
    event = '';
    data = [];
  };
  const line = (text) => {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      onComment(text.slice(1).trim());
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };
  return (chunk) => {
    buffer += chunk;
    let match;
    // a lone CR at the very end may be the first half of a CRLF: keep it until more arrives
    while ((match = /\r\n|\n|\r(?!$)/.exec(buffer)) !== null) {
      line(buffer.slice(0, match.index));
      buffer = buffer.slice(match.index + match[0].length);
    }
  };
}

/**
 * For tests: reads a Server-Sent Events stream as a browser's EventSource does, event by event.
 * Node has no EventSource; this follows the WHATWG parsing rules the service relies on.
 */

export interface SseEvent {
  event: string;
  data: string;
  /** The last event id set so far, as EventSource's `lastEventId`. */
  id: string;
}

export interface SseReader {
  /** The next event, or a heartbeat (`event: ':'`); rejects if the stream ends first. */
  next(): Promise<SseEvent>;
  /** The next event that is not a heartbeat. */
  nextEvent(): Promise<SseEvent>;
  /** Events up to the next heartbeat, which the test asked for: everything sent before it. */
  untilHeartbeat(): Promise<SseEvent[]>;
  /** The `retry:` value sent, once read. */
  retry(): number | undefined;
  /** Everything received so far, as text. */
  text(): string;
  close(): Promise<void>;
}

export function readEvents(response: Response): SseReader {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let all = '';
  let lastId = '';
  let retry: number | undefined;
  let event = '';
  let data: string[] = [];
  let comment = false;

  /** One line; an event when it is the blank line that ends one. */
  const line = (text: string): SseEvent | undefined => {
    if (text === '') {
      if (comment && !data.length && !event) {
        comment = false;
        return { event: ':', data: '', id: lastId };
      }
      comment = false;
      if (!data.length) {
        event = '';
        return undefined;
      }
      const out = {
        event: event || 'message',
        data: data.join('\n'),
        id: lastId,
      };
      event = '';
      data = [];
      return out;
    }
    if (text.startsWith(':')) {
      comment = true;
      return undefined;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    return undefined;
  };

  const next = async (): Promise<SseEvent> => {
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      if (end >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(
          buffer.startsWith('\r\n', end) ? end + 2 : end + 1,
        );
        const out = line(text);
        if (out) return out;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`The stream ended. It said:\n${all}`);
      const chunk = decoder.decode(value, { stream: true });
      buffer += chunk;
      all += chunk;
    }
  };

  return {
    next,
    async nextEvent() {
      for (;;) {
        const found = await next();
        if (found.event !== ':') return found;
      }
    },
    async untilHeartbeat() {
      const events: SseEvent[] = [];
      for (;;) {
        const found = await next();
        if (found.event === ':') return events;
        events.push(found);
      }
    },
    retry: () => retry,
    text: () => all,
    close: () => reader.cancel().catch(() => undefined),
  };
}

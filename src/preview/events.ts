/**
 * A minimal server-sent events client for Node (tests and the benchmark watch the preview the way a
 * page does): calls `onEvent` for each `event:`/`data:` block of the stream.
 */
import { get, type IncomingMessage } from 'node:http';
import { EVENTS_PATH } from './inject.ts';

export interface EventStream {
  close(): void;
}

export function listenToPreview(baseUrl: string, onEvent: (event: string, data: string) => void): Promise<EventStream> {
  return new Promise((done, fail) => {
    get(new URL(EVENTS_PATH, baseUrl), (res: IncomingMessage) => {
      let buffer = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) onEvent(event, /^data: (.*)$/m.exec(block)?.[1] ?? '');
        }
      });
      res.on('error', () => {});
      done({ close: () => res.destroy() });
    }).on('error', fail);
  });
}

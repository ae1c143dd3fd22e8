/*
 * The standard y-websocket client, run in Node (tests, bench/realtime.ts, scripts): the `ws`
 * package stands in for the browser's WebSocket and sends the Origin header a browser would.
 * Cross-tab BroadcastChannel sync is off: Node 20 has BroadcastChannel, and clients in one
 * process would otherwise sync with each other without the server.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MESSAGE_ACK } from '@/lib/realtime/protocol-ack';

type WebSocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;
const classes = new Map<string, WebSocketClass>();

/** A `ws` WebSocket class that connects with the given Origin header. */
export function webSocketWithOrigin(origin: string): WebSocketClass {
  let cls = classes.get(origin);
  if (!cls) {
    cls = class extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { origin, perMessageDeflate: false });
      }
    };
    classes.set(origin, cls);
  }
  return cls;
}

export interface BoardClientOptions {
  /** e.g. ws://localhost:3000/realtime */
  serverUrl: string;
  room: string;
  token: string;
  origin: string;
  connect?: boolean;
}

export function connectClient(doc: Y.Doc, o: BoardClientOptions): WebsocketProvider {
  const provider = new WebsocketProvider(o.serverUrl, o.room, doc, {
    WebSocketPolyfill: webSocketWithOrigin(o.origin) as unknown as typeof globalThis.WebSocket,
    params: { token: o.token },
    disableBc: true,
    connect: o.connect ?? true,
  });
  // Our acknowledgements (lib/realtime/protocol-ack.ts) mean nothing to these clients.
  provider.messageHandlers[MESSAGE_ACK] = () => undefined;
  return provider;
}

/** Resolves once the provider has synced with the server. */
export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls `check` until it holds. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

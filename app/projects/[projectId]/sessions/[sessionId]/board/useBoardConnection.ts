'use client';
/*
 * The board's live connection: a Y.Doc kept in the browser's IndexedDB (so edits made
 * offline survive a closed tab) and synced through our realtime server with a short-lived
 * token. "Saved" is shown only when the server has acknowledged this device's changes:
 * after storing an update, the server answers with its state vector (message type 100),
 * and everything this client wrote must be in it.
 */
import { useEffect, useMemo, useState } from 'react';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_ACK } from '@/lib/realtime/protocol-ack';

export type ConnectionState = 'connecting' | 'saved' | 'saving' | 'offline' | 'refused';


export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  state: ConnectionState;
  ready: boolean;
}

async function fetchToken(projectId: string, sessionId: string): Promise<string | null> {
  const res = await fetch('/api/realtime/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ projectId, sessionId }) }).catch(() => null);
  if (!res?.ok) return null;
  return ((await res.json()) as { token: string }).token;
}

export function useBoardConnection(projectId: string, sessionId: string): BoardConnection {
  const doc = useMemo(() => new Y.Doc(), []);
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let ws: WebsocketProvider | null = null;
    const local = new IndexeddbPersistence(`concord-board-${sessionId}`, doc);
    let acked = new Map<number, number>();
    const mine = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
    const evaluate = () => {
      if (!ws || disposed) return;
      if (!ws.wsconnected) return setState('offline');
      if (!ws.synced) return setState('saving');
      setState((acked.get(doc.clientID) ?? 0) >= mine() ? 'saved' : 'saving');
    };
    void local.whenSynced.then(() => !disposed && setReady(true));

    const connect = async () => {
      const token = await fetchToken(projectId, sessionId);
      if (disposed) return;
      if (!token) return setState('offline');
      const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/realtime`;
      ws = new WebsocketProvider(url, `board:${sessionId}`, doc, { params: { token }, disableBc: false });
      ws.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
        acked = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        evaluate();
      };
      ws.on('status', evaluate);
      ws.on('sync', evaluate);
      ws.on('connection-close', (event: CloseEvent | null) => {
        if (event?.code === 4401) {
          // The token expired: fetch a fresh one and reconnect.
          ws?.destroy();
          void connect();
        } else if (event && event.code >= 4400 && event.code < 4500) setState('refused');
        else evaluate();
      });
      setProvider(ws);
      evaluate();
    };
    void connect();
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== ws) evaluate();
    };
    doc.on('update', onUpdate);
    return () => {
      disposed = true;
      doc.off('update', onUpdate);
      ws?.destroy();
      void local.destroy();
    };
  }, [doc, projectId, sessionId]);

  return { doc, provider, state, ready };
}

/*
 * The realtime server (y-websocket protocol on y-protocols): see server.ts and
 * docs/architecture.md, section "Realtime".
 */
import { installRealtimeHub } from '@/lib/realtime/hub';
import { RealtimeServer, type RealtimeOptions } from './server';

export { RealtimeServer, REALTIME_PATH, type RealtimeOptions } from './server';
export { CLOSE } from './protocol';
export { DEFAULT_LIMITS, type RealtimeLimits } from './limits';

/** Starts the realtime server and installs it as the process's RealtimeHub. */
export function startRealtime(options: RealtimeOptions): RealtimeServer {
  const server = new RealtimeServer(options);
  installRealtimeHub(server);
  return server;
}

import type { GrafanaLiveSrv } from '@grafana/runtime';
import { BehaviorSubject, NEVER } from 'rxjs';

/**
 * Grafana Live for the sandbox: only its connection state, which is what the app and the Tempo stand-in read
 * (the stand-in streams searches itself). `?streaming=blocked` stands for a proxy that blocks Live's websocket:
 * it never connects, so a streamed search would never answer.
 */
export function createLiveStandIn(search: string): GrafanaLiveSrv {
  const connected = new BehaviorSubject(new URLSearchParams(search).get('streaming') !== 'blocked');
  return {
    getConnectionState: () => connected.asObservable(),
    getStream: () => NEVER,
    getDataStream: () => NEVER,
    getPresence: () => Promise.reject(new Error('presence is not served by the sandbox')),
    publish: () => Promise.reject(new Error('publishing is not served by the sandbox')),
  } as GrafanaLiveSrv;
}

import { getGrafanaLiveSrv } from '@grafana/runtime';
import type { Observable } from 'rxjs';

/** Grafana Live's connection state (true while its websocket is up), or undefined when Live is not there. */
export function liveConnection(): Observable<boolean> | undefined {
  try {
    return getGrafanaLiveSrv()?.getConnectionState();
  } catch {
    return undefined;
  }
}

/**
 * True when Grafana Live is connected right now. Its state is a behaviour subject: the current value arrives at
 * once. A websocket a proxy blocks never connects, so this stays false there.
 */
export function isLiveConnected(): boolean {
  let connected = false;
  liveConnection()
    ?.subscribe((state) => {
      connected = state;
    })
    .unsubscribe();
  return connected;
}

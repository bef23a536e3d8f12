// The hooks' input, not a socket mock: an object with just the methods a hook calls.
import type {LabEvent, OsView, SocketInfo} from '../../../src/lab/types.ts';

export class FakeSource {
  private listeners = new Set<(e: LabEvent) => void>();
  emitted: LabEvent[] = [];
  table: SocketInfo[] = [];
  snapshots = 0;
  watching = 0;
  watchStarts = 0;
  osReads = 0;
  os: OsView = {available: true, sockets: []};

  subscribe = (listener: (e: LabEvent) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  emit(event: LabEvent) {
    this.emitted.push(event);
    for (const l of this.listeners) l(event);
  }
  get listenerCount() {
    return this.listeners.size;
  }
  snapshot = () => {
    this.snapshots += 1;
    return this.table.map((s) => ({...s}));
  };
  history = () => this.emitted.slice();
  watchOs = () => {
    this.watching += 1;
    this.watchStarts += 1;
    return () => {
      this.watching -= 1;
    };
  };
  osView = async () => {
    this.osReads += 1;
    return this.os;
  };
}

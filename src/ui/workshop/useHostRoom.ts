// The host's room for the screen: redrawn at most `maxFps` times a second however fast
// the room and its sockets change (200 learners sending a datagram a second, a join wave),
// plus the latest events for the activity list. Ten redraws a second are plenty for a
// projector, and leave the CPU to the keys (a key's own redraw does not wait for these).
import {useEffect, useState} from 'react';
import type {HostEvent} from '../../workshop/events.ts';
import type {RoomRecord, WorkshopHost} from '../../workshop/host.ts';
import {createFrameBatcher} from '../hooks/frameBatcher.ts';
import {shownEvent, wallModel, type WallModel} from './wallModel.ts';

const KEEP_EVENTS = 50;

export function useHostRoom(host: WorkshopHost, room: RoomRecord, maxFps = 10): {model: WallModel; events: readonly HostEvent[]} {
  const [state, setState] = useState(() => ({model: wallModel(host, room), events: [] as HostEvent[]}));
  useEffect(() => {
    let events: HostEvent[] = [];
    const batcher = createFrameBatcher(() => setState({model: wallModel(host, room), events}), maxFps);
    const offChange = host.onChange(() => batcher.schedule());
    const offEvent = host.onEvent((e) => {
      if (!shownEvent(e)) return;
      events = [...events.slice(-(KEEP_EVENTS - 1)), e];
      batcher.schedule();
    });
    // Bytes move without the room changing: follow the lab too.
    const offLab = host.lab.subscribe((e) => {
      if (e.type === 'data' || e.type === 'send' || e.type === 'message') batcher.schedule();
    });
    batcher.schedule();
    return () => {
      batcher.cancel();
      offChange();
      offEvent();
      offLab();
    };
  }, [host, room, maxFps]);
  return state;
}

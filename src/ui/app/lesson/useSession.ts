import {useEffect, useState, useSyncExternalStore} from 'react';
import type {LessonSession} from '../../../lessons/session.ts';
import type {LessonState} from '../../../lessons/state.ts';

/**
 * Opens a lesson session for as long as the screen shows it. The factory comes from the
 * CLI (it owns the sockets); the screen only subscribes. Leaving closes every socket.
 */
export function useSession(open: () => LessonSession): {session: LessonSession; state: LessonState} {
  const [session] = useState(open);
  useEffect(() => () => void session.close(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return {session, state};
}

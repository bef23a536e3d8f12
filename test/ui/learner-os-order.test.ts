// The learner's own OS view: on one machine (a rehearsal) the host's sockets share the
// room's port, and the learner's rows must not be the ones pushed out of the pane.
import {describe, expect, it} from 'vitest';
import type {OsSocket} from '../../src/lab/types.ts';
import {ownRowsFirst} from '../../src/ui/workshop/learnerLines.ts';

const row = (port: number, pid: number | undefined, state = 'ESTABLISHED'): OsSocket => ({
  protocol: 'tcp',
  local: {kind: 'inet', address: '127.0.0.1', port, family: 'IPv4'},
  state,
  sendQueue: 0,
  recvQueue: 0,
  inode: port,
  ...(pid === undefined ? {} : {pid, program: 'node'}),
});

describe('ownRowsFirst', () => {
  it("puts this process's rows first, then rows no process holds, then other processes', each in the kernel's order", () => {
    const view = {available: true as const, sockets: [row(4040, 9, 'LISTEN'), row(5001, 9), row(5002, 7), row(5003, undefined, 'TIME_WAIT'), row(5004, 7)]};
    const sorted = ownRowsFirst(view, 7);
    expect(sorted?.available && sorted.sockets.map((s) => s.local.kind === 'inet' && s.local.port)).toEqual([5002, 5004, 5003, 4040, 5001]);
    // The view it was given is left as it was.
    expect(view.sockets.map((s) => s.local.kind === 'inet' && s.local.port)).toEqual([4040, 5001, 5002, 5003, 5004]);
  });

  it('passes on a view that is not available, or not there yet', () => {
    expect(ownRowsFirst(undefined, 1)).toBeUndefined();
    expect(ownRowsFirst({available: false, reason: 'read-failed'}, 1)).toEqual({available: false, reason: 'read-failed'});
  });
});

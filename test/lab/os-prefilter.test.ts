// The OS reader skips rows on ports the lab never used before parsing them (a busy host
// lists thousands of TIME_WAIT rows on every poll): same rows as filtering afterwards.
import {describe, expect, it} from 'vitest';
import {parseInetTable} from '../../src/lab/os-view/linux-proc.ts';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1593 1 00000000dcb4a4f5 100 0 0 10 0
   1: 0100007F:8E42 0100007F:9BA9 06 00000000:00000000 03:0000023A 00000000     0        0 0 3 00000000ab24bd45
   2: 0100007F:9BA9 0100007F:8E42 01 00000000:00000000 00:00000000 00000000     0        0 4242 1 00000000ab24bd46 20 4 30 10 -1
  10: 0100007F:1F90 0100007F:C001 06 00000000:00000000 03:0000023A 00000000     0        0 0 3 00000000ab24bd47
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:B24E 00000000000000000000000001000000:B26D 06 00000000:00000000 03:0000165C 00000000     0        0 0 3 00000000d1296cd5
   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 00000000d1296cd6
`;

describe('port prefilter', () => {
  const cases: [string, string, 'tcp' | 'tcp6', number[]][] = [
    ['a listener and both ends of a connection', TCP, 'tcp', [0x9ba9]],
    ['a remote port only', TCP, 'tcp', [0xc001]],
    ['nothing', TCP, 'tcp', [1]],
    ['IPv6 rows', TCP6, 'tcp6', [0x1f90, 0xb26d]],
  ];
  it.each(cases)('%s: the same rows as parsing everything and filtering', (_name, text, protocol, wanted) => {
    const ports = new Set(wanted);
    const on = (p: number) => ports.has(p);
    const all = parseInetTable(text, protocol);
    const expected = all.filter((r) => (r.local.kind === 'inet' && on(r.local.port)) || (r.remote?.kind === 'inet' && on(r.remote.port)));
    expect(parseInetTable(text, protocol, on)).toEqual(expected);
  });

  it('without a filter every row is parsed', () => {
    expect(parseInetTable(TCP, 'tcp')).toHaveLength(4);
    expect(parseInetTable(TCP, 'tcp', (p) => p === 0x9ba9).map((r) => r.inode)).toEqual([0, 4242]);
  });
});

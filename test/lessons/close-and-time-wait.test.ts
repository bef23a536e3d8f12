// Lesson 08 teaches half-close: the OS view must show FIN_WAIT2 and CLOSE_WAIT after
// shutdown c1 and before the second close, and the prose must say what that view shows.
import {describe, expect, it} from 'vitest';
import {runLessonAuto} from '../../src/cli/lesson-mode.ts';
import {LANGUAGES} from '../../src/i18n/languages.ts';

interface Command {line: string; ok: boolean; text: string[]; events: {type: string; socket?: string; local?: {port?: number}}[]}
interface Record {type: string; kind?: string; key?: string; text?: string; commands?: Command[]}

async function run(lng: (typeof LANGUAGES)[number]): Promise<Record[]> {
  let out = '';
  const code = await runLessonAuto({
    id: 'close-and-time-wait', lng, json: true, width: 100, packs: [],
    stdout: {write: (s: string) => (out += s)}, stderr: {write: () => {}},
  });
  expect(code, out).toBe(0);
  return out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record);
}

/** Rows of an `os` answer as "local remote STATE" (the table's ASCII columns). */
function osRows(c: Command): string[] {
  return c.text.slice(2).map((row) => row.trim().split(/\s+/).slice(1, 4).join(' '));
}

describe('close-and-time-wait: half-close shows CLOSE_WAIT before the second close', () => {
  it.each(LANGUAGES)('%s', async (lng) => {
    const records = await run(lng);
    // Commands and prose in lesson order.
    const flow = records.flatMap((r): ({say: string; text: string} | {cmd: Command})[] =>
      r.kind === 'say' ? [{say: r.key!, text: r.text!}] : (r.commands ?? []).map((cmd) => ({cmd})));
    const cmds = flow.flatMap((f) => ('cmd' in f ? [f.cmd] : []));
    const portOf = (socket: string) => cmds.flatMap((c) => c.events).find((e) => e.type === 'connect' && e.socket === socket)?.local?.port;
    const srv = cmds.flatMap((c) => c.events).find((e) => e.type === 'listen' && e.socket === 'srv')?.local?.port;
    const c1 = portOf('c1');
    const c2 = portOf('c2');
    expect([srv, c1, c2].every((p) => typeof p === 'number')).toBe(true);

    const at = (line: string) => flow.findIndex((f) => 'cmd' in f && f.cmd.line === line);
    const shutdown = at('shutdown c1');
    const secondClose = at('close srv#1');
    expect(shutdown).toBeGreaterThan(-1);
    expect(secondClose).toBeGreaterThan(shutdown);

    // The OS view between them: c1 in FIN_WAIT2, srv#1 in CLOSE_WAIT, both still owned.
    const between = flow.slice(shutdown, secondClose);
    const view = between.flatMap((f) => ('cmd' in f && f.cmd.line === 'os' ? [f.cmd] : [])).at(-1);
    expect(view, 'an os command between shutdown c1 and close srv#1').toBeDefined();
    const rows = osRows(view!);
    expect(rows).toContain(`127.0.0.1:${c1} 127.0.0.1:${srv} FIN_WAIT2`);
    expect(rows).toContain(`127.0.0.1:${srv} 127.0.0.1:${c1} CLOSE_WAIT`);
    // ...and the paragraph after it explains exactly those two states.
    const half = between.find((f) => 'say' in f && f.say === 'half-closed');
    expect(half && 'text' in half ? half.text : '').toMatch(/FIN_WAIT2[^]*CLOSE_WAIT/);
    // Data still flows the other way before the second close.
    expect(between.some((f) => 'cmd' in f && f.cmd.line.startsWith('send srv#1') && f.cmd.ok)).toBe(true);

    // After the second close: c1's end (the first FIN) is in TIME_WAIT, owned by no process.
    const after = flow.slice(secondClose).flatMap((f) => ('cmd' in f && f.cmd.line === 'os' ? [f.cmd] : []))[0]!;
    const timeWait = after.text.find((row) => row.includes(`127.0.0.1:${c1}  127.0.0.1:${srv}`));
    expect(timeWait).toMatch(/TIME_WAIT\s+-\s*$/);
    expect(osRows(after).filter((r) => r.endsWith('CLOSE_WAIT'))).toEqual([]);

    // Round two: the server closes first, so the server's end is left in TIME_WAIT.
    const last = cmds.filter((c) => c.line === 'os').at(-1)!;
    expect(osRows(last)).toContain(`127.0.0.1:${srv} 127.0.0.1:${c2} TIME_WAIT`);
  });
});

// Does a lab event satisfy a task's `expect`? The lab reports an accept the same way
// whoever connected (this app or the learner's nc), so one predicate serves both.
import type {LabEvent} from '../lab/types.ts';
import type {Expect} from './types.ts';

export function matchesExpect(expect: Expect, event: LabEvent): boolean {
  if (event.type !== expect.event) return false;
  if (expect.socket !== undefined && event.socket !== expect.socket) return false;
  if (expect.code !== undefined) {
    if (event.type !== 'error') return false;
    if (event.error.code !== expect.code && event.error.sysCode !== expect.code) return false;
  }
  if (expect.state !== undefined) {
    if (event.type !== 'os' || event.change === 'removed') return false;
    if (event.entry.state !== expect.state) return false;
  }
  return true;
}

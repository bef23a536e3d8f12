import {afterEach} from 'vitest';
import {Lab} from '../../src/lab/index.ts';
import type {LabEvent, LabOptions} from '../../src/lab/index.ts';

const labs: Lab[] = [];

/** A lab disposed after each test. */
export function newLab(options?: LabOptions): Lab {
  const lab = new Lab(options);
  labs.push(lab);
  return lab;
}

afterEach(async () => {
  await Promise.all(labs.splice(0).map((l) => l.dispose()));
});

/** Events of one socket, in order, as compact strings (type only). */
export function typesOf(lab: Lab, socket: string): string[] {
  return lab.history().filter((e) => e.socket === socket).map((e) => e.type);
}

export function port(info: {local?: {kind: string; port?: number}}): number {
  const l = info.local;
  if (!l || l.kind !== 'inet' || l.port === undefined) throw new Error('no inet local address');
  return l.port;
}

export function is<T extends LabEvent['type']>(type: T, socket?: string) {
  return (e: LabEvent): e is Extract<LabEvent, {type: T}> => e.type === type && (socket === undefined || e.socket === socket);
}

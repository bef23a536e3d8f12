import {describe, expect, it} from 'vitest';
import {commonPrefix, completions} from '../../src/commands/index.ts';

const names = ['srv', 'srv#1', 'c1', 'u1'];

describe('Tab completion', () => {
  it('completes verbs at the start of the line', () => {
    expect(completions('', names).candidates).toHaveLength(17);
    expect(completions('li', names)).toEqual({from: 0, candidates: ['listen']});
    expect(completions('se', names).candidates).toEqual(['send', 'sendto']);
    expect(completions('  s', names)).toMatchObject({from: 2});
    expect(completions('xyz', names).candidates).toEqual([]);
  });
  it('after a verb: protocols and socket names where they fit', () => {
    expect(completions('connect ', names).candidates).toEqual(['tcp', 'udp', 'unix', ...names]);
    expect(completions('connect tcp s', names)).toEqual({from: 12, candidates: ['srv', 'srv#1']});
    expect(completions('connect tcp srv a', names).candidates).toEqual(['as']);
    expect(completions('connect tcp srv as ', names).candidates).toEqual([]);
    expect(completions('socket ', names).candidates).toEqual(['tcp', 'udp']);
    expect(completions('close ', names).candidates).toEqual(names);
    expect(completions('close c1 ', names).candidates).toEqual([]);
    expect(completions('send u', names).candidates).toEqual(['u1']);
    expect(completions('wait a', names).candidates).toEqual(['accept']);
    expect(completions('wait accept s', names).candidates).toEqual(['srv', 'srv#1']);
    expect(completions('help sen', names).candidates).toEqual(['send', 'sendto']);
    expect(completions('lang f', names).candidates).toEqual(['fa']);
    expect(completions('sockets ', names).candidates).toEqual([]);
    expect(completions('scan 127.0.0.1 s', names).candidates).toEqual(['srv', 'srv#1']);
  });
  it('is case-insensitive and never throws on odd input', () => {
    expect(completions('LIS', names).candidates).toEqual(['listen']);
    expect(completions('bogus x', names).candidates).toEqual([]);
    expect(completions('\u0000\uffff ', names).candidates).toEqual([]);
  });
  it('commonPrefix: what Tab can insert without choosing', () => {
    expect(commonPrefix(['send', 'sendto'])).toBe('send');
    expect(commonPrefix(['srv', 'srv#1'])).toBe('srv');
    expect(commonPrefix(['a', 'b'])).toBe('');
    expect(commonPrefix([])).toBe('');
  });
});

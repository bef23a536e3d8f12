// The workshop's lab may use exactly one address outside loopback; and a protocol on top
// of the lab reads whole streams through lab.read (events carry only a preview).
import net from 'node:net';
import {describe, expect, it} from 'vitest';
import {newLab, port} from './helpers.ts';

describe('allowHosts', () => {
  it('lets the one address through the loopback check and no other', async () => {
    const lab = newLab({allowHosts: ['10.255.255.1']});
    lab.socket('udp', 'u');
    // Past the check: the OS answers (this machine has no such address); nothing is sent.
    await expect(lab.bind('u', {host: '10.255.255.1', port: 0})).rejects.toMatchObject({code: 'EADDRNOTAVAIL'});
    await expect(lab.connect({host: '10.255.255.2', port: 9})).rejects.toMatchObject({code: 'ENOTLOOPBACK'});
    await expect(lab.listen({host: '0.0.0.0', port: 0})).rejects.toMatchObject({code: 'ENOTLOOPBACK'});
    // Loopback stays allowed.
    await expect(lab.listen({name: 'srv', host: '127.0.0.1', port: 0})).resolves.toMatchObject({state: 'listening'});
  });
});

describe('peers of a socket bound to the allowed address', () => {
  it('may come from anywhere (the room\'s laptops); a loopback socket still hears only loopback', () => {
    const lab = newLab({allowHosts: ['10.255.255.1']});
    const on = (address: string) => ({kind: 'inet' as const, address, port: 4040, family: 'IPv4' as const});
    expect(lab.acceptsFrom(on('10.255.255.1'), '10.255.255.77')).toBe(true);
    expect(lab.acceptsFrom(on('127.0.0.1'), '10.255.255.77')).toBe(false);
    expect(lab.acceptsFrom(on('127.0.0.1'), '127.0.0.9')).toBe(true);
    expect(newLab().acceptsFrom(on('10.255.255.1'), '10.255.255.77')).toBe(false);
  });
});

describe('read', () => {
  it('hands over every byte of a stream, beyond the events\' preview', async () => {
    const lab = newLab({previewBytes: 8});
    const srv = await lab.listen({name: 'srv', host: '127.0.0.1', port: 0});
    const chunks: Uint8Array[] = [];
    lab.subscribe((e) => {
      if (e.type === 'accept') lab.read(e.child, (c) => chunks.push(c));
    });
    const text = 'x'.repeat(5000) + '\n';
    const client = net.connect({host: '127.0.0.1', port: port(srv)});
    client.on('error', () => {});
    client.end(text);
    await lab.waitFor((e) => e.type === 'close' && e.socket === 'srv#1');
    expect(Buffer.concat(chunks).toString()).toBe(text);
    expect(lab.history().filter((e) => e.type === 'data').every((e) => e.type === 'data' && e.preview.length <= 8)).toBe(true);
    expect(() => lab.read('nope', () => {})).toThrow(expect.objectContaining({code: 'ENAME'}));
  });
});

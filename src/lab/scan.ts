// Port scan: try to connect to each port, report open/closed. Bounded concurrency and
// timeouts; every probe socket is closed before the scan resolves.
import net from 'node:net';
import {limitError} from './errors.ts';
import {LabError, type ScanResult} from './types.ts';

export const MAX_SCAN_PORTS = 1024;
export const MAX_SCAN_CONCURRENCY = 256;

type PortResult = ScanResult['ports'][number];

function probe(host: string, port: number, timeoutMs: number): Promise<PortResult> {
  return new Promise((resolve) => {
    const s = new net.Socket();
    let result: PortResult | undefined;
    const timer = setTimeout(() => {
      result ??= {port, open: false, error: 'ETIMEDOUT'};
      s.destroy();
    }, timeoutMs);
    s.on('error', (err: Error & {code?: string}) => {
      result ??= err.code === 'ECONNREFUSED' ? {port, open: false} : {port, open: false, error: err.code ?? err.name};
    });
    s.once('connect', () => {
      result ??= {port, open: true};
      s.destroy();
    });
    s.once('close', () => {
      clearTimeout(timer);
      resolve(result ?? {port, open: false, error: 'EOTHER'});
    });
    s.connect({host, port});
  });
}

export async function scanPorts(host: string, ports: number[], options: {concurrency?: number; timeoutMs?: number} = {}): Promise<ScanResult> {
  if (ports.length > MAX_SCAN_PORTS) throw limitError({kind: 'scan-ports', max: MAX_SCAN_PORTS}, 'scan');
  for (const p of ports) {
    if (!Number.isInteger(p) || p < 1 || p > 65535) {
      throw new LabError({code: 'EOTHER', operation: 'scan', sysCode: 'ERR_SOCKET_BAD_PORT'});
    }
  }
  const concurrency = Math.max(1, Math.min(MAX_SCAN_CONCURRENCY, options.concurrency ?? 64));
  const timeoutMs = Math.max(1, options.timeoutMs ?? 1000);
  const results: PortResult[] = new Array(ports.length);
  let next = 0;
  const worker = async () => {
    while (next < ports.length) {
      const k = next++;
      results[k] = await probe(host, ports[k]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({length: Math.min(concurrency, ports.length)}, worker));
  return {host, ports: results};
}

// A throwaway npm registry on loopback that serves one package from a tarball made by
// `npm pack`: enough for `npx` and `deno run npm:` to install it as users would.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export interface LocalRegistry {
  url: string;
  /** Paths requested, to prove the install went through us. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveTarball(tarball: string, manifest: {name: string; version: string; bin: unknown; engines?: unknown}): Promise<LocalRegistry> {
  const data = fs.readFileSync(tarball);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const {port} = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const tarPath = `/${manifest.name}/-/${manifest.name}-${manifest.version}.tgz`;
    if (req.url === `/${manifest.name}`) {
      const version = {
        ...manifest,
        dist: {
          tarball: base + tarPath,
          shasum: createHash('sha1').update(data).digest('hex'),
          integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
        },
      };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({name: manifest.name, 'dist-tags': {latest: manifest.version}, versions: {[manifest.version]: version}}));
    } else if (req.url === tarPath) {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(data);
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

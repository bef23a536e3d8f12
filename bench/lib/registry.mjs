// A throwaway npm registry on 127.0.0.1 (port 0) serving one packed tarball: enough for
// `npx --registry URL NAME` to resolve and install it, with no real registry involved.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

export async function serveTarball({name, version, tarball, manifest}) {
  const bytes = fs.readFileSync(tarball);
  const integrity = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
  const shasum = crypto.createHash('sha1').update(bytes).digest('hex');
  const tarPath = `/${name}/-/${name}-${version}.tgz`;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const url = decodeURIComponent(req.url ?? '');
    if (url === `/${name}`) {
      const base = `http://127.0.0.1:${server.address().port}`;
      const packument = {
        name,
        'dist-tags': {latest: version},
        versions: {[version]: {...manifest, name, version, dist: {tarball: `${base}${tarPath}`, integrity, shasum}}},
      };
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(JSON.stringify(packument));
    } else if (url === tarPath) {
      res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': bytes.length});
      res.end(bytes);
    } else {
      res.writeHead(404, {'content-type': 'application/json'});
      res.end('{"error":"not found"}');
    }
  });
  await new Promise((resolve) => server.listen({host: '127.0.0.1', port: 0}, resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The kernel's view of one UDP socket (Linux /proc/net/udp): datagrams it dropped because
// the receive queue was full, and what is still queued. With a drained queue,
// datagrams sent − drops = datagrams the socket's owner received.
import fs from 'node:fs';

export function udpSocketStats(port) {
  let text;
  try {
    text = fs.readFileSync('/proc/net/udp', 'utf8');
  } catch {
    return undefined;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 13 || f[1] !== `0100007F:${hexPort}`) continue;
    return {recvQueue: parseInt(f[4].split(':')[1], 16), drops: Number(f[12])};
  }
  return undefined;
}

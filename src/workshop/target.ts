// The join line's HOST:PORT: an IPv4 address, [IPv6], or a name, then a port.

export type Target = {ok: true; host: string; port: number} | {ok: false};

export function parseTarget(text: string): Target {
  const m = /^(?:\[([0-9a-fA-F:.%\w]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(text.trim());
  if (!m) return {ok: false};
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return {ok: false};
  return {ok: true, host: m[1] ?? m[2]!, port};
}

/** Whether a command-line word is an address (HOST:PORT) rather than a room code. */
export function looksLikeTarget(word: string): boolean {
  return word.includes(':') || word.includes('.');
}

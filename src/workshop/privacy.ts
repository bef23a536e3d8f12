// --private: the projector (and every learner's copy of the wall) shows only the last
// part of each address — enough to tell rows apart, not enough to name a laptop.

/** 192.168.1.23 → *.*.*.23; 2001:db8::1a2b → *:1a2b. */
export function maskAddress(address: string): string {
  if (address.includes(':')) {
    const last = address.split(':').at(-1) ?? '';
    return `*:${last}`;
  }
  const last = address.split('.').at(-1) ?? '';
  return `*.*.*.${last}`;
}

/** A host event with every learner address masked (the room's own address stays). */
export function maskEvent<E extends {from?: {address: string; port: number}}>(event: E): E {
  return event.from ? {...event, from: {...event.from, address: maskAddress(event.from.address)}} : event;
}

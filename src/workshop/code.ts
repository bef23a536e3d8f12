// The room code: random per session, short enough to read off a projector, with no
// letters that look alike (0/O, 1/I/L) so nobody types the wrong one.
import {randomInt} from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRoomCode(length = 4): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A learner's secret for another connection of theirs (second connection, reconnect). */
export function newToken(length = 10): string {
  let token = '';
  const chars = `${ALPHABET}abcdefghjkmnpqrstuvwxyz`;
  for (let i = 0; i < length; i++) token += chars[randomInt(chars.length)];
  return token;
}

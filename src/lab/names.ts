// Socket names: given by the caller or assigned (s1, s2 …); accepted sockets are
// named after their listener (srv#1, srv#2 …, see tcp.ts).
import {labError} from './errors.ts';
import type {Operation} from './types.ts';

const VALID = /^[^\s#]{1,32}$/u;

export class Names {
  private next = 1;

  /** A fresh automatic name that is not taken. */
  auto(taken: (name: string) => boolean): string {
    for (;;) {
      const name = `s${this.next++}`;
      if (!taken(name)) return name;
    }
  }

  /** Throws ENAME for a malformed or taken caller-given name. '#' is reserved for accepted sockets. */
  check(name: string, taken: (name: string) => boolean, operation: Operation): void {
    if (!VALID.test(name) || taken(name)) throw labError('ENAME', operation, name);
  }
}

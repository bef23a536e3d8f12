// Rehearsal and plan B: N learners on this machine, each a real client socket bound to
// its own loopback address (127.0.0.2, 127.0.0.3, …), so the wall shows N different
// source addresses. Where the OS does not route all of 127/8 to loopback, they share
// 127.0.0.1 (and the room says so).
import {Lab} from '../lab/index.ts';
import {LearnerClient} from './client.ts';

/** Nicknames for simulated learners (data, not prose: names read the same in every language). */
const NAMES = [
  'ava', 'babak', 'chen', 'dina', 'emil', 'farah', 'goran', 'hana', 'ivan', 'jamal', 'kira', 'leila', 'mehdi', 'nadia',
  'oleg', 'parisa', 'quinn', 'rustam', 'sara', 'timur', 'uma', 'vera', 'wahid', 'xenia', 'yusuf', 'zara',
];

/** The i-th simulated learner's address (from 0): 127.0.0.2 … 127.0.0.251, then 127.0.1.2 … */
export function simulatedAddress(i: number): string {
  return `127.0.${Math.floor(i / 250)}.${2 + (i % 250)}`;
}

export function simulatedNick(i: number): string {
  const base = NAMES[i % NAMES.length]!;
  return i < NAMES.length ? base : `${base}${Math.floor(i / NAMES.length) + 1}`;
}

/** Whether this OS lets a socket bind 127.0.0.2 (Linux routes all of 127/8 to loopback). */
export async function loopbackRoutesAll(lab: Lab): Promise<boolean> {
  const name = 'probe-127-0-0-2';
  try {
    lab.socket('udp', name);
    await lab.bind(name, {host: '127.0.0.2', port: 0});
    return true;
  } catch {
    return false;
  } finally {
    await lab.close(name).catch(() => {});
  }
}

export interface SimulationOptions {
  count: number;
  host: string;
  port: number;
  code: string;
  lang: string;
  /** While the UDP experiment runs, each sends a datagram this often (ms); once when omitted. */
  udpEveryMs?: number;
  /** Answer polls on their own (default true). */
  answerPolls?: boolean;
  /** Known already (sharesLoopback): every learner from 127.0.0.1. */
  sharedAddress?: boolean;
}

export class Simulation {
  readonly lab: Lab;
  readonly clients: LearnerClient[] = [];
  sharedAddress = false;
  private unsubscribe: (() => void) | undefined;

  private readonly options: SimulationOptions;

  constructor(options: SimulationOptions) {
    this.options = options;
    this.lab = new Lab({allowHosts: [options.host], maxSockets: options.count * 4 + 16, historySize: 200});
  }

  /** Whether simulated learners must share 127.0.0.1 on this system. */
  static async sharesLoopback(): Promise<boolean> {
    const lab = new Lab({maxSockets: 2});
    try {
      return !(await loopbackRoutesAll(lab));
    } finally {
      await lab.dispose();
    }
  }

  /** Start every simulated learner; resolves when each has joined or failed. */
  async start(): Promise<void> {
    this.sharedAddress = this.options.sharedAddress ?? !(await loopbackRoutesAll(this.lab));
    const byPrefix = new Map<string, LearnerClient>();
    // One subscription routes each socket's events to its learner (not N listeners each seeing everything).
    this.unsubscribe = this.lab.subscribe((e) => {
      const dot = e.socket.indexOf('.');
      if (dot > 0) byPrefix.get(e.socket.slice(0, dot + 1))?.onLabEvent(e);
    });
    const answerPolls = this.options.answerPolls ?? true;
    for (let i = 0; i < this.options.count; i++) {
      const prefix = `sim${i + 1}.`;
      const client = new LearnerClient({
        host: this.options.host,
        port: this.options.port,
        code: this.options.code,
        nick: simulatedNick(i),
        lang: this.options.lang,
        lab: this.lab,
        prefix,
        routed: true,
        localAddress: this.sharedAddress ? '127.0.0.1' : simulatedAddress(i),
        clientName: 'socket-lessons-simulated',
        ...(answerPolls ? {autoAnswer: () => 300 + Math.floor(Math.random() * 2500)} : {}),
        ...(this.options.udpEveryMs !== undefined ? {udpEveryMs: this.options.udpEveryMs} : {}),
      });
      byPrefix.set(prefix, client);
      this.clients.push(client);
    }
    await Promise.all(this.clients.map((c) => c.join()));
  }

  joined(): number {
    return this.clients.filter((c) => c.state.phase === 'joined').length;
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.leave()));
    this.unsubscribe?.();
    await this.lab.dispose();
  }
}

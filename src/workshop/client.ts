// The learner's side: one real connection to the host (through a lab allowed only that
// host's address), the protocol's lines in and out, and the experiments the host starts —
// each a fixed step this code knows; nothing received is ever run.
import {Lab} from '../lab/index.ts';
import type {LabError, LabEvent, SocketInfo} from '../lab/types.ts';
import {diagnoseBye, diagnoseConnect, type Diagnosis} from './doctor.ts';
import type {Addr} from './events.ts';
import type {ExperimentId} from './experiments.ts';
import {initialLearnerState, learnerReducer, type ExperimentView, type LearnerAction, type LearnerState} from './learner.ts';
import {encodeLine, LineSplitter, parseHostLine, type HostLine} from './protocol.ts';

/** A connect that has had no answer for this long is the doctor's "timeout". */
export const CONNECT_TIMEOUT_MS = 5000;
/** A room greets every connection at once; silence this long means it is something else. */
export const HELLO_TIMEOUT_MS = 5000;
/** How long the close experiment looks for TIME_WAIT in this machine's socket table. */
export const TIME_WAIT_LOOK_MS = 3000;

export interface ClientOptions {
  host: string;
  port: number;
  code: string;
  nick: string;
  lang: string;
  /** A lab to share (simulated learners); by default the client makes its own. */
  lab?: Lab;
  /** Socket names are prefixed with this in a shared lab. */
  prefix?: string;
  /** Bind the client's sockets to this local address (simulated learners: 127.0.0.N). */
  localAddress?: string;
  /** What the client calls itself to the host (`client NAME`). */
  clientName?: string;
  connectTimeoutMs?: number;
  /** Simulated learners: answer each poll on their own after this long (ms), with a random choice. */
  autoAnswer?: () => number | undefined;
  /** Simulated learners: while the UDP experiment runs, send a datagram this often (ms). */
  udpEveryMs?: number;
  /** The owner of a shared lab hands this client its sockets' events (onLabEvent) instead of each client listening to all. */
  routed?: boolean;
}

export class LearnerClient {
  readonly lab: Lab;
  private readonly own: boolean;
  private readonly options: ClientOptions;
  private stateNow: LearnerState;
  private readonly listeners = new Set<(state: LearnerState) => void>();
  private token: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private udpTimer: ReturnType<typeof setInterval> | undefined;
  private leaving = false;
  private joinWaiters: ((state: LearnerState) => void)[] = [];
  private gotHello = false;
  /** The main socket is connected (its close is news; a failed connect reports itself). */
  private mainUp = false;
  private readonly names: {main: string; second: string; probe: string; dgram: string};

  constructor(options: ClientOptions) {
    this.options = options;
    this.own = options.lab === undefined;
    this.lab = options.lab ?? new Lab({allowHosts: [options.host], maxSockets: 16, historySize: 200});
    const p = options.prefix ?? '';
    this.names = {main: `${p}main`, second: `${p}second`, probe: `${p}probe`, dgram: `${p}udp`};
    this.stateNow = initialLearnerState({host: options.host, port: options.port, code: options.code, nick: options.nick});
  }

  get state(): LearnerState {
    return this.stateNow;
  }

  subscribe(listener: (state: LearnerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(action: LearnerAction): void {
    const next = learnerReducer(this.stateNow, action);
    if (next === this.stateNow) return;
    this.stateNow = next;
    for (const l of this.listeners) l(next);
    if (next.phase !== 'connecting' && next.phase !== 'reconnecting') {
      const waiters = this.joinWaiters;
      this.joinWaiters = [];
      for (const w of waiters) w(next);
    }
  }

  /** Connect and join; resolves once joined or failed (state.diagnosis says why). */
  join(): Promise<LearnerState> {
    if (!this.options.routed) this.unsubscribe ??= this.lab.subscribe((e) => this.onLabEvent(e));
    const done = new Promise<LearnerState>((resolve) => this.joinWaiters.push(resolve));
    void this.connectMain();
    return done;
  }

  /** Answer the open poll (1-based). */
  answer(choice: number): void {
    if (!this.stateNow.poll || this.stateNow.poll.reveal) return;
    this.dispatch({kind: 'answer', choice});
    this.sendLine(`answer ${choice}`);
  }

  setStuck(on: boolean): void {
    this.dispatch({kind: 'stuck', on});
    this.sendLine(on ? 'stuck' : 'stuck off');
  }

  /** Say goodbye, close every socket. */
  async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.udpTimer !== undefined) clearInterval(this.udpTimer);
    if (this.stateNow.phase === 'joined') this.sendLine('bye');
    this.dispatch({kind: 'ended'});
    const names = Object.values(this.names);
    await Promise.all(names.map((n) => (this.lab.get(n) ? this.lab.close(n).catch(() => {}) : undefined)));
    this.unsubscribe?.();
    if (this.own) await this.lab.dispose();
  }

  private sendLine(line: string, socket = this.names.main): void {
    if (!this.lab.get(socket)) return;
    this.lab.send(socket, encodeLine(line)).catch(() => {});
  }

  private after(ms: number, job: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.leaving) job();
    }, ms);
    t.unref?.();
    this.timers.add(t);
  }

  /**
   * One TCP connect with our own time limit (a dropped SYN would otherwise wait minutes).
   * The reader is attached before connecting, so not even the host's first line (sent the
   * moment it accepts) can arrive before someone reads.
   */
  private async connect(name: string, onLine: (line: HostLine) => void): Promise<SocketInfo> {
    let timedOut = false;
    let made = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.lab.close(name).catch(() => {});
    }, this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
    try {
      this.lab.socket('tcp', name);
      made = true;
      this.read(name, onLine);
      const target: Parameters<Lab['connect']>[0] = {socket: name, host: this.options.host, port: this.options.port};
      if (this.options.localAddress !== undefined) target.localHost = this.options.localAddress;
      return await this.lab.connect(target);
    } catch (error) {
      // A socket made by socket() survives a failed connect (as in C): this one goes.
      if (made) await this.lab.close(name).catch(() => {});
      throw diagnoseConnect((error as LabError).toJSON?.() ?? (error as LabError), timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  private async connectMain(): Promise<void> {
    this.dispatch({kind: 'connecting'});
    let info: SocketInfo;
    this.gotHello = false;
    try {
      info = await this.connect(this.names.main, (line) => this.onLine(line));
    } catch (diagnosis) {
      this.dispatch({kind: 'failed', diagnosis: diagnosis as Diagnosis});
      return;
    }
    this.mainUp = true;
    this.dispatch({kind: 'connected', local: addr(info.local), remote: addr(info.remote)});
    const first = this.token !== undefined ? `${this.options.code} +${this.token}` : `${this.options.code} ${this.options.nick}`;
    this.sendLine(first);
    this.sendLine(`client ${this.options.clientName ?? 'socket-lessons'}`);
    this.sendLine(`lang ${this.options.lang}`);
    this.after(HELLO_TIMEOUT_MS, () => {
      if (!this.gotHello && this.lab.get(this.names.main)) {
        this.dispatch({kind: 'failed', diagnosis: {kind: 'not-a-room'}});
        void this.lab.close(this.names.main).catch(() => {});
      }
    });
  }

  private read(socket: string, onLine: (line: HostLine) => void): void {
    const splitter = new LineSplitter();
    this.lab.read(socket, (chunk) => {
      const {lines, error} = splitter.push(chunk);
      for (const text of lines) onLine(parseHostLine(text));
      if (error) void this.lab.close(socket).catch(() => {});
    });
  }

  private onLine(line: HostLine): void {
    if (line.kind === 'hello') this.gotHello = true;
    if (line.kind === 'welcome') {
      const token = /^\S+$/.test(String(line.token)) ? line.token : undefined;
      if (token) this.token = token;
    }
    if (line.kind === 'bye') {
      // Refused at the door (wrong code, room full) or sent away later (kicked, the room ended).
      this.dispatch({kind: 'failed', diagnosis: diagnoseBye(line.reason)});
      return;
    }
    const before = this.stateNow;
    this.dispatch({kind: 'line', line});
    if (line.kind === 'exp') this.experiment(line.id, line.phase, before);
    if (line.kind === 'poll' && this.options.autoAnswer) {
      const n = line.choices;
      const delay = this.options.autoAnswer();
      if (delay !== undefined) this.after(delay, () => this.answer(1 + Math.floor(Math.random() * n)));
    }
  }

  /** A lab event for one of this client's sockets (called by the lab's subscription, or by whoever routes a shared lab's events). */
  onLabEvent(e: LabEvent): void {
    if (e.type !== 'close' || e.socket !== this.names.main || this.leaving || !this.mainUp) return;
    this.mainUp = false;
    const s = this.stateNow;
    if (s.experiment?.id === 'close' && s.experiment.phase === 'running' && s.phase === 'joined') {
      void this.closeExperiment();
      return;
    }
    if (s.phase === 'joined') this.dispatch({kind: 'failed', diagnosis: {kind: 'lost'}});
    else if (s.phase === 'connecting') this.dispatch({kind: 'failed', diagnosis: {kind: 'not-a-room', code: 'ECONNRESET'}});
  }

  // --- Experiments: each a fixed step ------------------------------------------------

  private experiment(id: ExperimentId, phase: 'start' | 'end', before: LearnerState): void {
    if (phase === 'start') this.sendLine(`step ${id}`);
    switch (id) {
      case 'second-connection':
        if (phase === 'start') void this.secondConnection();
        else void this.closeQuietly(this.names.second);
        return;
      case 'refused':
        if (phase === 'start') void this.tryRefused();
        return;
      case 'udp':
        if (phase === 'start') void this.sendDatagram();
        else {
          if (this.udpTimer !== undefined) clearInterval(this.udpTimer);
          this.udpTimer = undefined;
          void this.closeQuietly(this.names.dgram);
        }
        return;
      case 'close':
        if (phase === 'start' && before.experiment?.id !== 'close' && this.stateNow.experiment?.closer === 'you') {
          // We close first (FIN, then the host answers with its own): our side keeps TIME_WAIT.
          if (this.lab.get(this.names.main)) void this.lab.end(this.names.main).catch(() => this.closeQuietly(this.names.main));
        }
        return;
    }
  }

  private async closeQuietly(name: string): Promise<void> {
    if (this.lab.get(name)) await this.lab.close(name).catch(() => {});
  }

  private async secondConnection(): Promise<void> {
    await this.closeQuietly(this.names.second);
    try {
      const info = await this.connect(this.names.second, (line) => {
        if (line.kind === 'you' && line.role === 'second') this.dispatch({kind: 'line', line});
      });
      this.dispatch({kind: 'experiment', patch: {second: addr(info.local)}});
      this.sendLine(`${this.options.code} +${this.token ?? ''}`, this.names.second);
      this.sendLine(`result second-connection connected ${addr(info.local).port}`);
    } catch (d) {
      this.dispatch({kind: 'experiment', patch: {failed: d as Diagnosis}});
      this.sendLine(`result second-connection failed`);
    }
  }

  private async tryRefused(): Promise<void> {
    try {
      await this.connect(this.names.probe, () => {});
      // The host was listening after all (it had not stopped yet, or someone else holds the port).
      this.dispatch({kind: 'experiment', patch: {outcome: 'connected'}});
      this.sendLine('result refused connected');
      await this.closeQuietly(this.names.probe);
    } catch (d) {
      const code = (d as Diagnosis).code ?? 'failed';
      const word = code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ECONNRESET' ? code : 'failed';
      this.dispatch({kind: 'experiment', patch: {outcome: code}});
      this.sendLine(`result refused ${word}`);
    }
  }

  private async sendDatagram(): Promise<void> {
    const port = this.stateNow.experiment?.udpPort;
    if (port === undefined) return;
    const name = this.names.dgram;
    try {
      if (!this.lab.get(name)) {
        this.lab.socket('udp', name);
        if (this.options.localAddress !== undefined) await this.lab.bind(name, {host: this.options.localAddress, port: 0});
      }
      const payload = `${this.options.code} ${this.stateNow.learner ?? 0}`;
      await this.lab.sendto(name, {host: this.options.host, port}, payload);
      const from = addr(this.lab.get(name)?.local);
      this.dispatch({kind: 'experiment', patch: {sentFrom: from}});
      this.sendLine(`result udp sent ${from.port}`);
      const every = this.options.udpEveryMs;
      if (every !== undefined && this.udpTimer === undefined) {
        this.udpTimer = setInterval(() => {
          if (this.stateNow.experiment?.id !== 'udp' || this.stateNow.experiment.phase !== 'running') return;
          this.lab.sendto(name, {host: this.options.host, port}, payload).catch(() => {});
        }, every);
        this.udpTimer.unref?.();
      }
    } catch (error) {
      this.dispatch({kind: 'experiment', patch: {failed: diagnoseConnect((error as LabError).toJSON?.() ?? (error as LabError))}});
      this.sendLine('result udp failed');
    }
  }

  /** Our connection closed in the close experiment: look for TIME_WAIT on our side, then come back. */
  private async closeExperiment(): Promise<void> {
    const s = this.stateNow;
    const closed = s.local && s.remote ? {local: s.local, remote: s.remote} : undefined;
    this.dispatch({kind: 'reconnecting'});
    const patch: Partial<ExperimentView> = {};
    if (closed) {
      patch.closed = closed;
      patch.timeWait = await this.seesTimeWait(closed.local, closed.remote);
    }
    this.dispatch({kind: 'experiment', patch});
    await this.connectMain();
    const word = s.experiment?.closer === 'host' ? 'peer-closed' : patch.timeWait ? 'time-wait' : 'no-time-wait';
    const back = this.stateNow.local;
    if (back) this.dispatch({kind: 'experiment', patch: {back}});
    // Wait for the welcome before reporting, so the host knows whose result it is.
    if (this.stateNow.phase !== 'joined') {
      await new Promise<void>((resolve) => {
        const off = this.subscribe((st) => {
          if (st.phase !== 'reconnecting' && st.phase !== 'connecting') {
            off();
            resolve();
          }
        });
      });
    }
    this.sendLine(`result close ${word}`);
  }

  /** Whether this machine's socket table shows our closed 4-tuple in TIME_WAIT (polls ≤ 4 Hz, bounded). */
  private async seesTimeWait(local: Addr, remote: Addr): Promise<boolean> {
    const match = (view: Awaited<ReturnType<Lab['osView']>>) =>
      view.available &&
      view.sockets.some((r) => r.state === 'TIME_WAIT' && r.local.kind === 'inet' && r.local.port === local.port && r.remote?.kind === 'inet' && r.remote.port === remote.port);
    if (match(await this.lab.osView())) return true;
    const seen = this.lab.waitFor(
      (e) => e.type === 'os' && e.entry.state === 'TIME_WAIT' && e.entry.local.kind === 'inet' && e.entry.local.port === local.port,
      {timeoutMs: TIME_WAIT_LOOK_MS},
    );
    const stop = this.lab.watchOs();
    try {
      await seen;
      return true;
    } catch {
      return match(await this.lab.osView());
    } finally {
      stop();
    }
  }
}

function addr(e: SocketInfo['local']): Addr {
  return e?.kind === 'inet' ? {address: e.address, port: e.port} : {address: '', port: 0};
}

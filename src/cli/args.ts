import {parseArgs} from 'node:util';
import {isLanguage, type Language} from '../i18n/languages.ts';

export type Mode = 'app' | 'repl' | 'lesson' | 'list' | 'lint' | 'host' | 'join';
export type BidiFlag = 'app' | 'terminal' | 'off';

export interface CliOptions {
  mode: Mode;
  /** lesson ID (mode lesson) or pack DIR (mode lint). */
  target?: string;
  lang?: Language;
  help: boolean;
  version: boolean;
  bidi?: BidiFlag;
  width?: number;
  color: boolean;
  also?: Language;
  present: boolean;
  lessons: string[];
  reset: boolean;
  json: boolean;
  auto: boolean;
  script?: string;
  allowRemote: boolean;
  /** host and join (the workshop). */
  workshop: WorkshopOptions;
  /** --max-sockets N: how many sockets one lab may hold at once (default 256). */
  maxSockets?: number;
}

export interface WorkshopOptions {
  /** host: --on ADDRESS|INTERFACE */
  on?: string;
  port?: number;
  max?: number;
  simulate?: number;
  record?: string;
  recordAddresses: boolean;
  private: boolean;
  discovery: boolean;
  /** join: HOST:PORT and the room code, as typed. */
  target?: string;
  code?: string;
  name?: string;
}

/** --max-sockets accepts 1 to this; past the OS's descriptor limit, sockets fail with EMFILE anyway. */
export const MAX_SOCKETS_FLAG = 65_536;

/** Options only the workshop's commands take. */
const HOST_OPTIONS = ['on', 'port', 'max', 'simulate', 'record', 'record-addresses', 'private'] as const;
const JOIN_OPTIONS = ['name'] as const;

export type ArgError =
  | {code: 'unknown-option'; value: string}
  | {code: 'bad-language'; option: string; value: string}
  | {code: 'bad-value'; option: string; value: string}
  | {code: 'missing-value'; option: string}
  | {code: 'unknown-command'; value: string}
  | {code: 'missing-argument'; command: string}
  | {code: 'extra-argument'; value: string};

/** A failed parse keeps what it understood before the error: the error is said in that language and layout. */
export type ArgPartial = Partial<Pick<CliOptions, 'lang' | 'bidi' | 'width'>>;

export type ParsedArgs = {ok: true; options: CliOptions} | {ok: false; error: ArgError; partial: ArgPartial};

const COMMANDS: readonly Mode[] = ['repl', 'lesson', 'list', 'lint', 'host', 'join'];

/** Pure: argv (without node and script) → options or a typed error. No printing. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: negativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        lang: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'},
        bidi: {type: 'string'},
        width: {type: 'string'},
        'no-color': {type: 'boolean'},
        also: {type: 'string'},
        present: {type: 'boolean'},
        lesson: {type: 'string'},
        lessons: {type: 'string', multiple: true},
        reset: {type: 'boolean'},
        json: {type: 'boolean'},
        auto: {type: 'boolean'},
        script: {type: 'string'},
        'allow-remote': {type: 'boolean'},
        on: {type: 'string'},
        port: {type: 'string'},
        max: {type: 'string'},
        simulate: {type: 'string'},
        record: {type: 'string'},
        'record-addresses': {type: 'boolean'},
        private: {type: 'boolean'},
        'no-discovery': {type: 'boolean'},
        name: {type: 'string'},
        'max-sockets': {type: 'string'},
      },
    });
  } catch (error) {
    return {ok: false, error: fromNodeError(error as Error & {code?: string}), partial: {}};
  }
  const v = parsed.values;
  const options: CliOptions = {
    mode: 'app',
    help: v.help ?? false,
    version: v.version ?? false,
    color: !(v['no-color'] ?? false),
    present: v.present ?? false,
    lessons: v.lessons ?? [],
    reset: v.reset ?? false,
    json: v.json ?? false,
    auto: v.auto ?? false,
    allowRemote: v['allow-remote'] ?? false,
    workshop: {recordAddresses: v['record-addresses'] ?? false, private: v.private ?? false, discovery: !(v['no-discovery'] ?? false)},
  };
  const fail = (error: ArgError): ParsedArgs => ({
    ok: false,
    error,
    partial: {...(options.lang ? {lang: options.lang} : {}), ...(options.bidi ? {bidi: options.bidi} : {}), ...(options.width ? {width: options.width} : {})},
  });
  if (v.lang !== undefined) {
    if (!isLanguage(v.lang)) return fail({code: 'bad-language', option: '--lang', value: v.lang});
    options.lang = v.lang;
  }
  if (v.also !== undefined) {
    if (!isLanguage(v.also)) return fail({code: 'bad-language', option: '--also', value: v.also});
    options.also = v.also;
  }
  if (v.bidi !== undefined) {
    if (v.bidi !== 'app' && v.bidi !== 'terminal' && v.bidi !== 'off') {
      return fail({code: 'bad-value', option: '--bidi', value: v.bidi});
    }
    options.bidi = v.bidi;
  }
  if (v.width !== undefined) {
    const width = Number(v.width);
    if (!/^\d+$/.test(v.width) || width < 20 || width > 1000) {
      return fail({code: 'bad-value', option: '--width', value: v.width});
    }
    options.width = width;
  }
  if (v.script !== undefined) options.script = v.script;
  const w = options.workshop;
  for (const [option, min, max] of [['port', 0, 65535], ['max', 1, 5000], ['simulate', 0, 1000]] as const) {
    const raw = v[option];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) return fail({code: 'bad-value', option: `--${option}`, value: raw});
    w[option] = Number(raw);
  }
  if (v.on !== undefined) w.on = v.on;
  if (v.record !== undefined) w.record = v.record;
  if (v.name !== undefined) w.name = v.name;
  const max = v['max-sockets'];
  if (max !== undefined) {
    if (!/^\d{1,6}$/.test(max) || Number(max) < 1 || Number(max) > MAX_SOCKETS_FLAG) {
      return fail({code: 'bad-value', option: '--max-sockets', value: max});
    }
    options.maxSockets = Number(max);
  }

  const [command, ...rest] = parsed.positionals;
  if (command !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(command)) return fail({code: 'unknown-command', value: command});
    options.mode = command as Mode;
    if (command === 'lesson' || command === 'lint') {
      const target = rest.shift();
      if (target === undefined) return fail({code: 'missing-argument', command});
      options.target = target;
    }
  }
  if (command === 'join') {
    // join [HOST:PORT] [CODE]: with no address, discovery looks for rooms first.
    const first = rest[0];
    if (first !== undefined && /[:.]/.test(first)) w.target = rest.shift();
    if (rest[0] !== undefined) w.code = rest.shift();
  }
  const onlyFor = (mode: Mode, names: readonly string[]) => {
    if (options.mode === mode) return undefined;
    const given = names.find((n) => (v as Record<string, unknown>)[n] !== undefined);
    return given === undefined ? undefined : `--${given}`;
  };
  const stray = onlyFor('host', [...HOST_OPTIONS, 'no-discovery'].filter((n) => !(options.mode === 'join' && n === 'no-discovery'))) ?? onlyFor('join', JOIN_OPTIONS);
  if (stray !== undefined) return fail({code: 'extra-argument', value: stray});
  if (v.lesson !== undefined) {
    if (options.mode !== 'app' && options.mode !== 'lesson') return fail({code: 'extra-argument', value: '--lesson'});
    options.mode = 'lesson';
    options.target = v.lesson;
  }
  if (rest.length > 0) return fail({code: 'extra-argument', value: rest[0]!});
  return {ok: true, options};
}

// parseArgs takes "-5" after an option for another option and calls the value missing;
// a negative number is never one of our options, so it is the value (and then refused
// with a message that says what is wrong with it).
const VALUE_OPTIONS = new Set(['--lang', '--bidi', '--width', '--also', '--lesson', '--lessons', '--script', '--max-sockets']);

function negativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function fromNodeError(error: Error & {code?: string}): ArgError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.split(/[ ,]/)[0] ?? quoted;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return {code: 'missing-value', option: option.startsWith('-') ? option : `--${option}`};
  }
  return {code: 'unknown-option', value: option || error.message};
}

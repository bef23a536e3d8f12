// Each verb's syntax and examples. The same in every language (command words stay
// English); what they mean is in locales/<lng>/commands.json under verb.<verb>.

import type {Verb} from './verbs.ts';

export const USAGE: Record<Verb, {forms: string[]; examples: string[]}> = {
  socket: {forms: ['socket tcp|udp [as NAME]'], examples: ['socket udp as u2']},
  bind: {forms: ['bind tcp|udp ADDRESS [as NAME]', 'bind NAME ADDRESS'], examples: ['bind udp 127.0.0.1:0 as u1', 'bind u3 127.0.0.1:0']},
  listen: {
    forms: ['listen tcp ADDRESS [as NAME]', 'listen unix [PATH] [as NAME]', 'listen NAME [ADDRESS]'],
    examples: ['listen tcp 127.0.0.1:0 as srv', 'listen unix as us'],
  },
  connect: {
    forms: ['connect tcp|udp ADDRESS [from ADDRESS] [as NAME]', 'connect unix PATH|NAME [as NAME]', 'connect NAME ADDRESS'],
    examples: ['connect tcp srv as c1', 'connect tcp 127.0.0.1:8080 from 127.0.0.1:40000', 'connect u2 u1'],
  },
  send: {forms: ['send NAME TEXT'], examples: ['send c1 "hello from c1"', 'send uc ping']},
  sendto: {forms: ['sendto NAME ADDRESS TEXT', 'sendto udp ADDRESS TEXT [as NAME]'], examples: ['sendto u2 u1 "hi"']},
  shutdown: {forms: ['shutdown NAME'], examples: ['shutdown c1']},
  close: {forms: ['close NAME'], examples: ['close c1']},
  reset: {forms: ['reset NAME'], examples: ['reset c2']},
  sockets: {forms: ['sockets'], examples: ['sockets']},
  os: {forms: ['os'], examples: ['os']},
  scan: {forms: ['scan [HOST] PORTS'], examples: ['scan 127.0.0.1 srv', 'scan 127.0.0.1 8000-8010']},
  wait: {forms: ['wait EVENT [NAME] [MS]'], examples: ['wait accept srv 30000', 'wait message u1']},
  help: {forms: ['help [COMMAND]'], examples: ['help connect']},
  lang: {forms: ['lang en|fa|ru'], examples: ['lang fa']},
  clear: {forms: ['clear'], examples: ['clear']},
  quit: {forms: ['quit'], examples: ['quit']},
};

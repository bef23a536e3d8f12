import './cli/v8-tuning.ts';
import './cli/deno-gate.ts';
import './cli/ci-env.ts';
import {main} from './cli/main.ts';

process.exitCode = await main(process.argv.slice(2));

export {readLines, type InputLine} from './lines.ts';
export {plainPrinter, jsonPrinter, type TranscriptPrinter, type RunSummary} from './printer.ts';
export {runScript, type ScriptRunOptions} from './run-script.ts';

// Pure functions: typed results, errors and events → translated text. No React.
export {translatorOf, type Translate} from './translate.ts';
export {describeEvent, osEntryText} from './event.ts';
export {describeError, type ErrorText} from './error.ts';
export {describeOutcome, describeResult, helpLines, textLines, type Described} from './result.ts';
export {socketTable, osTable, columns, tableText, type TableColumnId, type TextTable} from './table.ts';
export {endpointText, hostPort, quoted} from './text.ts';
export {commandSourceText, conceptNames, taskStatusText} from './lesson.ts';

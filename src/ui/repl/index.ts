export {ReplScreen, type ReplScreenProps} from './ReplScreen.tsx';
export {fileHistory, memoryHistory, historyFile, type HistoryStore} from './history.ts';
export {useRepl, type ReplEntry, type ReplState} from './useRepl.ts';
export {transcriptLines, type TranscriptLine} from './transcript.ts';

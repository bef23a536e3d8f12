// The lesson runner's public API (React-free; the UI renders LessonState).
export * from './types.ts';
export {loadPack, loadPacks, type PackInput, type LoadResult, type LoadOptions} from './loader.ts';
export {readPackDir} from './pack-fs.ts';
export {menuEntries, type Catalog, type CatalogOptions, type MenuEntry} from './catalog.ts';
export {loadCatalog} from './pack-catalog.ts';
export {createLessonSession, type LessonSession, type LessonSessionOptions, type LessonExecutor} from './session.ts';
export {reduceLesson, type LessonAction, type LearnerAction, type DriverAction, type ReducerContext} from './reducer.ts';
export {
  initialState,
  completedSteps,
  missingFor,
  type LessonState,
  type StepState,
  type StepStatus,
  type CommandRecord,
  type CommandOutcome,
  type LessonNotice,
} from './state.ts';
export {runAuto, settleStep, isLessonBug, type AutoResult, type AutoFailure, type AutoOptions} from './autopilot.ts';
export {interpolate, placeholders, socketValues, formatEndpoint, type LiveValues} from './interpolate.ts';
export {matchesExpect} from './expect.ts';
export {detectCapabilities} from './capabilities.ts';
export {
  openProgress,
  recordLesson,
  recordState,
  emptyProgress,
  parseProgress,
  PROGRESS_VERSION,
  type Progress,
  type LessonProgress,
  type ProgressStore,
  type ProgressNotice,
  type OpenProgressOptions,
} from './progress.ts';
export {configDir, appConfigDir} from './config-dir.ts';

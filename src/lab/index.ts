export * from './types.ts';
export {Lab} from './lab.ts';
export {installExitCleanup, liveLabs} from './cleanup.ts';
export {isLoopback} from './address.ts';

// The socket lab: real TCP, UDP and Unix sockets, named, evented, and the OS's view of them.
export * from './types.ts';
export {Lab, OS_POLL_MS} from './lab.ts';
export {installExitCleanup, liveLabs} from './cleanup.ts';
export {isLoopback} from './address.ts';
export {MAX_SCAN_PORTS, MAX_SCAN_CONCURRENCY} from './scan.ts';
export type {OsViewReason} from './os-view/index.ts';

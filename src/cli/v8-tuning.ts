// The app allocates in small bursts and lives long. On a machine with plenty of RAM,
// V8 doubles the young generation as survivors accumulate (up to 2×64 MB), so RSS climbs
// past 200 MB with ~12 MB of live data (bench/memory.mjs: 215 -> 102 MB peak). Keeping
// it at its starting size costs more scavenges under a 20,000 datagrams/s flood
// (~0.1 s of GC per second) but no measurable key latency or frame rate (bench/load.mjs).
import v8 from 'node:v8';

try {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
} catch {
  // Deno, or a V8 without this flag: the default is only bigger, not wrong.
}

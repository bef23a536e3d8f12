// The budgets from issue 8, in one place for `npm run bench` and the CI size test.
// Sizes in SI units, as npm prints them (1 kB = 1000 bytes).
export const BUDGETS = {
  firstFrameRatio: 1.25, // app / bare Ink hello, time to first frame in a pty
  coldNpxMs: 1000, // empty npm cache, local registry, until the menu is drawn
  packedBytes: 400_000,
  unpackedBytes: 1_500_000,
  runtimeDependencies: 0,
  keyToFrameP95Ms: 100, // under a 20,000 datagrams/s UDP flood
  maxFps: 30,
  idleCpuPercent: 1, // of one core, lesson open with sockets, 10 s
  peakRssBytes: 150 * 1024 * 1024, // 150 MB of RSS as the OS counts it (MiB)
  labOverheadRatio: 0.7, // lab throughput / bare node:net or node:dgram (lab issue's goal)
  workshopJoinMs: 2000, // 200 simulated learners joined, from the room record (issue 13)
};

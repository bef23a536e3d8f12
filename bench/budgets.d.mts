// Types for budgets.mjs (imported by test/package/size.test.ts).
export declare const BUDGETS: {
  firstFrameRatio: number;
  coldNpxMs: number;
  packedBytes: number;
  unpackedBytes: number;
  runtimeDependencies: number;
  keyToFrameP95Ms: number;
  maxFps: number;
  idleCpuPercent: number;
  peakRssBytes: number;
  labOverheadRatio: number;
  workshopJoinMs: number;
};

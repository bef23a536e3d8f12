// Types for budgets.mjs (imported by test/package/size.test.ts).
export declare const BUDGETS: {
  firstFrameRatio: number;
  versionRatio: number;
  listRatio: number;
  coldNpxMs: number;
  packedBytes: number;
  unpackedBytes: number;
  runtimeDependencies: number;
  keyToFrameP95Ms: number;
  denoKeyToFrameP95Ms: number;
  floodCpuPercent: number;
  floodPeakRssMB: number;
  maxFps: number;
  idleCpuPercent: number;
  peakRssBytes: number;
  interactiveRssMB: number;
  osPollMs: number;
  replScriptRatio: number;
  labOverheadRatio: number;
  workshopJoinMs: number;
};

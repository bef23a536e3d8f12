// The experiments an instructor can start: a fixed list of step IDs. A learner's client
// knows what each one means and does only that; nothing received is ever run.

export const EXPERIMENTS = ['second-connection', 'refused', 'udp', 'close'] as const;
export type ExperimentId = (typeof EXPERIMENTS)[number];

export function isExperimentId(value: string): value is ExperimentId {
  return (EXPERIMENTS as readonly string[]).includes(value);
}

/** Which curriculum concepts each experiment shows (CURRICULUM.md). */
export const EXPERIMENT_CONCEPTS: Record<ExperimentId, readonly string[]> = {
  'second-connection': ['C6', 'C7'],
  refused: ['C4', 'C9'],
  udp: ['C3', 'C11'],
  close: ['C5'],
};

/** In the close experiment, who closes first: odd learner numbers close themselves, even ones are closed by the host. */
export function closesFirst(learner: number): 'you' | 'host' {
  return learner % 2 === 1 ? 'you' : 'host';
}

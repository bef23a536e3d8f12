// Types of the build script's exports, for the tests and benchmarks that bundle with it.
import type {BuildResult, Metafile} from 'esbuild';
import type {Content} from '../src/content/types.ts';

export function readContent(dir: string): Content;
export function bundle(options: {entry: string; outfile: string; define?: Record<string, string>; minify?: boolean}): Promise<BuildResult & {metafile: Metafile}>;
export function bundleLauncher(options: {content: Content; outfile: string; minNode?: number}): Promise<BuildResult>;

// Lines from a byte stream (a script file or a pipe), decoded as UTF-8 with replacement
// characters for invalid bytes. A line longer than `maxChars` is not kept in memory: only
// its length is counted, so a 100 MB line of binary garbage costs nothing.

export interface InputLine {
  /** The line without its newline; empty when it was too long. */
  text: string;
  /** Set when the line was longer than maxChars: its full length. */
  tooLong?: number;
}

export async function* readLines(stream: AsyncIterable<Uint8Array | string>, maxChars: number): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let dropped = 0; // characters of the current line already discarded
  const take = function* (chunk: string): Generator<InputLine> {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      const piece = chunk.slice(start, nl === -1 ? undefined : nl);
      if (dropped > 0 || buf.length + piece.length > maxChars) {
        dropped += buf.length + piece.length;
        buf = '';
      } else buf += piece;
      if (nl === -1) return;
      yield dropped > 0 ? {text: '', tooLong: dropped} : {text: buf};
      buf = '';
      dropped = 0;
      start = nl + 1;
    }
  };
  for await (const chunk of stream) {
    yield* take(typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true}));
  }
  yield* take(decoder.decode());
  if (dropped > 0) yield {text: '', tooLong: dropped};
  else if (buf !== '') yield {text: buf};
}

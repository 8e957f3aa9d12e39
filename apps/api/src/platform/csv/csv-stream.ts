import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { detectDelimiter, parseOptions, rowOf, syntaxError, type CsvRow } from './csv-file.js';
import type { RowError } from './import-result.types.js';

/**
 * A CSV file on disk read as it streams (an uploaded import file of up to 50 MB), with exactly the
 * rules of readCsvFile: the same delimiter detection, lines, blank rows skipped and syntax errors.
 * Memory stays at one chunk of rows, whatever the size of the file.
 */

/** The file is not valid CSV: the row error names the line of the record it broke. */
export class CsvSyntaxError extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.message);
    this.name = 'CsvSyntaxError';
  }
}

/** How much of the file's start is read to detect its delimiter (the header line is in it). */
const HEAD_BYTES = 64 * 1024;

async function head(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

/** Every non-blank record of the file, header first, each with the line it starts on. Throws CsvSyntaxError. */
export async function* csvFileRows(path: string): AsyncGenerator<CsvRow> {
  let lastLine = 0;
  const parser = parse(parseOptions(detectDelimiter(await head(path)), (line) => (lastLine = line)));
  const source = createReadStream(path);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let previousEnd = 0;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const row = rowOf(record, previousEnd);
      previousEnd = record.info.lines;
      if (row) yield row;
    }
  } catch (error) {
    if (error instanceof CsvError) throw new CsvSyntaxError(syntaxError(lastLine, error));
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** Items of an async sequence in arrays of `size` (the last one shorter). */
export async function* inChunks<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * About how many data rows a file has, read in one fast pass over its bytes: lines outside quotes
 * that hold more than blanks and delimiters, less the header. Exact for every file without quoted
 * empty rows; a progress bar's total until the rows are counted.
 */
export async function estimateRows(path: string): Promise<number> {
  let quoted = false;
  let content = false;
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) {
        quoted = !quoted;
        content = true;
      } else if (!quoted && byte === 0x0a) {
        if (content) lines++;
        content = false;
      } else if (!content && byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x2c && byte !== 0x3b) {
        // Not a blank or a delimiter; a BOM's bytes count as content only with something after them on the line.
        if (!(lines === 0 && (byte === 0xef || byte === 0xbb || byte === 0xbf))) content = true;
      }
    }
  }
  if (content) lines++;
  return Math.max(0, lines - 1);
}

import type { DataSource, EntityManager } from 'typeorm';
import { conflict, overloaded } from '../../kernel/errors.js';
import { ALREADY_ANSWERED, recordResponses, type RecordedResponse, type ResponseToRecord } from './record-responses.js';
import { rootDataSource } from '../../kernel/data-source-root.js';
import { processMetrics } from '../../platform/observability/metrics.js';

/**
 * Writes the respondents' answers, coalescing the ones that arrive while a write is in flight into
 * the next single statement (recordResponses). Alone, an answer is written at once; under load, the
 * answers of many concurrent respondents share one round trip, one commit and one run of the rollup
 * triggers, which is what a database round trip and a trigger run cost on a small machine. Nothing
 * waits for a batch to fill: a batch is whatever queued during the previous write.
 *
 * Each answer still gets its own outcome: a spent link is CONFLICT (token) for that answer alone; a
 * second answer to a link already in the batch waits for the next one (and finds it spent); and if
 * a batch fails as a whole, its answers are written one by one, so one answer's failure is its own.
 *
 * The queue is bounded (ANSWER_QUEUE_LIMIT): past the limit an answer is refused at once with
 * OVERLOADED (HTTP 503, Retry-After), rather than waiting until an HTTP timeout ends it unseen. A
 * refused answer wrote nothing; the respondent's page retries it with the same submission id.
 */
interface Pending {
  item: ResponseToRecord;
  resolve: (recorded: RecordedResponse) => void;
  reject: (error: unknown) => void;
}

/** Seconds a refused respondent is asked to wait before trying again (Retry-After). */
export const OVERLOADED_RETRY_AFTER_SECONDS = 2;

export class AnswerWriter {
  private queue: Pending[] = [];
  private writing = false;
  /** Answers that may wait at most; 0: no limit. */
  queueLimit = 0;

  constructor(
    private readonly db: EntityManager,
    private readonly maxBatch = 200,
  ) {}

  /** Answers waiting for a write (not counting the batch being written). */
  get queued(): number {
    return this.queue.length;
  }

  write(item: ResponseToRecord): Promise<RecordedResponse> {
    if (this.queueLimit > 0 && this.queue.length >= this.queueLimit) {
      processMetrics().answerRefusals.inc();
      return Promise.reject(overloaded('Too many answers are being written right now; try again shortly', OVERLOADED_RETRY_AFTER_SECONDS));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      processMetrics().answerQueue.inc();
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) await this.writeBatch(this.nextBatch());
    } finally {
      this.writing = false;
    }
  }

  /** The oldest queued answers, each invitation once; a repeat stays queued for the next batch. */
  private nextBatch(): Pending[] {
    const seen = new Set<string>();
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const pending of this.queue) {
      if (batch.length < this.maxBatch && !seen.has(pending.item.invitationId)) {
        seen.add(pending.item.invitationId);
        batch.push(pending);
      } else rest.push(pending);
    }
    this.queue = rest;
    processMetrics().answerQueue.dec(batch.length);
    return batch;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    let results: (RecordedResponse | null)[];
    try {
      results = await recordResponses(this.db, batch.map((p) => p.item));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const pending of batch) await this.writeBatch([pending]);
      return;
    }
    batch.forEach((pending, i) => {
      const recorded = results[i];
      if (recorded) pending.resolve(recorded);
      else pending.reject(conflict('token', ALREADY_ANSWERED));
    });
  }
}

const writers = new WeakMap<DataSource, AnswerWriter>();

/** The data source's one writer (outside any transaction: its statements commit on their own), its queue bounded by queueLimit. */
export function answerWriterOf(db: EntityManager, queueLimit = 0): AnswerWriter {
  if (db.queryRunner?.isTransactionActive) throw new Error('the answer writer runs outside transactions');
  const dataSource = rootDataSource(db.connection);
  let writer = writers.get(dataSource);
  if (!writer) writers.set(dataSource, (writer = new AnswerWriter(dataSource.manager)));
  writer.queueLimit = queueLimit;
  return writer;
}

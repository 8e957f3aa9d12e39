import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context.js';
import type { WaveEntity } from './wave.entity.js';

/**
 * What other modules do when a wave moves. The waves module sits below the ones that care (the
 * anonymity guard freezes an employee wave's theme catalogue when it opens and releases its results
 * when it closes), so it announces the move and the wiring (graphql/lifecycle.ts) subscribes them.
 */
export interface WaveListener {
  /** Inside the transaction that opened the wave: a failure rolls the opening back. */
  opened?(tx: EntityManager, wave: WaveEntity): Promise<void>;
  /** After the closing committed: a failure is the listener's own to log or retry. */
  closed?(ctx: Context, wave: WaveEntity): Promise<void>;
}

const listeners = new Map<string, WaveListener>();

/** Subscribes a listener under a name; the same name again replaces it, so wiring twice is harmless. */
export function onWaveMoved(name: string, listener: WaveListener): void {
  listeners.set(name, listener);
}

export async function waveOpened(tx: EntityManager, wave: WaveEntity): Promise<void> {
  for (const listener of listeners.values()) await listener.opened?.(tx, wave);
}

export async function waveClosed(ctx: Context, wave: WaveEntity): Promise<void> {
  for (const listener of listeners.values()) await listener.closed?.(ctx, wave);
}

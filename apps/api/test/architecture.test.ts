import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';

/**
 * The API's architecture (docs/architecture.md), checked with dependency-cruiser and the rules in
 * apps/api/.dependency-cruiser.cjs: no import cycle between files or between module folders, and
 * every import goes down the layers kernel → platform → identity → survey → reporting → loop →
 * overview → wiring.
 */
const API = fileURLToPath(new URL('..', import.meta.url));

async function violationsIn(root: string): Promise<string[]> {
  const config = await extractDepcruiseConfig(path.join(API, '.dependency-cruiser.cjs'));
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const result = await cruise(['src'], { ...options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden }, outputType: 'json' });
  const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as ICruiseResult;
  if (output.summary.totalCruised < 2) throw new Error(`dependency-cruiser read nothing under ${root}/src: is @swc/core installed?`);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
}

describe('the API architecture', () => {
  it('has no import cycles and imports only down the layers', async () => {
    expect(await violationsIn(API)).toEqual([]);
  }, 120_000);

  it('catches a cycle between files, between folders, and an import against the layer order', async () => {
    const found = await violationsIn(path.join(API, 'test/fixtures/architecture'));
    const rules = new Set(found.map((v) => v.split(':')[0]));
    expect(rules).toEqual(new Set(['no-file-cycle', 'no-folder-cycle', 'layer-kernel']));
    expect(found.some((v) => v.startsWith('layer-kernel: src/kernel/clock.ts → src/survey/waves/wave.ts'))).toBe(true);
    expect(found.some((v) => v.includes('identity'))).toBe(false);
  }, 120_000);
});

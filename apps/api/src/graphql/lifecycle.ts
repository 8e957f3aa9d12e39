import { freezeThemeCatalogue, releaseNow } from '../reporting/anonymity/index.js';
import { isAnonymousAudience } from '../survey/waves/wave-access.js';
import { onWaveMoved } from '../survey/waves/wave-lifecycle.js';

/** Subscribes the higher modules to the moves of the lower ones (called wherever the app is built). */
export function wireLifecycle(): void {
  onWaveMoved('anonymity', {
    // An employee wave counts only the themes its catalogue had when it opened.
    async opened(tx, wave) {
      if (isAnonymousAudience(wave.audience)) await freezeThemeCatalogue(tx, wave.organizationId, wave.id);
    },
    // A closed employee wave is released at once (and, should that fail, on the first read).
    async closed(ctx, wave) {
      if (!isAnonymousAudience(wave.audience)) return;
      try {
        await releaseNow(ctx, wave.id);
      } catch (error) {
        ctx.logger.error({ event: 'release.failed', waveId: wave.id, err: error }, 'the release of a closed employee wave failed; it is made again on the next read');
      }
    },
  });
}

import { generateSecret, generateURI, verify } from 'otplib';

/**
 * RFC 6238 time-based one-time codes (otplib): 6 digits, 30-second steps, SHA-1, as every
 * authenticator app expects. A code one step either side of now is accepted (clock drift), and a
 * step already used is not accepted again (afterTimeStep), so a code seen over a shoulder is spent.
 */

export const TOTP_ISSUER = 'Tandem';

export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, label: string) => generateURI({ issuer: TOTP_ISSUER, label, secret });

/** The time step the code matched, or null when it does not match (or repeats a step already used). */
export async function checkTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // A TOTP verification names the time step it matched (a HOTP one would name a counter).
  const step = result.valid && 'timeStep' in result ? (result as { timeStep: number }).timeStep : null;
  return typeof step === 'number' ? step : null;
}

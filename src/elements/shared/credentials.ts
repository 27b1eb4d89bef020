/** Whether the bundle's requests carry cookies and HTTP authentication (fetch's `credentials`). */
export type KbCredentials = 'omit' | 'same-origin' | 'include';

const MODES: readonly string[] = ['omit', 'same-origin', 'include'];

/** A `credentials` attribute as fetch takes it: anything unknown is `omit`. */
export function credentialsMode(value: string | undefined | null): KbCredentials {
  return value && MODES.includes(value) ? (value as KbCredentials) : 'omit';
}

// Debian Chromium for the end-to-end tests, with the flags test-rig.md found necessary on this
// machine kind (no sandbox as root, no background networking on a closed network). One definition
// for the console, tickets and media rigs.
export const CHROMIUM = '/usr/bin/chromium';

const BASE = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** Also for WebRTC on loopback with audio that plays without a click. */
const MEDIA = ['--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

export function chromiumArgs(o: { media?: boolean; extra?: string[] } = {}): string[] {
  return [...BASE, ...(o.media ? MEDIA : []), ...(o.extra ?? [])];
}

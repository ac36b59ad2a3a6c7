// Where the conformance suite runs: an external drachtio-server when DRACHTIO_HOST/PORT/SECRET
// are set (then sipd is NOT started), otherwise a fresh sipd on port 0 for this test file.
import { randomBytes } from 'node:crypto';
import { loadTelephonyConfig, type SipdConfigInput } from '../../../src/config.ts';
import { type SipdHandle, startSipd } from '../../../src/index.ts';

export interface Target {
  host: string;
  appPort: number;
  secret: string;
  /** True when the suite runs against a real drachtio-server. */
  external: boolean;
  /** The embedded server (undefined when external). */
  sipd: SipdHandle | undefined;
  stop(): Promise<void>;
}

export async function sipTarget(overrides: Partial<SipdConfigInput> = {}): Promise<Target> {
  const ext = loadTelephonyConfig().drachtio;
  if (ext)
    return {
      host: ext.host,
      appPort: ext.port,
      secret: ext.secret,
      external: true,
      sipd: undefined,
      stop: async () => {},
    };
  const secret = randomBytes(12).toString('hex');
  const sipd = await startSipd({
    host: '127.0.0.1',
    udpPort: 0,
    tcpPort: 0,
    wsPort: 0,
    wssPort: 0,
    appPort: 0,
    secret,
    ...overrides,
  });
  return {
    host: '127.0.0.1',
    appPort: sipd.ports.app,
    secret,
    external: false,
    sipd,
    stop: () => sipd.stop(),
  };
}

// `npm run sipd`: start sipd from the telephony config (environment), stop on SIGINT/SIGTERM.
import { loadTelephonyConfig } from '../config.ts';
import { startSipd } from './start-sipd.ts';

const cfg = loadTelephonyConfig();
if (!cfg.sipd) {
  console.error('sipd: set SIPD_SECRET (and optionally SIPD_HOST, SIPD_UDP_PORT, … see telephony/README.md)');
  process.exit(2);
}
const sipd = await startSipd(cfg.sipd);
const p = sipd.ports;
console.log(
  JSON.stringify({
    sipd: 'listening',
    host: sipd.host,
    udp: p.udp,
    tcp: p.tcp,
    ws: p.ws,
    wss: p.wss ?? null,
    app: p.app,
  }),
);
const stop = async () => {
  await sipd.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `tsx telephony/src/gateway/main.ts`: run the gateway with the telephony config from the
// environment (see telephony/README.md, "Gateway"): connects to DRACHTIO_* when set, else to sipd's
// app port (SIPD_APP_HOST/SIPD_APP_PORT/SIPD_SECRET).
import { loadTelephonyConfig } from '../config.ts';
import { TelephonyError } from '../errors.ts';
import { startGateway } from './app/gateway.ts';

const cfg = loadTelephonyConfig();
if (!cfg.gateway) {
  throw new TelephonyError('CONFIG_INVALID', 'gateway: set SIP_CREDENTIAL_SECRET and GATEWAY_NONCE_SECRET');
}
const target =
  cfg.drachtio ??
  (cfg.sipd ? { host: cfg.sipd.appHost, port: cfg.sipd.appPort, secret: cfg.sipd.secret } : undefined);
if (!target)
  throw new TelephonyError('CONFIG_INVALID', 'gateway: set DRACHTIO_HOST/PORT/SECRET or SIPD_SECRET');
const gw = await startGateway(cfg.gateway, target);
const stop = () => {
  gw.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// startSipd(config): bind every listener (port 0 allowed), wire transports → transactions →
// dialogs → apps, and return the bound ports and stop().
import { parseSipdConfig, type SipdConfigInput } from '../config.ts';
import { isTelephonyError } from '../errors.ts';
import { type AppConn, AppHub } from './apps/app-hub.ts';
import { onAppRequest } from './core/app-requests.ts';
import { onAppResponse } from './core/app-responses.ts';
import { localResponse, newTag } from './core/build.ts';
import { Context, type Stats } from './core/context.ts';
import { DialogStore } from './core/dialogs.ts';
import { onNetworkMessage } from './core/network-in.ts';
import { ContactCache } from './core/registrar.ts';
import { TransactionLayer } from './core/transactions.ts';
import { parseAppMessage } from './sip/message.ts';
import { type BoundPorts, Transports } from './transport/transports.ts';
import type { AppMessage } from './wire/protocol.ts';

export interface SipdHandle {
  /** Ports actually bound (differ from the config when it asked for 0). */
  ports: BoundPorts & { app: number };
  host: string;
  stats(): Stats & { dialogs: number; apps: number; serverTxns: number; clientTxns: number };
  stop(): Promise<void>;
}

function onAppSip(ctx: Context, app: AppConn, m: AppMessage): void {
  if (m.sip === undefined) {
    app.nok(m.msgId, 'APP_BAD_FORMAT');
    return;
  }
  let msg: ReturnType<typeof parseAppMessage>;
  try {
    msg = parseAppMessage(m.sip);
  } catch {
    app.nok(m.msgId, 'APP_BAD_REQUEST_URI');
    return;
  }
  if (msg.isRequest) void onAppRequest(ctx, app, m, msg);
  else onAppResponse(ctx, app, m, msg);
}

/**
 * An app went away while new requests it owned were still unanswered: answer them 503 so callers
 * are not left waiting (drachtio-server would stay silent until its 64 s client timeout).
 */
function answerOrphans(ctx: Context, app: AppConn): void {
  for (const txn of [...ctx.txns.serversById.values()]) {
    if (txn.appId !== app.id || txn.finalStatus || txn.canceled) continue;
    const res = localResponse(txn.request, 503, 'Service Unavailable', txn.localTag ?? newTag());
    ctx.txns.respond(txn, 503, res.toString());
    if (txn.dialogId) {
      const d = ctx.dialogs.get(txn.dialogId);
      if (d && !d.confirmed) ctx.dialogs.delete(d);
    }
  }
}

export async function startSipd(input: SipdConfigInput): Promise<SipdHandle> {
  const cfg = parseSipdConfig(input);
  const transports = new Transports(cfg);
  const txns = new TransactionLayer(cfg);
  const dialogs = new DialogStore();
  let ctx: Context | undefined;
  const hub = new AppHub(
    cfg,
    () => ctx?.hostports() ?? '',
    (app, m) => ctx && onAppSip(ctx, app, m),
    (app) => ctx && answerOrphans(ctx, app),
  );
  ctx = new Context(cfg, transports, txns, dialogs, new ContactCache(), hub);
  const c = ctx;
  transports.on('message', (buf, flow) => {
    try {
      onNetworkMessage(c, buf, flow);
    } catch (e) {
      // the process never dies on input; count and drop
      c.stats.dropped++;
      if (!isTelephonyError(e)) c.stats.lastError = String((e as Error)?.stack ?? e);
    }
  });
  transports.on('dropped', () => {
    c.stats.dropped++;
  });
  try {
    await transports.start();
    await hub.start();
  } catch (e) {
    await transports.stop();
    await hub.stop();
    throw e;
  }
  return {
    ports: { ...transports.ports, app: hub.port },
    host: cfg.host,
    stats: () => ({
      ...c.stats,
      dialogs: dialogs.size,
      apps: hub.connections,
      serverTxns: txns.serversById.size,
      clientTxns: txns.clientsById.size,
    }),
    async stop() {
      txns.stop();
      for (const d of dialogs.all()) dialogs.delete(d);
      await hub.stop();
      await transports.stop();
    },
  };
}

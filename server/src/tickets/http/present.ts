// Role-aware views of a ticket: confidential requesters are withheld from units and county offices
// (Art. 22, 29 (4)); other personal data goes through the core's masking + audited-read helper.
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../auth/session-store.ts';
import type { RequesterView, TicketEventView, TicketView } from '../../contracts/tickets.ts';
import { presentPersonalDataList } from '../../privacy/personal-data.ts';
import type { TicketEvent } from '../domain/events.ts';
import type { Requester } from '../domain/fields.ts';
import type { TicketState } from '../domain/state.ts';
import { allowedCommands, seesAll } from './actor.ts';

type Row = { name: string | null; phone: string | null };

function withheld(user: SessionUser, r: Requester): boolean {
  return r.confidential && !seesAll(user);
}

/** Masks (and audits the read of) a batch of requesters; withholds confidential ones from units. */
export async function presentRequesters(
  req: FastifyRequest,
  ticketId: string,
  list: Requester[],
): Promise<RequesterView[]> {
  const user = req.session?.user as SessionUser;
  const rows = list.map((r, i) => ({
    id: `${ticketId}#${i}`,
    record: (withheld(user, r)
      ? { name: null, phone: null }
      : { name: r.name ?? null, phone: r.phone ?? null }) as Row,
  }));
  const visible = rows.filter((_, i) => !withheld(user, list[i] as Requester));
  const masked = await presentPersonalDataList(req, 'ticket', visible, { name: 'name', phone: 'phone' });
  let k = 0;
  return list.map((r, i) => {
    const hidden = withheld(user, r);
    const rec = hidden ? (rows[i] as { record: Row }).record : (masked[k++] as Row);
    return {
      anonymous: r.anonymous,
      confidential: r.confidential,
      name: rec.name,
      phone: rec.phone,
      withheld: hidden,
    };
  });
}

export async function presentTicket(
  req: FastifyRequest,
  s: TicketState & { no?: string },
): Promise<TicketView> {
  const user = req.session?.user as SessionUser;
  const [requester, ...linked] = await presentRequesters(req, s.id, [
    s.intake.requester,
    ...s.linkedTickets.map((l) => l.requester),
  ]);
  return {
    ...s,
    no: s.no ?? '',
    intake: { ...s.intake, requester: requester as RequesterView },
    linkedTickets: s.linkedTickets.map((l, i) => ({
      ticketId: l.ticketId,
      requester: linked[i] as RequesterView,
    })),
    allowedCommands: allowedCommands(user, s),
  };
}

/** The timeline; requester data inside payloads is withheld from units for confidential tickets. */
export function presentEvents(user: SessionUser, events: TicketEvent[]): TicketEventView[] {
  const hide = !seesAll(user);
  return events.map((e) => {
    let payload = e.payload;
    if (hide && e.type === 'created') {
      const intake = payload.intake as TicketState['intake'];
      payload = {
        ...payload,
        intake: {
          ...intake,
          requester: { anonymous: intake.requester.anonymous, confidential: intake.requester.confidential },
        },
      };
    }
    if (hide && e.type === 'requester_linked') payload = { fromTicketId: payload.fromTicketId };
    return { seq: e.seq, type: e.type, actor: e.actor, at: e.at, payload };
  });
}

import { useEffect, useState } from 'react';
import { isMissingRoute } from '../kb/api.ts';
import { type OrgUnit, type TicketMeta, type TicketsApi, ticketsApi } from './api.ts';

export interface TicketSetup {
  meta: TicketMeta;
  units: OrgUnit[];
  /** may read personal data in plain text (permission pii.read_plain); otherwise numbers are masked */
  plainPii: boolean;
  orgUnitId: string;
  roles: string[];
  permissions: string[];
}

/** Loads what the ticket screens need once. `null` while loading; `false` when the server has no tickets routes. */
export function useTicketSetup(api: TicketsApi = ticketsApi): TicketSetup | null | false {
  const [setup, setSetup] = useState<TicketSetup | null | false>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.meta(), api.orgUnits(), api.me()])
      .then(([meta, units, me]) => {
        if (live)
          setSetup({
            meta,
            units,
            plainPii: me.permissions.includes('pii.read_plain'),
            orgUnitId: me.orgUnitId,
            roles: me.roles,
            permissions: me.permissions,
          });
      })
      .catch((e: unknown) => {
        if (live && isMissingRoute(e)) setSetup(false);
      });
    return () => {
      live = false;
    };
  }, [api]);
  return setup;
}

export const countiesOf = (units: readonly OrgUnit[]) => units.filter((u) => u.kind === 'county');
export const departmentsOf = (units: readonly OrgUnit[]) => units.filter((u) => u.kind === 'department');
export const countyOfficesOf = (units: readonly OrgUnit[]) => units.filter((u) => u.kind === 'county_office');

// Live in-app notifications for a handling unit (socket.io namespace /tickets, event
// ticket:notification, sent by the server's dispatch jobs): the inbox reloads and shows what arrived.
import { useEffect, useRef } from 'react';
import { io } from 'socket.io-client';
import type { TicketNotification } from '../../../../server/src/contracts/tickets.ts';
import { config } from '../../config.ts';

export function useUnitNotifications(
  enabled: boolean,
  onNotification: (n: TicketNotification) => void,
): void {
  const handler = useRef(onNotification);
  handler.current = onNotification;
  useEffect(() => {
    if (!enabled) return;
    const socket = io(`${config.apiBase}/tickets`, {
      path: '/socket.io',
      withCredentials: true,
      transports: ['websocket'],
    });
    socket.on('ticket:notification', (n: TicketNotification) => handler.current(n));
    return () => {
      socket.close();
    };
  }, [enabled]);
}

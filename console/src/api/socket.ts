// socket.io namespaces of the server (server/src/contracts/realtime.ts): cookie session, path /socket.io.
import { io, type Socket } from 'socket.io-client';
import { config } from '../config.ts';

export function connectNamespace(ns: '/agent' | '/wallboard'): Socket {
  return io(`${config.apiBase}${ns}`, {
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket'],
  });
}

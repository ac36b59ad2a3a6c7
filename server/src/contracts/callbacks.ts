// API contract: 回访 callback grants (POST /api/tickets/:id/callback-grant). The console imports types only.

/** A short-lived, server-signed permission to dial one ticket requester's number through the gateway. */
export interface IssuedGrant {
  ticketId: string;
  grant: string;
  /** What the softphone INVITEs (the gateway requires the user part to equal the granted number). */
  dialUri: string;
  expiresAt: string;
}

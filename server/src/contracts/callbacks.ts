// API contract: 回访 callback grants (POST /api/tickets/:id/callback-grant). The console imports types only.

/** A short-lived, server-sealed permission to dial one ticket requester's number through the gateway. */
export interface IssuedGrant {
  ticketId: string;
  grant: string;
  /** What the softphone INVITEs: sip:callback@<domain>; the number is sealed inside `grant`. */
  dialUri: string;
  expiresAt: string;
}
